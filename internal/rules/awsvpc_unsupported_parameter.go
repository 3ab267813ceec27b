package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// AwsvpcUnsupportedParameter: hostname, extraHosts and links are not
// supported with the awsvpc network mode (ecs-facts 6.8–6.10).
var AwsvpcUnsupportedParameter = register(&Rule{
	Meta: Meta{
		Name:     "awsvpc_unsupported_parameter",
		Severity: Error,
		Title:    "Parameter not supported with awsvpc",
		Summary:  "hostname, extraHosts or links under the awsvpc network mode.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		if mode, ok := p.TD.NetworkModeOf(); !ok || mode != types.NetworkModeAwsvpc {
			return
		}
		// Under Fargate and on Windows, extraHosts and links are not supported
		// in any mode: fargate_unsupported_parameter and
		// windows_unsupported_parameter report them.
		elsewhere := p.TD.Fargate() == taskdef.Yes || p.TD.Windows() == taskdef.Yes
		for _, c := range p.TD.ContainerDefinitions.Items {
			if h, ok := c.Hostname.Get(); ok && h != "" {
				p.Report(c.Hostname, "%s: hostname %q is not supported with network mode \"awsvpc\", where a task gets its own network interface. Remove hostname.", c.Label(), h)
			}
			if elsewhere {
				continue
			}
			if n := len(c.ExtraHosts.Items); !c.ExtraHosts.Unknown && n > 0 {
				p.Report(c.ExtraHosts, "%s: extraHosts is not supported with network mode \"awsvpc\". Remove extraHosts and resolve the names through DNS instead, for example a Route 53 private hosted zone or AWS Cloud Map.", c.Label())
			}
			if n := len(c.Links.Items); !c.Links.Unknown && n > 0 {
				p.Report(c.Links, "%s: links are supported only with network mode \"bridge\", and this task uses \"awsvpc\". Remove links: under awsvpc the containers of a task share one network namespace and reach each other on localhost at their container ports.", c.Label())
			}
		}
	},
})
