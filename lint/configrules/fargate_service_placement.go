package configrules

import (
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// FargateServicePlacement reports placement constraints and strategies on anything that launches on Fargate.
var FargateServicePlacement = register(&Rule{
	Meta: rules.Meta{
		Name:     "fargate_service_placement",
		Severity: rules.Error,
		Title:    "Placement constraints or strategies on Fargate",
		Summary:  "Placement constraints or ordered placement strategies on an aws_ecs_service, an EventBridge ecs_target or an EventBridge Scheduler ecs_parameters that launches on Fargate.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html",
		},
	},
	check: checkFargateServicePlacement,
})

// placementBlocks names a launcher's placement-constraint and placement-strategy block types.
func placementBlocks(l *launcher) (constraint, strategy string) {
	switch l.where {
	case "ecs_target":
		return "placement_constraint", "ordered_placement_strategy"
	case "target.ecs_parameters":
		return "placement_constraints", "placement_strategy"
	}
	return "placement_constraints", "ordered_placement_strategy"
}

func checkFargateServicePlacement(g *graph, _ Options, r *report) {
	for _, l := range g.targets {
		ans, why := g.fargate(l)
		if ans != yes {
			continue
		}
		constraint, strategy := placementBlocks(l)
		seen := map[string]int{} // blocks of each type so far: the block's index, which identifies the finding
		for _, b := range l.body.Blocks {
			if b.UnknownCount || b.Type != constraint && b.Type != strategy {
				continue
			}
			i := seen[b.Type]
			seen[b.Type]++
			what, fix := "placement constraints", "Remove the "+b.Type+" block, or launch on EC2 capacity if the tasks must be placed."
			if b.Type == strategy {
				what, fix = "placement strategies", "Remove the "+b.Type+" block: Fargate places tasks itself, spread across Availability Zones."
			}
			r.add(b.DefRange, l.inst.Address, []string{l.where, b.Type + "[" + itoa(i) + "]"},
				"%s launches its tasks on Fargate (%s), and Fargate does not support %s; ECS rejects the request. %s",
				l.label(), why, what, fix)
		}
	}
}
