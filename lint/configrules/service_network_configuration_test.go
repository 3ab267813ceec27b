package configrules

import "testing"

func TestServiceNetworkConfiguration(t *testing.T) {
	runRule(t, ServiceNetworkConfiguration, []ruleCase{
		{dir: "snc-missing", want: []string{`aws_ecs_service.web launches aws_ecs_task_definition.web, whose network mode is "awsvpc", without a network_configuration block`}},
		{dir: "snc-bridge", want: []string{`aws_ecs_service.web has a network_configuration block, but aws_ecs_task_definition.web uses network mode "bridge"`}},
		{dir: "asp-ok"},
		{dir: "fsp-events"},
		{dir: "snc-unknown"},
	})
}
