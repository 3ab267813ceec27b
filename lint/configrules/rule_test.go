package configrules

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// load loads testdata/<dir> with the schemas ecslint passes.
func load(t *testing.T, dir string) *module.Config {
	t.Helper()
	cfg, diags := module.Load(filepath.Join("testdata", dir), module.Options{Schemas: Schemas})
	if diags.HasErrors() {
		t.Fatalf("loading %s: %s", dir, diags.Error())
	}
	return cfg
}

// ruleCase is a module directory and the findings one rule must report on it: each want entry is a piece of
// one finding's message, in order.
type ruleCase struct {
	dir  string
	want []string
	// lines, when given, are the findings' start lines in order.
	lines []int
}

func runRule(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			got := only(Check(load(t, c.dir), Options{}), r.Name)
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), messages(got))
			}
			for i, w := range c.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("finding %d: %q does not contain %q", i, got[i].Message, w)
				}
				if got[i].Link != r.Link() || got[i].Range.Filename == "" || got[i].Address == "" {
					t.Errorf("finding %d lacks its link, range or address: %+v", i, got[i])
				}
				if c.lines != nil && got[i].Range.Start.Line != c.lines[i] {
					t.Errorf("finding %d on line %d, want %d", i, got[i].Range.Start.Line, c.lines[i])
				}
			}
			// Findings are told apart without their messages (ecslint matches a plan's findings with the
			// configuration's by rule, address and About): two findings with one About are one finding.
			seen := map[string]findings.Finding{}
			for _, f := range got {
				if len(f.About) == 0 {
					t.Errorf("finding without About: %s", f.Message)
				}
				k := f.Address + "\x00" + strings.Join(f.About, "\x00")
				if g, ok := seen[k]; ok && (g.Message != f.Message || g.Range != f.Range) {
					t.Errorf("two findings with About %q on %s:\n%s\n%s", f.About, f.Address, g.Message, f.Message)
				}
				seen[k] = f
			}
		})
	}
}

func only(fs []findings.Finding, rule string) []findings.Finding {
	var out []findings.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func messages(fs []findings.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Range.String() + " " + f.Rule + ": " + f.Message + "\n")
	}
	return b.String()
}

func TestCheckSkipsAndSorts(t *testing.T) {
	cfg := load(t, "dps-port80")
	all := Check(cfg, Options{})
	if len(all) == 0 {
		t.Fatal("no findings on dps-port80")
	}
	none := Check(cfg, Options{Skip: func(string) bool { return true }})
	if len(none) != 0 {
		t.Errorf("Skip all still gives %d findings", len(none))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Range.Filename == all[i].Range.Filename && all[i-1].Range.Start.Line > all[i].Range.Start.Line {
			t.Errorf("findings not sorted:\n%s", messages(all))
		}
	}
	// A custom dynamic range that the rule from the load balancer covers silences the finding.
	custom := only(Check(cfg, Options{DynamicPortRange: rules.PortRange{From: 80, To: 80}}), DynamicPortSecurityGroup.Name)
	if len(custom) != 0 {
		t.Errorf("dynamic range 80-80 is admitted, got:\n%s", messages(custom))
	}
}
