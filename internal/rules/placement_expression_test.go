package rules

import (
	"strings"
	"testing"
)

func TestPlacementExpression(t *testing.T) {
	pc := func(typ, expr string) string {
		return `{"placementConstraints":[{"type":"` + typ + `","expression":"` + expr + `"}],"containerDefinitions":[{"name":"web","image":"x","memory":128}]}`
	}
	runRule(t, PlacementExpression, []ruleCase{
		{name: "missing operator", td: pc("memberOf", "attribute:ecs.instance-type t2.small"),
			want:  []string{`The memberOf expression "attribute:ecs.instance-type t2.small" is not valid cluster query language at column 29: expected an operator`},
			paths: []string{"placementConstraints[0].expression"}},
		{name: "operator the subject does not take", td: pc("memberOf", "agentVersion in [1.14.5]"), want: []string{"at column 14"}},
		{name: "unbalanced parenthesis", td: pc("memberOf", "(task:group == db"), want: []string{"not valid cluster query language"}},
		{name: "valid compound", td: pc("memberOf", "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d")},
		{name: "valid list", td: pc("memberOf", "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]")},
		{name: "valid not", td: pc("memberOf", "not(task:group == database)")},
		{name: "empty is placement_constraint's", td: pc("memberOf", "")},
		{name: "distinctInstance is placement_constraint's", td: pc("distinctInstance", "nonsense here")},
		{name: "too long is placement_constraint's", td: pc("memberOf", strings.Repeat("x", 2001))},
		{name: "unknown expression", td: `{"placementConstraints":[{"type":"memberOf","expression":"(known after apply)"}],"containerDefinitions":[]}`},
		{name: "unknown type", td: `{"placementConstraints":[{"type":"(known after apply)","expression":"a b c"}],"containerDefinitions":[]}`},
		{name: "unknown list", td: `{"placementConstraints":"(known after apply)","containerDefinitions":[]}`},
	})
}

func TestPlacementExpressionPointsAtColumn(t *testing.T) {
	src := `{"placementConstraints":[{"type":"memberOf","expression":"attribute:ecs.instance-type t2.small"}],"containerDefinitions":[]}`
	td := parseTD(t, src)
	fs := Run(td, Config{Skip: func(n string) bool { return n != PlacementExpression.Name }})
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
	r := fs[0].Range
	if got := src[r.Start.Byte:r.End.Byte]; got != "t2.small" {
		t.Errorf("finding range covers %q, want %q", got, "t2.small")
	}
	if want := strings.Index(src, "t2.small") + 1; r.Start.Column != want {
		t.Errorf("finding starts at column %d, want %d", r.Start.Column, want)
	}
}
