package configrules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// DynamicPortOpenToWorld reports ingress rules that open the dynamic host port range (or all ports) of
// container instances to 0.0.0.0/0 or ::/0.
var DynamicPortOpenToWorld = register(&Rule{
	Meta: rules.Meta{
		Name:     "dynamic_port_open_to_world",
		Severity: rules.Error,
		Title:    "Dynamic host ports of container instances open to the internet",
		Summary:  "An ingress rule that opens the dynamic host port range (or all ports) of container instances to 0.0.0.0/0 or ::/0, so tasks are reachable around the load balancer.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
		},
	},
	check: checkDynamicPortOpenToWorld,
})

func checkDynamicPortOpenToWorld(g *graph, opts Options, r *report) {
	dyn := opts.DynamicPortRange
	instances := sgRefs{groups: g.allContainerInstanceSGs(), complete: true}
	for _, rule := range g.ingress {
		if rule.uncertain || rule.target == nil || !instances.has(rule.target) || !rule.portsKnown {
			continue
		}
		world := rule.world()
		if world == "" {
			continue
		}
		overlaps := rule.all || (rule.protocol == "tcp" || rule.protocol == "udp") && rule.from <= dyn.To && rule.to >= dyn.From
		if !overlaps {
			continue
		}
		rng := rule.cidrRange
		if rng == (hcl.Range{}) {
			rng = rule.rng
		}
		r.add(rng, rule.addr, append(rule.about(), rule.target.inst.Address, world),
			"%s: this ingress rule opens %s of the container instances' security group %s to %s, which includes the dynamic host port range %s: every task with a dynamic host port is reachable from the internet around the load balancer. Admit the dynamic range only from the load balancer's security group (security_groups, source_security_group_id or referenced_security_group_id) and remove %s.",
			rule.addr, rule.describe(), rule.target.inst.Address, world, dyn, world)
	}
}
