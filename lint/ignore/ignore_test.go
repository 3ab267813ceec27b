package ignore

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

func at(file string, line int, rule string) findings.Finding {
	return findings.Finding{Rule: rule, Range: hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 3}, End: hcl.Pos{Line: line, Column: 9}}}
}

func known(n string) bool {
	return n == "host_port_zero" || n == "container_limit" || n == "plaintext_secret"
}

const src = `# ecslint-ignore-file: plaintext_secret demo values only
locals {
  # ecslint-ignore: host_port_zero bridge in prod, this is a test fixture
  a = 1
  b = "# ecslint-ignore: container_limit inside a string is no comment"
  c = 3 // ecslint-ignore: container_limit,host_port_zero reason here
  # ecslint-ignore: no_such_rule
  d = 4
  /* ecslint-ignore: container_limit */
}
`

func TestDirectives(t *testing.T) {
	ds := Parse([]byte(src), "main.tf")
	if len(ds) != 5 {
		t.Fatalf("want 5 directives (the string is not a comment), got %d", len(ds))
	}
	if !ds[0].File || ds[0].Reason != "demo values only" || ds[0].Rules[0] != "plaintext_secret" {
		t.Errorf("file directive: %+v", ds[0])
	}
	if got := strings.Join(ds[2].Rules, ","); got != "container_limit,host_port_zero" {
		t.Errorf("rules = %s", got)
	}
}

func TestFilterAndProblems(t *testing.T) {
	var s Set
	s.AddSource([]byte(src), "main.tf")
	in := []findings.Finding{
		at("main.tf", 4, "host_port_zero"),    // line below the directive: suppressed
		at("main.tf", 5, "container_limit"),   // the "comment" in a string does not count
		at("main.tf", 6, "container_limit"),   // same line: suppressed
		at("main.tf", 12, "plaintext_secret"), // file-level: suppressed
		at("other.tf", 4, "host_port_zero"),   // other file: kept
		at("main.tf", 8, "host_port_zero"),    // directive above names another rule: kept
	}
	out := s.Filter(in)
	if len(out) != 3 || out[0].Range.Start.Line != 5 || out[1].Range.Filename != "other.tf" || out[2].Range.Start.Line != 8 {
		t.Fatalf("kept %+v", out)
	}
	probs := s.Problems(known)
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Message)
		if p.Rule != RuleName {
			t.Errorf("problem under rule %s", p.Rule)
		}
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		`for "host_port_zero" suppresses nothing`, // line 6 directive's second rule
		`unknown rule "no_such_rule"`,
		`for "container_limit" suppresses nothing`, // the block comment on line 9
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing problem %q in:\n%s", want, joined)
		}
	}
	if len(probs) != 3 {
		t.Errorf("want 3 problems, got:\n%s", joined)
	}
}

func TestFileFormOnlyOnLineOne(t *testing.T) {
	var s Set
	s.AddSource([]byte("locals {}\n# ecslint-ignore-file: host_port_zero\n"), "x.tf")
	if out := s.Filter([]findings.Finding{at("x.tf", 9, "host_port_zero")}); len(out) != 1 {
		t.Error("a file directive below line 1 must not suppress")
	}
	probs := s.Problems(known)
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "first line") {
		t.Errorf("problems: %+v", probs)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(src))
	f.Add([]byte("# ecslint-ignore:\n"))
	f.Add([]byte("/* ecslint-ignore-file: a,b,,c */"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range Parse(b, "f.tf") {
			for _, r := range d.Rules {
				if r == "" || strings.ContainsAny(r, ", ") {
					t.Fatalf("bad rule name %q", r)
				}
			}
		}
	})
}
