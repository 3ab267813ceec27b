package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// reservedPorts are the host ports every container instance reserves by
// default (ecs-facts 7.2.4), with what reserves them.
var reservedPorts = map[int64]string{
	22:    "SSH",
	2375:  "the Docker daemon",
	2376:  "the Docker daemon (TLS)",
	51678: "the ECS container agent",
	51679: "the ECS container agent",
	51680: "the ECS container agent",
}

// ReservedHostPort: a static host port on a port the container instance
// reserves can never be placed (ecs-facts 7.2.4). The API reference lists
// 51680 as reserved but the agent's defaults do not, and the Windows agent
// does not reserve 22 (ecs-facts 18.6): those are warnings.
var ReservedHostPort = register(&Rule{
	Meta: Meta{
		Name:     "reserved_host_port",
		Severity: Error,
		Title:    "Host port reserved on container instances",
		Summary:  "Static host port on a port reserved on container instances (22, 2375, 2376, 51678–51680).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		},
	},
	Check: func(p *Pass) {
		mode, ok := p.TD.NetworkModeOf()
		if !ok || (mode != types.NetworkModeBridge && mode != types.NetworkModeHost && mode != "") {
			return // awsvpc tasks have their own network interface; none has no ports
		}
		for _, m := range mappings(p.TD) {
			if m.pm.ContainerPortRange.Set || m.pm.ContainerPortRange.Unknown {
				continue
			}
			port, ok := m.pm.HostPort.Get()
			field := "hostPort"
			if mode == types.NetworkModeHost && m.pm.HostPort.Absent() {
				// In host mode the container port is the host port.
				port, ok = m.pm.ContainerPort.Get()
				field = "containerPort"
			}
			who, reserved := reservedPorts[port]
			if !ok || !reserved {
				continue
			}
			at := m.pm.HostPort
			if field == "containerPort" {
				at = m.pm.ContainerPort
			}
			sev, note := Error, ""
			switch {
			case port == 51680:
				sev, note = Warning, " The ECS API reference lists 51680 as reserved, while the agent's default reserved ports are only 51678 and 51679, so this may work on some instances."
			case port == 22 && p.TD.Windows() != taskdef.No:
				sev, note = Warning, " The ECS API reference lists 22 as reserved, while the Windows agent does not reserve it by default, so this may work on Windows instances."
			}
			hostMode := ""
			if field == "containerPort" {
				hostMode = " (with network mode \"host\" the container port is the host port)"
			}
			p.ReportSeverity(sev, at, "%s: %s %d%s is reserved on container instances for %s; ECS cannot place the task on an instance that reserves the port, so the task never starts. Use a different host port, or omit hostPort in bridge mode to get a dynamic one.%s",
				m.c.Label(), field, port, hostMode, who, note)
		}
	},
})
