package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// mapping is a port mapping with its container.
type mapping struct {
	c  *taskdef.Container
	pm *taskdef.PortMapping
}

// mappings lists every port mapping of every container.
func mappings(td *taskdef.TaskDefinition) []mapping {
	var out []mapping
	for _, c := range td.ContainerDefinitions.Items {
		for _, pm := range c.PortMappings.Items {
			out = append(out, mapping{c, pm})
		}
	}
	return out
}

// protocol returns the mapping's protocol (tcp when omitted) and whether it is known.
func protocol(pm *taskdef.PortMapping) (string, bool) {
	switch {
	case pm.Protocol.Unknown:
		return "", false
	case !pm.Protocol.Set:
		return string(types.TransportProtocolTcp), true
	}
	return strings.ToLower(string(pm.Protocol.V)), true
}

// modeName renders a network mode for messages.
func modeName(m types.NetworkMode) string {
	if m == "" {
		return `the Windows default ("nat")`
	}
	return `"` + string(m) + `"`
}
