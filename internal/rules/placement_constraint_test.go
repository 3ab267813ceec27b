package rules

import (
	"strings"
	"testing"
)

func TestPlacementConstraint(t *testing.T) {
	pc := func(list string) string {
		return `{"placementConstraints":[` + list + `],"containerDefinitions":[{"name":"a","image":"x"}]}`
	}
	eleven := strings.TrimSuffix(strings.Repeat(`{"type":"memberOf","expression":"attribute:a == b"},`, 11), ",")
	runRule(t, PlacementConstraint, []ruleCase{
		{name: "distinctInstance", td: pc(`{"type":"distinctInstance"}`), want: []string{`"distinctInstance" is not allowed in a task definition`}, paths: []string{"placementConstraints[0].type"}},
		{name: "distinctInstance with expression", td: pc(`{"type":"distinctInstance","expression":"x"}`), want: []string{"takes no expression"}},
		{name: "memberOf without expression warns", td: pc(`{"type":"memberOf"}`), want: []string{"without an expression"}},
		{name: "too many", td: pc(eleven), want: []string{"11 placement constraints"}},
		{name: "too long", td: pc(`{"type":"memberOf","expression":"attribute:a == ` + strings.Repeat("b", 2000) + `"}`), want: []string{"at most 2000"}},
		{name: "memberOf", td: pc(`{"type":"memberOf","expression":"attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"}`)},
		{name: "unknown type", td: pc(`{"type":"(known after apply)"}`)},
		{name: "unknown expression", td: pc(`{"type":"memberOf","expression":"(known after apply)"}`)},
	})
}

func TestMemberOfWithoutExpressionIsOnlyAWarning(t *testing.T) {
	td := parseTD(t, `{"placementConstraints":[{"type":"memberOf"}],"containerDefinitions":[{"name":"a"}]}`)
	for _, f := range Run(td, Config{}) {
		if f.Rule == PlacementConstraint && f.Severity != Warning {
			t.Errorf("AWS may accept a memberOf without expression (ecs-facts 14.4); got %s", f.Severity)
		}
	}
}
