package configrules

import "testing"

func TestAwsvpcSecurityGroupPort(t *testing.T) {
	runRule(t, AwsvpcSecurityGroupPort, []ruleCase{
		{dir: "asp-wrong-port", want: []string{`container "web" receives traffic from aws_lb.this on containerPort 80, but the task security groups aws_security_group.task admit no traffic on that port from the load balancer's security group aws_security_group.alb; they admit only tcp port 8080 from it.`}},
		{dir: "asp-dynamic-range", want: []string{"this rule admits tcp ports 32768-65535 from the load balancer into the task security group aws_security_group.task"}, lines: []int{56}},
		{dir: "asp-ok"},
		{dir: "asp-unknown"},
	})
}
