package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// DependsOnHealthCheck: a HEALTHY dependency needs a health check on the
// container it waits for (ecs-facts 11.5). Whether registration rejects it
// is unconfirmed, so this is a warning.
var DependsOnHealthCheck = register(&Rule{
	Meta: Meta{
		Name:     "depends_on_health_check",
		Severity: Warning,
		Title:    "HEALTHY dependency on a container without health check",
		Summary:  "HEALTHY condition on a container without healthCheck.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html",
		},
	},
	Check: func(p *Pass) {
		names := p.TD.ByName()
		for _, c := range p.TD.ContainerDefinitions.Items {
			for _, d := range c.DependsOn.Items {
				if !d.Condition.Is(types.ContainerConditionHealthy) {
					continue
				}
				n, ok := d.ContainerName.Get()
				target := names[n]
				if !ok || target == nil || target.HealthCheck != nil {
					continue
				}
				p.Report(d.Condition, "%s: dependsOn waits for %s to be HEALTHY, but %s has no healthCheck; the HEALTHY condition requires a health check on the container it waits for, so %s can never start. Add a healthCheck to %s, or use the START condition.",
					c.Label(), target.Label(), taskdef.Quote(n), c.Label(), taskdef.Quote(n))
			}
		}
	},
})
