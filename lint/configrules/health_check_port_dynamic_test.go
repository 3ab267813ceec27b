package configrules

import "testing"

func TestHealthCheckPortDynamic(t *testing.T) {
	runRule(t, HealthCheckPortDynamic, []ruleCase{
		{dir: "hc-fixed", want: []string{`aws_lb_target_group.web health-checks port 8080, but aws_ecs_service.web gives container "web" (containerPort 80) a dynamic host port`}, lines: []int{39}},
		{dir: "dps-range"},
		{dir: "dps-static-host-port"},
		{dir: "hc-unknown"},
	})
}
