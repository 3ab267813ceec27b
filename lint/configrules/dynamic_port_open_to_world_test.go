package configrules

import "testing"

func TestDynamicPortOpenToWorld(t *testing.T) {
	runRule(t, DynamicPortOpenToWorld, []ruleCase{
		{dir: "dpw-world", want: []string{
			"aws_security_group_rule.dynamic_world: this ingress rule opens tcp ports 32768-65535 of the container instances' security group aws_security_group.ecs_instances to 0.0.0.0/0",
			"aws_security_group_rule.all_v6: this ingress rule opens all ports of the container instances' security group aws_security_group.ecs_instances to ::/0",
		}, lines: []int{70, 79}},
		{dir: "dpw-port443"},
		{dir: "dpw-unknown-cidr"},
		{dir: "dps-range"},
	})
}
