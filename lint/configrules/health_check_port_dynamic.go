package configrules

import (
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// HealthCheckPortDynamic warns about target groups that health-check a fixed port while the service's host
// ports are dynamic.
var HealthCheckPortDynamic = register(&Rule{
	Meta: rules.Meta{
		Name:     "health_check_port_dynamic",
		Severity: rules.Warning,
		Title:    "Health check on a fixed port with dynamic host ports",
		Summary:  "A target group whose health check uses a fixed port while the service's tasks get dynamic host ports.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
		},
	},
	check: checkHealthCheckPortDynamic,
})

func checkHealthCheckPortDynamic(g *graph, _ Options, r *report) {
	for _, s := range g.services {
		for _, lb := range s.lbs {
			c, pm, dynamic := s.dynamicHostPort(lb)
			if !dynamic || lb.tg == nil {
				continue
			}
			for _, hc := range lb.tg.Body.BlocksOfType("health_check") {
				a := hc.Body.Attributes["port"]
				if a == nil || hc.UnknownCount {
					continue
				}
				port, ok := knownInt(a.Value)
				if !ok {
					continue // "traffic-port", or unknown
				}
				cp, _ := pm.ContainerPort.Get()
				r.add(a.Range, lb.tg.Address, []string{"health_check.port", s.inst.Address, c.Label()},
					"%s health-checks port %d, but %s gives %s (containerPort %d) a dynamic host port, so nothing listens on port %d of the instance for this task and the check does not test it. Set port = \"traffic-port\" (the default) so each target is checked on its own port.",
					lb.tg.Address, port, s.inst.Address, c.Label(), cp, port)
			}
		}
	}
}
