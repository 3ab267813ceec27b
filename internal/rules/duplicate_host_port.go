package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// DuplicateHostPort: one host port and protocol can be mapped once per task
// (ecs-facts 7.1.6). Under awsvpc and host the host port is the container
// port, so two containers exposing one port collide.
var DuplicateHostPort = register(&Rule{
	Meta: Meta{
		Name:     "duplicate_host_port",
		Severity: Error,
		Title:    "Host port mapped twice",
		Summary:  "One host port/protocol mapped twice in a task (including two containers exposing the same port under awsvpc or host).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		},
	},
	Check: func(p *Pass) {
		mode, modeKnown := p.TD.NetworkModeOf()
		shared := modeKnown && (mode == types.NetworkModeAwsvpc || mode == types.NetworkModeHost)
		type key struct {
			port  int64
			proto string
		}
		seen := map[key]mapping{}
		for _, m := range mappings(p.TD) {
			proto, ok := protocol(m.pm)
			if !ok || m.pm.ContainerPortRange.Set || m.pm.ContainerPortRange.Unknown {
				continue
			}
			port, explicit := m.pm.HostPort.Get()
			if !explicit && !m.pm.HostPort.Absent() {
				continue // unknown host port
			}
			if !explicit || port == 0 {
				if !shared {
					continue // dynamic in bridge mode, or mode unknown
				}
				if port, ok = m.pm.ContainerPort.Get(); !ok {
					continue
				}
			}
			k := key{port, proto}
			first, dup := seen[k]
			if !dup {
				seen[k] = m
				continue
			}
			who := "again by " + first.c.Label()
			if first.c == m.c {
				who = "twice in the same container"
			}
			why := ""
			if shared && first.c != m.c {
				why = " Under network mode " + modeName(mode) + " all containers of a task share one network namespace, so each port can be used by one container only."
			}
			p.Report(m.pm, "%s: %s host port %d is mapped %s; ECS rejects the task (\"%s host port '%d' is mapped multiple times in task.\").%s Use a different port for one of the mappings.",
				m.c.Label(), strings.ToUpper(proto), port, who, strings.ToUpper(proto), port, why)
		}
	},
})
