package configrules

import (
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// FargateDaemonScheduling reports services with the DAEMON scheduling strategy on Fargate.
var FargateDaemonScheduling = register(&Rule{
	Meta: rules.Meta{
		Name:     "fargate_daemon_scheduling",
		Severity: rules.Error,
		Title:    "DAEMON scheduling on Fargate",
		Summary:  "An aws_ecs_service with scheduling_strategy DAEMON that launches on Fargate, which has no container instances to run one task on each.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
		},
	},
	check: checkFargateDaemonScheduling,
})

func checkFargateDaemonScheduling(g *graph, _ Options, r *report) {
	for _, s := range g.services {
		if v, ok := knownString(attrValue(s.body, "scheduling_strategy")); !ok || v != "DAEMON" {
			continue
		}
		ans, why := g.fargate(s.launcher)
		if ans != yes {
			continue
		}
		r.add(rangeOf(s.body, "scheduling_strategy", s.rng), s.inst.Address, []string{"scheduling_strategy"},
			"%s uses scheduling_strategy \"DAEMON\" and launches on Fargate (%s); the DAEMON strategy runs one task on each container instance, and Fargate has none, so ECS rejects the service. Use scheduling_strategy \"REPLICA\" with a desired_count, or launch on EC2 capacity.",
			s.inst.Address, why)
	}
}
