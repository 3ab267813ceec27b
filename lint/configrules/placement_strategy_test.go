package configrules

import (
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

func TestPlacementStrategy(t *testing.T) {
	runRule(t, PlacementStrategy, []ruleCase{
		{dir: "ps-bad", want: []string{
			`binpack placement strategy with field "instanceId"`,
			`spread placement strategy with field "memory"`,
			`random placement strategy with field "cpu"`,
			`placement strategy type "packed" is not one of`,
		}},
		{dir: "ps-too-many", want: []string{"has more than 5 ordered_placement_strategy blocks"}},
		{dir: "ps-good"},
		{dir: "ps-unknown"},
	})
	fs := only(Check(load(t, "ps-bad"), Options{}), PlacementStrategy.Name)
	sev := []rules.Severity{rules.Error, rules.Error, rules.Warning, rules.Error}
	for i, f := range fs {
		if f.Severity != sev[i] {
			t.Errorf("finding %d has severity %s, want %s", i, f.Severity, sev[i])
		}
	}
}
