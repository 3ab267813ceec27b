package rules

import "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// HostPortMismatch: under awsvpc and host the host port is the container
// port (ecs-facts 7.1.2, 7.1.3).
var HostPortMismatch = register(&Rule{
	Meta: Meta{
		Name:     "host_port_mismatch",
		Severity: Error,
		Title:    "Host port differs from container port",
		Summary:  "awsvpc or host network mode: hostPort set and different from containerPort.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
		},
	},
	Check: func(p *Pass) {
		mode, ok := p.TD.NetworkModeOf()
		if !ok || (mode != types.NetworkModeAwsvpc && mode != types.NetworkModeHost) {
			return
		}
		for _, m := range mappings(p.TD) {
			hp, hok := m.pm.HostPort.Get()
			cp, cok := m.pm.ContainerPort.Get()
			if !hok || !cok || hp == 0 || hp == cp {
				continue
			}
			p.Report(m.pm.HostPort, "%s: hostPort %d differs from containerPort %d; with network mode %s the host port must be omitted or equal to the container port. Remove hostPort or set it to %d.", m.c.Label(), hp, cp, modeName(mode), cp)
		}
	},
})
