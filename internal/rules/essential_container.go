package rules

import "github.com/ecskit/terraform-provider-ecskit/internal/taskdef"

// EssentialContainer: a task needs at least one essential container; an
// omitted essential means true (ecs-facts 11.1).
var EssentialContainer = register(&Rule{
	Meta: Meta{
		Name:     "essential_container",
		Severity: Error,
		Title:    "No essential container",
		Summary:  "No container in the task is essential.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		l := p.TD.ContainerDefinitions
		if l.Unknown || len(l.Items) == 0 {
			return
		}
		for _, c := range l.Items {
			if c.IsEssential() != taskdef.No {
				return
			}
		}
		p.Report(l, "Every container sets essential to false; ECS requires at least one essential container (\"Task definition doesn't have any essential container.\"). Set essential = true on the main container (or omit essential, which means true).")
	},
})
