package configrules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// ServiceTargetType reports target groups whose target type does not fit the service's network mode.
var ServiceTargetType = register(&Rule{
	Meta: rules.Meta{
		Name:     "service_target_type",
		Severity: rules.Error,
		Title:    "Target group type does not fit the network mode",
		Summary:  "An awsvpc service whose target group's target_type is not \"ip\", or a bridge or host service whose target group's target_type is not \"instance\".",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
		},
	},
	check: checkServiceTargetType,
})

func checkServiceTargetType(g *graph, _ Options, r *report) {
	for _, s := range g.services {
		mode, ok := s.networkMode()
		if !ok {
			continue
		}
		for _, lb := range s.lbs {
			if lb.tg == nil {
				continue
			}
			tv := attrValue(lb.tg.Body, "target_type")
			tt, known := knownString(tv)
			if tv.IsNull() {
				tt, known = "instance", true // the default of aws_lb_target_group
			}
			if !known {
				continue
			}
			at := rangeOf(lb.tg.Body, "target_type", lb.tg.DefRange)
			written := "target_type \"" + tt + "\""
			if tv.IsNull() {
				written = "no target_type (the default is \"instance\")"
			}
			switch {
			case mode == types.NetworkModeAwsvpc && tt != "ip":
				r.add(at, lb.tg.Address, []string{"target_type", s.inst.Address},
					"%s has %s, but %s runs tasks in network mode \"awsvpc\", where each task has its own network interface and is registered by IP address; ECS rejects the service. Set target_type = \"ip\" (a new target group: target_type forces replacement).",
					lb.tg.Address, written, s.inst.Address)
			case (mode == types.NetworkModeBridge || mode == types.NetworkModeHost) && tt == "ip":
				r.addSeverity(rules.Warning, at, lb.tg.Address, []string{"target_type", s.inst.Address},
					"%s has target_type \"ip\", but %s runs tasks in network mode %q, whose tasks are registered as an instance ID and port; ECS does not register them in an IP target group. Set target_type = \"instance\".",
					lb.tg.Address, s.inst.Address, string(mode))
			}
		}
	}
}
