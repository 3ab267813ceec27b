package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// DependsOnEssential: a COMPLETE or SUCCESS dependency cannot target an
// essential container (ecs-facts 11.4): an essential container that exits
// stops the task.
var DependsOnEssential = register(&Rule{
	Meta: Meta{
		Name:     "depends_on_essential",
		Severity: Error,
		Title:    "Exit dependency on an essential container",
		Summary:  "COMPLETE or SUCCESS condition on an essential container.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html",
		},
	},
	Check: func(p *Pass) {
		names := p.TD.ByName()
		for _, c := range p.TD.ContainerDefinitions.Items {
			for _, d := range c.DependsOn.Items {
				cond, ok := d.Condition.Get()
				if !ok || (cond != types.ContainerConditionComplete && cond != types.ContainerConditionSuccess) {
					continue
				}
				n, ok := d.ContainerName.Get()
				target := names[n]
				if !ok || target == nil || target.IsEssential() != taskdef.Yes {
					continue
				}
				p.Report(d.Condition, "%s: dependsOn waits for %s to %s, but %s is essential; ECS rejects the task definition (\"A dependency container with SUCCESS or COMPLETE condition cannot be an essential container\"). Set essential to false on %s (it is meant to exit), or use the START or HEALTHY condition.",
					c.Label(), target.Label(), exitVerb(cond), taskdef.Quote(n), taskdef.Quote(n))
			}
		}
	},
})

// exitVerb says what a COMPLETE or SUCCESS condition waits for.
func exitVerb(cond types.ContainerCondition) string {
	if cond == types.ContainerConditionSuccess {
		return "exit with status 0 (SUCCESS)"
	}
	return "exit (COMPLETE)"
}
