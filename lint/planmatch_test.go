package lint

import (
	"testing"

	"github.com/hashicorp/hcl/v2"

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

// TestAddIdentity: a finding reached twice, or made by two instances of one block at the same place, is reported
// once; findings at two places in the task definition, about two blocks, or saying different things (other
// values) are all reported.
func TestAddIdentity(t *testing.T) {
	r := newRunner(&options{})
	rng := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 3, Column: 1}, End: hcl.Pos{Line: 3, Column: 9}}
	f := findings.Finding{Rule: "host_port_zero", Message: "same", Range: rng, Address: `aws_ecs_task_definition.svc["a"]`, Place: "containerDefinitions[0].portMappings[0].hostPort"}
	b := f
	b.Address = `aws_ecs_task_definition.svc["b"]`
	p := f
	p.Place = "containerDefinitions[0].portMappings[1].hostPort"
	again := f
	again.Message = "the same finding, worded with other values"
	about := findings.Finding{Rule: "placement_strategy", Message: "same", Range: rng, Address: "aws_ecs_service.s", About: []string{"", "ordered_placement_strategy[0].field"}}
	about2 := about
	about2.About = []string{"", "ordered_placement_strategy[1].field"}
	for i, c := range []struct {
		f    findings.Finding
		want bool
	}{{f, true}, {b, false}, {p, true}, {again, true}, {about, true}, {about2, true}, {about2, false}} {
		if got := r.add(c.f); got != c.want {
			t.Errorf("%d: add(%s %s %q) = %v, want %v", i, c.f.Address, c.f.Place, c.f.About, got, c.want)
		}
	}
	if len(r.findings) != 5 {
		t.Errorf("%d findings recorded, want 5", len(r.findings))
	}
	// A plan's findings are their instances' own: "b" and "c" of one block, with one message, are two.
	pc := f
	pc.Address = `aws_ecs_task_definition.svc["c"]`
	for i, c := range []struct {
		f    findings.Finding
		want bool
	}{{b, true}, {pc, true}, {pc, false}} {
		if got := r.addPlanned(c.f); got != c.want {
			t.Errorf("plan %d: addPlanned(%s) = %v, want %v", i, c.f.Address, got, c.want)
		}
	}
}
