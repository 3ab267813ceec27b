package lint

import (
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

func TestSameAddress(t *testing.T) {
	for _, c := range []struct {
		cfg, plan string
		want      bool
	}{
		{`aws_ecs_service.svc`, `aws_ecs_service.svc`, true},
		{`module.svc["a"].aws_ecs_service.this[0]`, `module.svc["a"].aws_ecs_service.this[0]`, true},
		{`module.svc[*].aws_ecs_service.this[0]`, `module.svc["a"].aws_ecs_service.this[0]`, true}, // a key the configuration does not know
		{`module.svc["a"].aws_ecs_service.this[0]`, `module.svc["b"].aws_ecs_service.this[0]`, false},
		{`module.svc["a"].aws_ecs_service.this[0]`, `module.svc["a"].aws_ecs_service.this[1]`, false},
		{`module.svc["a"].aws_ecs_service.this`, `module.svc["a"].aws_ecs_service.this[0]`, false},
		{`module.svc.aws_ecs_service.this`, `module.api.aws_ecs_service.this`, false},
		{`aws_ecs_service.svc["x]y"]`, `aws_ecs_service.svc["x]y"]`, true},    // a ] inside a quoted key
		{`aws_ecs_service.svc["${a}"]`, `aws_ecs_service.svc["$${a}"]`, true}, // Go's quoting and Terraform's
		{`aws_ecs_service.svc["a\"b"]`, `aws_ecs_service.svc["a\"c"]`, false}, // escaped quotes
		{`load_balancer`, `load_balancer`, true},                              // About parts that are no address
		{`ordered_placement_strategy[0].field`, `ordered_placement_strategy[1].field`, false},
	} {
		if got := sameAddress(c.cfg, c.plan); got != c.want {
			t.Errorf("sameAddress(%s, %s) = %v, want %v", c.cfg, c.plan, got, c.want)
		}
	}
}

// TestSameFinding: findings are one by rule, address, place and About, never by message.
func TestSameFinding(t *testing.T) {
	cfg := findings.Finding{Rule: "dynamic_port_security_group", Address: `module.svc[*].aws_ecs_service.this`, Message: "module.svc[*].aws_ecs_service.this: …",
		About: []string{"load_balancer", `module.svc[*].aws_lb_target_group.this`, "web", "80", "module.alb.aws_lb.this"}}
	same := cfg
	same.Address, same.Message = `module.svc["web"].aws_ecs_service.this`, `module.svc["web"].aws_ecs_service.this: …`
	same.About = []string{"load_balancer", `module.svc["web"].aws_lb_target_group.this`, "web", "80", "module.alb.aws_lb.this"}
	if !sameFinding(cfg, same) {
		t.Errorf("the plan's finding with a known key and another message is not the configuration's")
	}
	other := same
	other.About = []string{"load_balancer", `module.svc["web"].aws_lb_target_group.this`, "web", "80", "module.public.aws_lb.this"}
	if sameFinding(cfg, other) {
		t.Errorf("a finding about another load balancer, with the same message, is the configuration's")
	}
	td := findings.Finding{Rule: "host_port_zero", Address: "aws_ecs_task_definition.web", Place: `containerDefinitions["web"].portMappings[0].hostPort`, Message: "m"}
	td2 := td
	td2.Place = `containerDefinitions["web"].portMappings[1].hostPort`
	if sameFinding(td, td2) {
		t.Errorf("findings at two places of one task definition, with the same message, are one")
	}
	td2 = td
	td2.Message = "another message"
	if !sameFinding(td, td2) {
		t.Errorf("findings at the same place with other messages are two")
	}
}
