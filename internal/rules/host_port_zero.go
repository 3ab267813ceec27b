package rules

import "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// HostPortZero: hostPort 0 asks for a dynamic host port, which only bridge
// mode provides (ecs-facts 7.1.2a, 7.1.4).
var HostPortZero = register(&Rule{
	Meta: Meta{
		Name:     "host_port_zero",
		Severity: Error,
		Title:    "Dynamic host port outside bridge mode",
		Summary:  "hostPort 0 (dynamic) outside bridge: dynamic mapping exists only in bridge mode.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		},
	},
	Check: func(p *Pass) {
		mode, ok := p.TD.NetworkModeOf()
		if !ok || (mode != types.NetworkModeAwsvpc && mode != types.NetworkModeHost) {
			return
		}
		for _, m := range mappings(p.TD) {
			if hp, ok := m.pm.HostPort.Get(); !ok || hp != 0 {
				continue
			}
			fix := "omit hostPort"
			if cp, ok := m.pm.ContainerPort.Get(); ok {
				fix += " or set it to the containerPort " + itoa(cp)
			}
			p.Report(m.pm.HostPort, "%s: hostPort 0 asks for a dynamic host port, but dynamic port mapping needs bridge network mode and this task uses %s. Either %s, or use network mode \"bridge\" for dynamic ports.", m.c.Label(), modeName(mode), fix)
		}
	},
})
