package configrules

import "testing"

func TestServiceLoadBalancerContainer(t *testing.T) {
	runRule(t, ServiceLoadBalancerContainer, []ruleCase{
		{dir: "slb-bad-name", want: []string{`load_balancer container_name "app" is not a container of aws_ecs_task_definition.web (its containers: "web")`}},
		{dir: "slb-bad-port", want: []string{`load_balancer container_port 8080 is not a containerPort of container "web" in aws_ecs_task_definition.web (it maps containerPort 80)`}},
		{dir: "asp-ok"},
		{dir: "slb-unknown"},
	})
}
