package configrules

import "testing"

func TestFargateServiceCompatibility(t *testing.T) {
	runRule(t, FargateServiceCompatibility, []ruleCase{
		{dir: "fsc-ec2-only", want: []string{`aws_ecs_service.web launches aws_ecs_task_definition.web on Fargate (launch_type "FARGATE"), but its requires_compatibilities does not include "FARGATE"`}},
		{dir: "asp-ok"},
		{dir: "dps-port80"},
		{dir: "fsc-unknown"},
	})
}
