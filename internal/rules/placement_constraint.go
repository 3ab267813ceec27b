package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// MaxPlacementConstraints is the limit of constraints per task (ecs-facts 14.5).
const MaxPlacementConstraints = 10

// MaxExpressionLength is the limit of a constraint expression (ecs-facts 14.5).
const MaxExpressionLength = 2000

// PlacementConstraint: in a task definition only memberOf is allowed, it
// needs an expression, and there are at most 10 (ecs-facts 14.2–14.5).
var PlacementConstraint = register(&Rule{
	Meta: Meta{
		Name:     "placement_constraint",
		Severity: Error,
		Title:    "Invalid placement constraint",
		Summary:  "In a task definition only memberOf is allowed; memberOf needs an expression; distinctInstance takes none; at most 10.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinitionPlacementConstraint.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html",
		},
	},
	Check: func(p *Pass) {
		l := p.TD.PlacementConstraints
		if l.Unknown {
			return
		}
		if len(l.Items) > MaxPlacementConstraints {
			p.Report(l, "The task has %d placement constraints; ECS allows at most %d per task. Merge expressions with \"and\".", len(l.Items), MaxPlacementConstraints)
		}
		for _, pc := range l.Items {
			t, ok := pc.Type.Get()
			if !ok {
				continue
			}
			switch {
			case strings.EqualFold(string(t), string(types.PlacementConstraintTypeDistinctInstance)):
				extra := ""
				if pc.Expression.Set {
					extra = " (and distinctInstance takes no expression: \"distinctInstance expression should not be specified.\")"
				}
				p.Report(pc.Type, "Placement constraint type \"distinctInstance\" is not allowed in a task definition; ECS rejects it (\"constraint.type 'distinctInstance' is not supported.\")%s. Put distinctInstance on the service (placement_constraints of aws_ecs_service) instead.", extra)
			case t != types.TaskDefinitionPlacementConstraintTypeMemberOf:
				// Other values are invalid_enum's.
			case pc.Expression.Absent() || (pc.Expression.Known() && strings.TrimSpace(pc.Expression.V) == ""):
				p.ReportSeverity(Warning, pc, "A memberOf placement constraint without an expression constrains nothing (AWS documents the expression as required for memberOf). Add an expression such as \"attribute:ecs.instance-type =~ t3.*\", or remove the constraint.")
			case pc.Expression.Known() && len(pc.Expression.V) > MaxExpressionLength:
				p.Report(pc.Expression, "The placement constraint expression is %d characters long; ECS allows at most %d. Shorten it, for example with custom attributes.", len(pc.Expression.V), MaxExpressionLength)
			}
		}
	},
})
