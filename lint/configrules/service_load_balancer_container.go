package configrules

import (
	"sort"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// ServiceLoadBalancerContainer reports load_balancer blocks that name a container or container port the task
// definition does not have.
var ServiceLoadBalancerContainer = register(&Rule{
	Meta: rules.Meta{
		Name:     "service_load_balancer_container",
		Severity: rules.Error,
		Title:    "Load balancer names a container or port not in the task definition",
		Summary:  "A service load_balancer whose container_name is not a container of the task definition, or whose container_port is not a containerPort of that container.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
		},
	},
	check: checkServiceLoadBalancerContainer,
})

func checkServiceLoadBalancerContainer(g *graph, _ Options, r *report) {
	for _, s := range g.services {
		for _, lb := range s.lbs {
			c, _, found, ok := s.lbMapping(lb)
			if !ok || found {
				continue
			}
			name, _ := knownString(attrValue(lb.block.Body, "container_name"))
			port, _ := knownInt(attrValue(lb.block.Body, "container_port"))
			if c == nil {
				names := make([]string, 0)
				for n := range s.td.td.ByName() {
					names = append(names, `"`+n+`"`)
				}
				sort.Strings(names)
				r.add(rangeOf(lb.block.Body, "container_name", lb.block.DefRange), s.inst.Address, append(lb.about(), "container_name"),
					"%s: load_balancer container_name %q is not a container of %s (its containers: %s); ECS rejects the service. Set container_name to the container that serves the traffic.",
					s.inst.Address, name, s.td.inst.Address, strings.Join(names, ", "))
				continue
			}
			var ports []string
			for _, m := range c.PortMappings.Items {
				if p, ok := m.ContainerPort.Get(); ok {
					ports = append(ports, itoa(int(p)))
				}
			}
			has := "it maps no ports"
			if len(ports) > 0 {
				has = "it maps containerPort " + strings.Join(ports, ", ")
			}
			r.add(rangeOf(lb.block.Body, "container_port", lb.block.DefRange), s.inst.Address, append(lb.about(), "container_port"),
				"%s: load_balancer container_port %d is not a containerPort of %s in %s (%s); ECS rejects the service. Set container_port to a mapped port, or add a port mapping for %d.",
				s.inst.Address, port, c.Label(), s.td.inst.Address, has, port)
		}
	}
}
