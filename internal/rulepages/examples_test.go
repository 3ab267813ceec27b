package rulepages

import (
	"strings"
	"testing"
)

const page = "# r\n\n**Severity:** error · **Applies to:** ecslint · **Since:** 0.1.0\n\nLead.\n\n## Why\n\nBecause.\n\n" +
	"## Failing example\n\n```hcl\nresource \"a\" \"b\" {}\n```\n\n<!-- hidden lines that complete the example:\nvariable \"v\" {}\n-->\n\n" +
	"ecslint reports:\n\n```text\nmain.tf:1:1: warning: one ... three (other_rule)\nmain.tf:2:3: error: four. (r)\n```\n\n" +
	"At `containerDefinitions[0].name`:\n\n```\nfive\nsix\n```\n\n" +
	"## Passing example\n\n```json\n{}\n```\n\n<!-- the example in full, as an HCL expression:\n{ a = [for i in range(2) : format(\"%03d\", i)], b = replace(\"xyx\", \"y\", \"x\") }\n-->\n\n" +
	"## How to fix\n\nFix.\n\n## Source\n\n- none\n"

func TestParseExamples(t *testing.T) {
	ex, err := ParseExamples(page)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Failing.Lang != "hcl" || ex.Failing.Line != 14 || ex.Failing.HCL() != "resource \"a\" \"b\" {}\nvariable \"v\" {}\n" {
		t.Errorf("failing example %+v", ex.Failing)
	}
	if len(ex.Findings) != 3 {
		t.Fatalf("findings %+v", ex.Findings)
	}
	if q := ex.Findings[0]; q.File != "main.tf" || q.Line != 1 || q.Column != 1 || q.Severity != "warning" || q.Rule != "other_rule" || q.Placed {
		t.Errorf("first quote %+v", q)
	}
	if q := ex.Findings[1]; q.Rule != "r" || q.Line != 2 || q.Column != 3 || q.Message != "four." {
		t.Errorf("second quote %+v", q)
	}
	if q := ex.Findings[2]; q.Message != "five six" || q.Place != "containerDefinitions[0].name" || !q.Placed {
		t.Errorf("third quote %+v", q)
	}
	js, err := ex.Passing.JSON()
	if err != nil || string(js) != `{"a":["000","001"],"b":"xxx"}` {
		t.Errorf("passing example in full: %s, %v", js, err)
	}
	for _, bad := range []struct{ from, to, want string }{
		{"```hcl\nresource", "```yaml\nresource", "not a ```json or ```hcl block"},
		{"<!-- hidden lines that complete the example:", "<!-- the example in full, as an HCL expression:", "neither"},
		{"```text\nmain.tf", "```hcl\nmain.tf", "only quoted findings"},
		{"## Passing example", "## Passing", `no section "Passing example"`},
		{"\n-->\n\n## How", "\n\n## How", "not closed"},
	} {
		if _, err := ParseExamples(strings.Replace(page, bad.from, bad.to, 1)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q → %q: error %v, want one about %q", bad.from, bad.to, err, bad.want)
		}
	}
}

func TestQuoteMatches(t *testing.T) {
	for _, c := range []struct {
		quote, msg string
		want       bool
	}{
		{"a b  c", "a b\nc", true},
		{"a b c", "a b c d", false},
		{"a ... c", "a b b c", true},
		{"a … c", "a b c", true},
		{"a ... c", "x a b c", false},
		{"a ... c", "a b c x", false},
		{"a ... b ... c", "a c b c", true},
		{"a ... b ... c", "a c c", false},
	} {
		if got := (Quote{Message: c.quote}).Matches(c.msg); got != c.want {
			t.Errorf("%q matches %q: %v", c.quote, c.msg, got)
		}
	}
}
