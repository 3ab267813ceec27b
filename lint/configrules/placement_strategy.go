package configrules

import (
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// MaxPlacementStrategies is the most placement strategy rules ECS accepts per service or task launch
// (ecs-facts 15.2; the API reference says 5, an older guide 4).
const MaxPlacementStrategies = 5

// PlacementStrategy reports placement strategies ECS does not accept.
var PlacementStrategy = register(&Rule{
	Meta: rules.Meta{
		Name:     "placement_strategy",
		Severity: rules.Error,
		Title:    "Invalid placement strategy",
		Summary:  "A placement strategy with an unknown type, a spread field that is not instanceId, host or an attribute, a binpack field other than cpu or memory, a random strategy with a field, or more than 5 strategies.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html",
		},
	},
	check: checkPlacementStrategy,
})

func checkPlacementStrategy(g *graph, _ Options, r *report) {
	for _, l := range g.targets {
		_, typ := placementBlocks(l)
		count := 0
		for _, b := range l.body.BlocksOfType(typ) {
			if b.UnknownCount {
				continue
			}
			count++
			block := typ + "[" + itoa(count-1) + "]"
			if count == MaxPlacementStrategies+1 {
				r.add(b.DefRange, l.inst.Address, []string{l.where, block},
					"%s has more than %d %s blocks; ECS accepts at most %d placement strategy rules. Remove the extra strategies.",
					l.label(), MaxPlacementStrategies, typ, MaxPlacementStrategies)
			}
			t, ok := knownString(attrValue(b.Body, "type"))
			if !ok {
				continue
			}
			fv := attrValue(b.Body, "field")
			field, fieldKnown := knownString(fv)
			at := rangeOf(b.Body, "field", b.DefRange)
			switch t {
			case "binpack":
				if fieldKnown && !strings.EqualFold(field, "cpu") && !strings.EqualFold(field, "memory") {
					r.add(at, l.inst.Address, []string{l.where, block + ".field"}, "%s: binpack placement strategy with field %q; binpack packs by \"cpu\" or \"memory\" only. Set field to \"cpu\" or \"memory\".", l.label(), field)
				}
			case "spread":
				if fieldKnown && !strings.EqualFold(field, "instanceId") && !strings.EqualFold(field, "host") && !strings.HasPrefix(field, "attribute:") {
					r.add(at, l.inst.Address, []string{l.where, block + ".field"}, "%s: spread placement strategy with field %q; spread takes \"instanceId\" (or \"host\") or an attribute such as \"attribute:ecs.availability-zone\". Set field to one of those.", l.label(), field)
				}
			case "random":
				if fieldKnown && field != "" {
					r.addSeverity(rules.Warning, at, l.inst.Address, []string{l.where, block + ".field"}, "%s: random placement strategy with field %q; the random strategy takes no field and ECS ignores it. Remove field.", l.label(), field)
				}
			default:
				r.add(rangeOf(b.Body, "type", b.DefRange), l.inst.Address, []string{l.where, block + ".type"}, "%s: placement strategy type %q is not one of \"random\", \"spread\" and \"binpack\". Use one of those.", l.label(), t)
			}
		}
	}
}
