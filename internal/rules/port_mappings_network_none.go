package rules

import "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// PortMappingsNetworkNone: with network mode none a task has no external
// connectivity and the API accepts no port mappings (ecs-facts 6.12, 7.1.5).
var PortMappingsNetworkNone = register(&Rule{
	Meta: Meta{
		Name:     "port_mappings_network_none",
		Severity: Error,
		Title:    "Port mappings with network mode none",
		Summary:  "Port mappings in a task with network mode none.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		if mode, ok := p.TD.NetworkModeOf(); !ok || mode != types.NetworkModeNone {
			return
		}
		for _, c := range p.TD.ContainerDefinitions.Items {
			n := len(c.PortMappings.Items)
			if c.PortMappings.Unknown || n == 0 {
				continue
			}
			what := "a port mapping is"
			if n > 1 {
				what = itoa(int64(n)) + " port mappings are"
			}
			p.Report(c.PortMappings, "%s: %s given, but the task uses network mode \"none\", which gives containers no external network connectivity, and ECS does not accept port mappings with it. Remove portMappings, or use network mode \"awsvpc\" or \"bridge\" if the container must be reachable.", c.Label(), what)
		}
	},
})
