package rules

import "github.com/ecskit/terraform-provider-ecskit/internal/taskdef"

// FargatePlacementConstraint: Fargate supports no placement constraints
// (ecs-facts 8.1, 14.6).
var FargatePlacementConstraint = register(&Rule{
	Meta: Meta{
		Name:     "fargate_placement_constraint",
		Severity: Error,
		Title:    "Placement constraint on a Fargate task",
		Summary:  "placementConstraints in a task definition that is Fargate-compatible.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-tasks-services.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if td.Fargate() != taskdef.Yes || td.PlacementConstraints.Unknown || len(td.PlacementConstraints.Items) == 0 {
			return
		}
		p.Report(td.PlacementConstraints.Items[0], "The task requires FARGATE compatibility but has %d placement constraint(s); Fargate does not support placement constraints (it places tasks across Availability Zones itself). Remove the placement constraints, or drop FARGATE from the required compatibilities.", len(td.PlacementConstraints.Items))
	},
})
