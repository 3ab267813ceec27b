package configrules

import (
	"sort"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// DynamicPortSecurityGroup reports bridge-mode services with dynamic host ports behind a load balancer whose
// container instances' security groups admit no port of the dynamic range from the load balancer's group.
var DynamicPortSecurityGroup = register(&Rule{
	Meta: rules.Meta{
		Name:     "dynamic_port_security_group",
		Severity: rules.Error,
		Title:    "Container instances do not admit dynamic host ports from the load balancer",
		Summary:  "An EC2 service with dynamic host ports behind a load balancer whose container instances' security groups admit no port of the dynamic range from the load balancer's security group.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/nlb.html",
		},
	},
	check: checkDynamicPortSecurityGroup,
})

func checkDynamicPortSecurityGroup(g *graph, opts Options, r *report) {
	dyn := opts.DynamicPortRange
	for _, s := range g.services {
		for _, lb := range s.lbs {
			c, pm, dynamic := s.dynamicHostPort(lb)
			if !dynamic || lb.tg == nil {
				continue
			}
			lbs, complete := g.loadBalancers(lb.tg)
			if !complete {
				continue
			}
			groups, followed := g.containerInstances(s)
			for _, l := range lbs {
				from := g.lbSecurityGroups(l)
				if !from.complete || from.empty() {
					continue // no security groups (an NLB without them) or groups not known here
				}
				checkGroups := groups
				if !followed {
					checkGroups = g.fallbackGroups(from)
				}
				for _, ig := range checkGroups {
					if !ig.sgs.complete || len(ig.sgs.literals) > 0 || len(ig.sgs.groups) == 0 {
						continue
					}
					if g.anyAdmits(ig.sgs, from, dyn) {
						continue
					}
					cp, _ := pm.ContainerPort.Get()
					intro := "the container instances' security groups " + sgNames(ig.sgs.groups) + " (of " + ig.what + ")"
					if !followed {
						intro = "ecslint could not follow " + s.inst.Address + " to its container instances; the security groups that admit traffic from the load balancer's group, " + sgNames(ig.sgs.groups) + ","
					}
					r.add(lb.block.DefRange, s.inst.Address, append(append(lb.about(), l.Address), sgAddresses(ig.sgs.groups)...),
						"%s: %s maps containerPort %d to a dynamic host port (network mode \"bridge\"), but %s admit no port of the dynamic range %s from %s's security group %s%s. The target group's health checks will fail and the tasks will be stopped again and again. Add an ingress rule on %s for TCP ports %s with source security group %s.",
						s.inst.Address, c.Label(), cp, intro, dyn, l.Address, sgNames(from.groups), g.admittedNote(ig.sgs, from),
						sgNames(ig.sgs.groups[:1]), dyn, sgNames(from.groups[:min(1, len(from.groups))]))
				}
			}
		}
	}
}

// anyAdmits reports whether some ingress rule may admit a port of rng from the groups from into targets.
func (g *graph) anyAdmits(targets, from sgRefs, rng rules.PortRange) bool {
	for _, rule := range g.ingress {
		if both(rule.opens(rng), rule.admitsFrom(targets, from)) != no {
			return true
		}
	}
	return false
}

// admittedNote says what the targets do admit from the groups, e.g. "; they admit only tcp port 80 from it".
func (g *graph) admittedNote(targets, from sgRefs) string {
	var ports []string
	for _, rule := range g.ingress {
		if rule.admitsFrom(targets, from) == yes {
			ports = append(ports, rule.describe())
		}
	}
	if len(ports) == 0 {
		return ""
	}
	return "; they admit only " + strings.Join(ports, ", ") + " from it"
}

// fallbackGroups is used when a service cannot be followed to its container instances: the security groups
// (other than the load balancer's) that certainly admit some traffic from the load balancer's groups, as one
// group.
func (g *graph) fallbackGroups(from sgRefs) []*instanceGroup {
	ig := &instanceGroup{what: "security groups that admit traffic from the load balancer", sgs: sgRefs{complete: true}}
	for _, rule := range g.ingress {
		if rule.target == nil || from.has(rule.target) || rule.uncertain {
			continue
		}
		if rule.admitsFrom(sgRefs{groups: []*securityGroup{rule.target}, complete: true}, from) == yes && len(rule.cidrs) == 0 {
			ig.sgs.groups = appendUniqueSG(ig.sgs.groups, rule.target)
		}
	}
	if len(ig.sgs.groups) == 0 {
		return nil
	}
	return []*instanceGroup{ig}
}

// sgAddresses returns the security groups' addresses, sorted: security_groups and vpc_security_group_ids are
// sets, which a plan orders otherwise than the configuration.
func sgAddresses(sgs []*securityGroup) []string {
	out := make([]string, len(sgs))
	for i, sg := range sgs {
		out[i] = sg.inst.Address
	}
	sort.Strings(out)
	return out
}

// sgNames lists security groups by address: "aws_security_group.a and aws_security_group.b".
func sgNames(sgs []*securityGroup) string {
	names := make([]string, len(sgs))
	for i, sg := range sgs {
		names[i] = sg.inst.Address
	}
	switch len(names) {
	case 0:
		return "(none)"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
