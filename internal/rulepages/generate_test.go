package rulepages

import (
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

func TestSetHeader(t *testing.T) {
	m := &rules.Meta{Name: "some_rule", Severity: rules.Warning, Since: "0.2.0", Scope: rules.ConfigScope}
	got, err := SetHeader("# old_name\n\n**Severity:** error · **Applies to:** nothing\n\nLead.\n\n## Why\n", m)
	want := "# some_rule\n\n**Severity:** warning · **Applies to:** ecslint · **Since:** 0.2.0\n\nLead.\n\n## Why\n"
	if err != nil || got != want {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
	for _, bad := range []string{"Lead.\n", "# some_rule\n\nLead.\n\n## Why\n"} {
		if _, err := SetHeader(bad, m); err == nil || !strings.Contains(err.Error(), "some_rule") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

func TestSetIndex(t *testing.T) {
	cat := []*rules.Meta{
		{Name: "a", Severity: rules.Error, Summary: "A | B.", Scope: rules.TaskScope},
		{Name: "b", Severity: rules.Warning, Summary: "B.", Scope: rules.ConfigScope},
		{Name: "c", Severity: rules.Notice, Summary: "C.", Scope: rules.IgnoreScope},
	}
	old := "# Index\n\n## Task\n\n" + indexTable + "| old | row |\n\nText.\n\n## Config\n\n" + indexTable + "\n## Own\n\n" + indexTable + "| x |"
	got, err := SetIndex(old, cat)
	want := "# Index\n\n## Task\n\n" + indexTable + "| [`a`](a.md) | error | A \\| B. |\n\nText.\n\n## Config\n\n" + indexTable +
		"| [`b`](b.md) | warning | B. |\n\n## Own\n\n" + indexTable + "| [`c`](c.md) | notice | C. |\n"
	if err != nil || got != want {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
	if _, err := SetIndex("# Index\n\n"+indexTable, cat); err == nil {
		t.Error("an index with one table is accepted")
	}
	if _, err := SetIndex(strings.Repeat(indexTable+"\n", 4), cat); err == nil {
		t.Error("an index with four tables is accepted")
	}
}
