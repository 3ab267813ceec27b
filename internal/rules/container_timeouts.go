package rules

import "github.com/ecskit/terraform-provider-ecskit/internal/taskdef"

// The startTimeout/stopTimeout bounds on Fargate, in seconds (ecs-facts 8.10, 11.11).
const (
	MinFargateTimeout = 2
	MaxFargateTimeout = 120
)

// ContainerTimeouts: on Fargate, startTimeout and stopTimeout must be
// 2–120 seconds. EC2 documents no bounds.
var ContainerTimeouts = register(&Rule{
	Meta: Meta{
		Name:     "container_timeouts",
		Severity: Error,
		Title:    "Container timeout out of range on Fargate",
		Summary:  "startTimeout or stopTimeout outside 2–120 seconds on Fargate.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		if p.TD.Fargate() != taskdef.Yes {
			return
		}
		for _, c := range p.TD.ContainerDefinitions.Items {
			for _, f := range []struct {
				v    taskdef.Value[int64]
				name string
				def  string
			}{{c.StartTimeout, "startTimeout", ""}, {c.StopTimeout, "stopTimeout", " (the default is 30)"}} {
				s, ok := f.v.Get()
				if !ok || (s >= MinFargateTimeout && s <= MaxFargateTimeout) {
					continue
				}
				p.Report(f.v, "%s: %s %d is outside %d-%d seconds, the range Fargate accepts. Set %s between %d and %d%s, or omit it.",
					c.Label(), f.name, s, MinFargateTimeout, MaxFargateTimeout, f.name, MinFargateTimeout, MaxFargateTimeout, f.def)
			}
		}
	},
})
