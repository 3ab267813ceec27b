package rules

import (
	"regexp"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// MaxPortRanges is the number of containerPortRange mappings a container may
// have (ecs-facts 5, 7.3.2).
const MaxPortRanges = 100

// MaxPort is the highest TCP/UDP port.
const MaxPort = 65535

var containerPortRangeRE = regexp.MustCompile(`^([0-9]{1,5})-([0-9]{1,5})$`)

// PortRangeRule: ports must be 1–65535 (hostPort 0 means dynamic), and a
// containerPortRange is "first-last" with first < last, in bridge or awsvpc
// mode, not overlapping another mapping of the container, at most 100 per
// container, and hostPortRange is ECS's to set (ecs-facts 7.1.1, 7.3).
var PortRangeRule = register(&Rule{
	Meta: Meta{
		Name:     "port_range",
		Severity: Error,
		Title:    "Invalid port or port range",
		Summary:  "Ports outside 1–65535; malformed, overlapping or misplaced containerPortRange; more than 100 ranges per container; hostPortRange set.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		},
	},
	Check: checkPortRange,
})

// portSpan is a known port or port range of one mapping.
type portSpan struct {
	r     PortRange
	proto string
	pm    *taskdef.PortMapping
	text  string
}

func checkPortRange(p *Pass) {
	mode, modeOK := p.TD.NetworkModeOf()
	for _, c := range p.TD.ContainerDefinitions.Items {
		if c.PortMappings.Unknown {
			continue
		}
		var ranges, singles []portSpan
		n := 0
		for _, pm := range c.PortMappings.Items {
			rangeGiven := pm.ContainerPortRange.Set || pm.ContainerPortRange.Unknown
			if pm.ContainerPortRange.Set {
				n++
			}
			if cp, ok := pm.ContainerPort.Get(); ok && !rangeGiven && (cp < 1 || cp > MaxPort) {
				p.Report(pm.ContainerPort, "%s: containerPort %d is outside 1-%d; ECS rejects it (%s). Set containerPort to the port the application listens on.", c.Label(), cp, MaxPort, invalidContainerPort(c))
			} else if ok && !rangeGiven {
				if proto, pok := protocol(pm); pok {
					singles = append(singles, portSpan{PortRange{int(cp), int(cp)}, proto, pm, "containerPort " + itoa(cp)})
				}
			}
			if hp, ok := pm.HostPort.Get(); ok && (hp < 0 || hp > MaxPort) {
				p.Report(pm.HostPort, "%s: hostPort %d is outside 0-%d; no host has such a port. Set hostPort to a port from 1 to %d, or omit it (0 or omitted means a dynamic port in bridge mode).", c.Label(), hp, MaxPort, MaxPort)
			}
			if pm.HostPortRange.Set {
				p.ReportSeverity(Warning, pm.HostPortRange, "%s: hostPortRange is not part of a port mapping you register: ECS sets it (DescribeTasks shows it), the AWS CLI rejects it as an unknown parameter and the hashicorp/aws provider drops it, which shows as a diff on every plan. Remove hostPortRange and give only containerPortRange.", c.Label())
			}
			s, ok := pm.ContainerPortRange.Get()
			if !ok {
				continue
			}
			if modeOK && mode != types.NetworkModeBridge && mode != types.NetworkModeAwsvpc {
				sev := Error
				if mode == "" {
					sev = Warning // the Windows default mode is neither, but ECS does not say how it treats it
				}
				p.ReportSeverity(sev, pm.ContainerPortRange, "%s: containerPortRange %q needs network mode \"bridge\" or \"awsvpc\", and this task uses %s. Use one of those network modes, or map single ports with containerPort.", c.Label(), s, modeName(mode))
			}
			r, problem := parseContainerPortRange(s)
			if problem != "" {
				p.Report(pm.ContainerPortRange, "%s: containerPortRange %q %s; ECS accepts \"first-last\" with both ports from 1 to %d and the first less than the last, for example \"8000-8100\". Fix the range.", c.Label(), s, problem, MaxPort)
				continue
			}
			if hp, ok := pm.HostPort.Get(); ok {
				p.ReportSeverity(Warning, pm.HostPort, "%s: hostPort %d is set together with containerPortRange %q; AWS says to leave hostPort empty with a port range (ECS picks the host ports: the same range under awsvpc, free ephemeral ports under bridge). Remove hostPort.", c.Label(), hp, s)
			}
			if proto, pok := protocol(pm); pok {
				ranges = append(ranges, portSpan{r, proto, pm, "containerPortRange " + strconv.Quote(s)})
			}
		}
		if n > MaxPortRanges {
			p.Report(c.PortMappings, "%s: has %d port mappings with containerPortRange; ECS allows at most %d per container. Merge adjacent ranges into one.", c.Label(), n, MaxPortRanges)
		}
		for i, a := range ranges {
			for _, b := range append(append([]portSpan{}, ranges[:i]...), singles...) {
				if a.proto != b.proto || a.r.To < b.r.From || b.r.To < a.r.From {
					continue
				}
				p.Report(a.pm.ContainerPortRange, "%s: %s overlaps %s of another %s port mapping; ECS allows each container port in only one port mapping per container, and no overlapping ranges. Split the ranges so that they do not overlap.", c.Label(), a.text, b.text, b.proto)
			}
		}
	}
}

// parseContainerPortRange reads "first-last"; problem says what is wrong.
func parseContainerPortRange(s string) (PortRange, string) {
	m := containerPortRangeRE.FindStringSubmatch(s)
	if m == nil {
		return PortRange{}, "is not of the form \"first-last\""
	}
	first, _ := strconv.Atoi(m[1])
	last, _ := strconv.Atoi(m[2])
	switch {
	case first < 1 || last < 1 || first > MaxPort || last > MaxPort:
		return PortRange{}, "has a port outside 1-" + strconv.Itoa(MaxPort)
	case first >= last:
		return PortRange{}, "does not start with a port less than its last port"
	}
	return PortRange{first, last}, ""
}

// invalidContainerPort is ECS's error for a bad containerPort (ecs-facts 17).
func invalidContainerPort(c *taskdef.Container) string {
	if n, ok := c.Name.Get(); ok {
		return "\"Invalid 'containerPort' setting for container '" + n + "'.\""
	}
	return "\"Invalid 'containerPort' setting for container ...\""
}
