package configrules

import (
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// DeploymentPercent reports deployment percentages ECS does not accept.
var DeploymentPercent = register(&Rule{
	Meta: rules.Meta{
		Name:     "deployment_percent",
		Severity: rules.Error,
		Title:    "Invalid deployment percentages",
		Summary:  "An aws_ecs_service whose deployment_minimum_healthy_percent is above deployment_maximum_percent, or a DAEMON service whose deployment_maximum_percent is not 100.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
		},
	},
	check: checkDeploymentPercent,
})

// Defaults of a REPLICA service's deployment configuration (ecs-facts 16.16).
const (
	defaultMaximumPercent        = 200
	defaultMinimumHealthyPercent = 100
)

func checkDeploymentPercent(g *graph, _ Options, r *report) {
	for _, s := range g.services {
		sched := "REPLICA"
		if v := attrValue(s.body, "scheduling_strategy"); !v.IsNull() {
			var ok bool
			if sched, ok = knownString(v); !ok {
				continue
			}
		}
		if !ecsController(s) {
			continue
		}
		maxV, minV := attrValue(s.body, "deployment_maximum_percent"), attrValue(s.body, "deployment_minimum_healthy_percent")
		maxP, maxKnown := knownInt(maxV)
		minP, minKnown := knownInt(minV)
		if sched == "DAEMON" {
			if maxKnown && maxP != 100 {
				r.add(rangeOf(s.body, "deployment_maximum_percent", s.rng), s.inst.Address, []string{"deployment_maximum_percent"},
					"%s uses scheduling_strategy \"DAEMON\" with deployment_maximum_percent %d; a DAEMON service runs one task per instance and its maximum percent must be 100. Set deployment_maximum_percent = 100 or remove it.",
					s.inst.Address, maxP)
			}
			continue
		}
		if sched != "REPLICA" {
			continue
		}
		if maxV.IsNull() {
			maxP, maxKnown = defaultMaximumPercent, true
		}
		if minV.IsNull() {
			minP, minKnown = defaultMinimumHealthyPercent, true
		}
		if !maxKnown || !minKnown || minV.IsNull() && maxV.IsNull() || minP <= maxP {
			continue
		}
		r.add(rangeOf(s.body, "deployment_minimum_healthy_percent", rangeOf(s.body, "deployment_maximum_percent", s.rng)), s.inst.Address, []string{"deployment_minimum_healthy_percent"},
			"%s: deployment_minimum_healthy_percent %d is above deployment_maximum_percent %d; ECS could never start a new task without stopping an old one first, and rejects the deployment configuration. Lower the minimum or raise the maximum (defaults: 100 and 200).",
			s.inst.Address, minP, maxP)
	}
}

// ecsController reports whether the service certainly uses the rolling (ECS) deployment controller, for which
// the percentages are validated.
func ecsController(s *service) bool {
	for _, b := range s.body.BlocksOfType("deployment_controller") {
		if b.UnknownCount {
			return false
		}
		if v := attrValue(b.Body, "type"); !v.IsNull() {
			if t, ok := knownString(v); !ok || t != "ECS" {
				return false
			}
		}
	}
	return true
}
