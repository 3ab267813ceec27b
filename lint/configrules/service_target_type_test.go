package configrules

import (
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

func TestServiceTargetType(t *testing.T) {
	runRule(t, ServiceTargetType, []ruleCase{
		{dir: "stt-awsvpc-instance", want: []string{`aws_lb_target_group.web has target_type "instance", but aws_ecs_service.web runs tasks in network mode "awsvpc"`}, lines: []int{36}},
		{dir: "stt-awsvpc-default", want: []string{`aws_lb_target_group.web has no target_type (the default is "instance")`}},
		{dir: "stt-bridge-ip", want: []string{`aws_lb_target_group.web has target_type "ip", but aws_ecs_service.web runs tasks in network mode "bridge"`}},
		{dir: "stt-ok"},
		{dir: "asp-ok"},
		{dir: "stt-unknown"},
	})
	if fs := only(Check(load(t, "stt-bridge-ip"), Options{}), ServiceTargetType.Name); len(fs) != 1 || fs[0].Severity != rules.Warning {
		t.Errorf("bridge with an ip target group must be a warning (ecs-facts 16.5 has no explicit rule): %+v", fs)
	}
}
