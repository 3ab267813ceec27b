package rules

import (
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Unknown is the string that test task definitions use for a value known
// only after apply: parseTD turns it into an unknown node.
const Unknown = "(known after apply)"

func parseTD(t *testing.T, src string) *taskdef.TaskDefinition {
	t.Helper()
	n, diags := tree.ParseJSON([]byte(src), "td.json")
	if diags.HasErrors() {
		t.Fatalf("bad test JSON: %s", diags.Error())
	}
	markUnknown(n)
	td, errs := taskdef.Decode(n)
	if len(errs) > 0 {
		t.Fatalf("bad test task definition: %v", errs)
	}
	return td
}

func markUnknown(n *tree.Node) {
	if n.Kind == tree.String && n.Str == Unknown {
		n.Kind = tree.Unknown
	}
	for _, f := range n.Fields {
		markUnknown(f.Value)
	}
	for _, e := range n.Elems {
		markUnknown(e)
	}
}

// ruleCase is one task definition and the findings one rule must report on
// it: each want entry is a piece of one finding's message, in order.
type ruleCase struct {
	name string
	td   string
	want []string
	// paths, when given, are the findings' paths in order.
	paths []string
}

func runRule(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			td := parseTD(t, c.td)
			p := &Pass{TD: td, Config: Config{DynamicPortRange: DefaultDynamicPortRange}, rule: r}
			r.Check(p)
			got := p.findings
			if len(got) != len(c.want) {
				msgs := make([]string, len(got))
				for i, f := range got {
					msgs[i] = f.Message
				}
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), strings.Join(msgs, "\n"))
			}
			for i, w := range c.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("finding %d: %q does not contain %q", i, got[i].Message, w)
				}
				if got[i].Rule != r {
					t.Errorf("finding %d has rule %s", i, got[i].Rule.Name)
				}
				if c.paths != nil && got[i].Path != c.paths[i] {
					t.Errorf("finding %d: path %q, want %q", i, got[i].Path, c.paths[i])
				}
			}
			// The same task definition with a secret in every free-text
			// value: no message of any rule may quote it.
			checkNoLeak(t, c.td)
		})
	}
}

func TestRunSortsAndSkips(t *testing.T) {
	td := parseTD(t, `{"family":"f","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096","containerDefinitions":[{"name":"a","image":"x","essential":false}]}`)
	all := Run(td, Config{})
	names := map[string]bool{}
	for _, f := range all {
		names[f.Rule.Name] = true
	}
	for _, want := range []string{"fargate_cpu_memory", "fargate_network_mode", "essential_container"} {
		if !names[want] {
			t.Errorf("Run did not report %s: %v", want, names)
		}
	}
	skipped := Run(td, Config{Skip: func(n string) bool { return n == "fargate_cpu_memory" }})
	for _, f := range skipped {
		if f.Rule.Name == "fargate_cpu_memory" {
			t.Error("skipped rule still ran")
		}
	}
	if len(skipped) != len(all)-1 {
		t.Errorf("skipping one rule removed %d findings", len(all)-len(skipped))
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Range.Start.Line > b.Range.Start.Line || (a.Range.Start.Line == b.Range.Start.Line && a.Range.Start.Column > b.Range.Start.Column) {
			t.Errorf("findings out of order: %v before %v", a.Range, b.Range)
		}
	}
}
