package rules

import "github.com/ecskit/terraform-provider-ecskit/internal/taskdef"

// FargatePlacementConstraint: Fargate supports no placement constraints
// (ecs-facts 8.1, 14.6).
var FargatePlacementConstraint = register(&Rule{
	Name:     "fargate_placement_constraint",
	Severity: Error,
	Title:    "Placement constraint on a Fargate task",
	Summary:  "placementConstraints in a task definition that is Fargate-compatible.",
	Check: func(p *Pass) {
		td := p.TD
		if td.Fargate() != taskdef.Yes || td.PlacementConstraints.Unknown || len(td.PlacementConstraints.Items) == 0 {
			return
		}
		p.Report(td.PlacementConstraints.Items[0], "The task requires FARGATE compatibility but has %d placement constraint(s); Fargate does not support placement constraints (it places tasks across Availability Zones itself). Remove the placement constraints, or drop FARGATE from the required compatibilities.", len(td.PlacementConstraints.Items))
	},
})
