package configrules

import "testing"

func TestDynamicPortSecurityGroup(t *testing.T) {
	runRule(t, DynamicPortSecurityGroup, []ruleCase{
		{dir: "dps-port80", want: []string{`aws_ecs_service.web: container "web" maps containerPort 80 to a dynamic host port (network mode "bridge"), but the container instances' security groups aws_security_group.ecs_instances (of aws_launch_template.ecs) admit no port of the dynamic range 32768-65535 from aws_lb.this's security group aws_security_group.alb; they admit only tcp port 80 from it.`}},
		{dir: "dps-fallback", want: []string{"ecslint could not follow aws_ecs_service.web to its container instances; the security groups that admit traffic from the load balancer's group, aws_security_group.ecs_instances, admit no port"}},
		{dir: "dps-range"},
		{dir: "dps-reversed-range"},
		{dir: "dps-all-traffic"},
		{dir: "dps-static-host-port"},
		{dir: "dps-unknown-source"},
	})
}
