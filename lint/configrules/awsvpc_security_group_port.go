package configrules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// AwsvpcSecurityGroupPort reports awsvpc services behind a load balancer whose task security groups do not
// admit the container port from the load balancer's group, or admit the whole dynamic range instead of one port.
var AwsvpcSecurityGroupPort = register(&Rule{
	Meta: rules.Meta{
		Name:     "awsvpc_security_group_port",
		Severity: rules.Warning,
		Title:    "Task security group and load balancer port do not match",
		Summary:  "An awsvpc service behind a load balancer whose task security groups do not admit the container port from the load balancer's security group, or admit the whole dynamic port range where one port is enough.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
		},
	},
	check: checkAwsvpcSecurityGroupPort,
})

func checkAwsvpcSecurityGroupPort(g *graph, opts Options, r *report) {
	dyn := opts.DynamicPortRange
	for _, s := range g.services {
		if mode, ok := s.networkMode(); !ok || mode != types.NetworkModeAwsvpc {
			continue
		}
		tasks, ok := g.taskSecurityGroups(s.launcher)
		if !ok {
			continue
		}
		for _, lb := range s.lbs {
			c, pm, found, ok := s.lbMapping(lb)
			if !ok || !found || lb.tg == nil {
				continue
			}
			cp, _ := pm.ContainerPort.Get()
			port := rules.PortRange{From: int(cp), To: int(cp)}
			lbs, complete := g.loadBalancers(lb.tg)
			if !complete {
				continue
			}
			for _, l := range lbs {
				from := g.lbSecurityGroups(l)
				if !from.complete || from.empty() {
					continue
				}
				if !g.anyAdmits(tasks, from, port) {
					r.add(lb.block.DefRange, s.inst.Address, append(lb.about(), l.Address),
						"%s: %s receives traffic from %s on containerPort %d, but the task security groups %s admit no traffic on that port from the load balancer's security group %s%s. The targets will fail their health checks. Add an ingress rule on %s for TCP port %d with source security group %s.",
						s.inst.Address, c.Label(), l.Address, cp, sgNames(tasks.groups), sgNames(from.groups), g.admittedNote(tasks, from),
						sgNames(tasks.groups[:1]), cp, sgNames(from.groups[:1]))
					continue
				}
				for _, rule := range g.ingress {
					if rule.admitsFrom(tasks, from) != yes || rule.all || rule.protocol != "tcp" {
						continue
					}
					if rule.from >= 1024 && rule.from <= dyn.From && rule.to >= dyn.To {
						r.add(rule.rng, rule.addr, append(rule.about(), s.inst.Address, itoa(int(cp))),
							"%s: this rule admits %s from the load balancer into the task security group %s of the awsvpc service %s, whose tasks have their own network interface and receive traffic only on containerPort %d: there are no dynamic host ports in awsvpc mode. Admit only TCP port %d.",
							rule.addr, rule.describe(), rule.target.inst.Address, s.inst.Address, cp, cp)
					}
				}
			}
		}
	}
}

// taskSecurityGroups returns the security groups of an awsvpc launcher's network_configuration, when they are
// all resources of the configuration.
func (g *graph) taskSecurityGroups(l *launcher) (sgRefs, bool) {
	ncs := l.body.BlocksOfType("network_configuration")
	if len(ncs) != 1 || ncs[0].UnknownCount {
		return sgRefs{}, false
	}
	sgs := g.sgList(l.inst, ncs[0].Body.Attributes["security_groups"])
	if !sgs.complete || len(sgs.literals) > 0 || len(sgs.groups) == 0 {
		return sgRefs{}, false
	}
	return sgs, true
}
