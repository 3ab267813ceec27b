package configrules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// ServiceNetworkConfiguration reports awsvpc tasks launched without network_configuration, and
// network_configuration with other network modes.
var ServiceNetworkConfiguration = register(&Rule{
	Meta: rules.Meta{
		Name:     "service_network_configuration",
		Severity: rules.Error,
		Title:    "Network configuration does not fit the network mode",
		Summary:  "An awsvpc task definition launched without network_configuration (service, EventBridge or Scheduler target), or network_configuration with another network mode.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
		},
	},
	check: checkServiceNetworkConfiguration,
})

func checkServiceNetworkConfiguration(g *graph, _ Options, r *report) {
	for _, l := range g.targets {
		mode, ok := l.networkMode()
		if !ok {
			continue
		}
		ncs, complete := g.strategyBlocks(l.body, "network_configuration")
		switch {
		case mode == types.NetworkModeAwsvpc && len(ncs) == 0 && complete:
			r.add(l.rng, l.inst.Address, []string{l.where, "network_configuration"},
				"%s launches %s, whose network mode is \"awsvpc\", without a network_configuration block; ECS requires the subnets (and security groups) for each task's network interface and rejects the request. Add network_configuration { subnets = [...], security_groups = [...] }.",
				l.label(), l.td.inst.Address)
		case mode != types.NetworkModeAwsvpc && len(ncs) > 0:
			r.add(ncs[0].DefRange, l.inst.Address, []string{l.where, "network_configuration"},
				"%s has a network_configuration block, but %s uses network mode %s; network_configuration is supported only for the \"awsvpc\" network mode and ECS rejects the request. Remove network_configuration, or set network_mode = \"awsvpc\" in the task definition.",
				l.label(), l.td.inst.Address, modeName(mode))
		}
	}
}

// modeName renders a network mode for messages.
func modeName(m types.NetworkMode) string {
	if m == "" {
		return `the Windows default ("nat")`
	}
	return `"` + string(m) + `"`
}
