package configrules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// FargateServiceCompatibility reports Fargate launches of task definitions that do not list FARGATE in
// requires_compatibilities.
var FargateServiceCompatibility = register(&Rule{
	Meta: rules.Meta{
		Name:     "fargate_service_compatibility",
		Severity: rules.Error,
		Title:    "Fargate launch of a task definition not compatible with Fargate",
		Summary:  "A service, EventBridge or Scheduler target that launches on Fargate a task definition whose requires_compatibilities lacks FARGATE.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		},
	},
	check: checkFargateServiceCompatibility,
})

func checkFargateServiceCompatibility(g *graph, _ Options, r *report) {
	for _, l := range g.targets {
		if l.td == nil || l.td.td.Compatible(types.CompatibilityFargate) != taskdef.No {
			continue
		}
		ans, why := g.fargate(l)
		if ans != yes {
			continue
		}
		attr := "task_definition"
		if l.where != "" {
			attr = "task_definition_arn"
		}
		r.add(rangeOf(l.body, attr, l.rng), l.inst.Address, []string{l.where, attr, l.td.inst.Address},
			"%s launches %s on Fargate (%s), but its requires_compatibilities does not include \"FARGATE\", so ECS has not validated it for Fargate and rejects the launch. Add \"FARGATE\" to requires_compatibilities (with network_mode \"awsvpc\" and task-level cpu and memory).",
			l.label(), l.td.inst.Address, why)
	}
}
