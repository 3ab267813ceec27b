package rules

import "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// StaticHostPortInDynamicRange: in bridge mode a static host port inside the
// ephemeral range can be taken by a dynamic mapping of another task; the API
// says not to do it (ecs-facts 7.2.1–7.2.3).
var StaticHostPortInDynamicRange = register(&Rule{
	Meta: Meta{
		Name:     "static_host_port_in_dynamic_range",
		Severity: Warning,
		Title:    "Static host port inside the dynamic port range",
		Summary:  "Bridge-mode static host port inside the dynamic (ephemeral) host port range.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		},
	},
	Check: func(p *Pass) {
		if mode, ok := p.TD.NetworkModeOf(); !ok || mode != types.NetworkModeBridge {
			return
		}
		dyn := p.Config.DynamicPortRange
		for _, m := range mappings(p.TD) {
			hp, ok := m.pm.HostPort.Get()
			if !ok || hp == 0 || !dyn.Contains(int(hp)) || m.pm.ContainerPortRange.Set {
				continue
			}
			p.Report(m.pm.HostPort, "%s: static hostPort %d is inside the dynamic host port range %s, which Docker and ECS use for dynamic port mapping; AWS advises against it, because a task with a dynamic port on the same instance can take the port first, and then this task cannot be placed there. Use a host port below %d, or omit hostPort to get a dynamic one.",
				m.c.Label(), hp, dyn, dyn.From)
		}
	},
})
