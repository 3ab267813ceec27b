package configrules

import "testing"

// In .tf.json, blocks are told from attributes only through Schemas: without them the placement strategy and
// the capacity provider strategy would be attributes and nothing would be reported.
func TestSchemasReadJSONBlocks(t *testing.T) {
	runRule(t, FargateServicePlacement, []ruleCase{{dir: "json-schemas", want: []string{
		`aws_ecs_service.web[0] launches its tasks on Fargate (capacity provider "FARGATE_SPOT")`,
		`aws_ecs_service.web[1] launches its tasks on Fargate (capacity provider "FARGATE_SPOT")`,
	}}})
	// The task definition is linked through the "${...}" template in JSON too.
	g := newGraph(load(t, "json-schemas"), nil)
	for _, s := range g.services {
		if s.td == nil || s.td.inst.Address != "aws_ecs_task_definition.web" {
			t.Errorf("%s: task definition not linked", s.inst.Address)
		}
		if mode, ok := s.networkMode(); !ok || mode != "awsvpc" {
			t.Errorf("%s: network mode %q, %v", s.inst.Address, mode, ok)
		}
	}
}

func TestGraphFollowsCapacityProviderChain(t *testing.T) {
	g := newGraph(load(t, "dps-port80"), nil)
	groups, ok := g.containerInstances(g.services[0])
	if !ok || len(groups) != 1 || groups[0].what != "aws_launch_template.ecs" || sgNames(groups[0].sgs.groups) != "aws_security_group.ecs_instances" {
		t.Fatalf("chain not followed: ok=%v groups=%+v", ok, groups)
	}
	fb := newGraph(load(t, "dps-fallback"), nil)
	if _, ok := fb.containerInstances(fb.services[0]); ok {
		t.Error("a launch template given by a variable must make the chain unknown")
	}
	lbs, complete := g.loadBalancers(g.services[0].lbs[0].tg)
	if !complete || len(lbs) != 1 || lbs[0].Address != "aws_lb.this" {
		t.Errorf("target group → listener → load balancer not followed: %v %v", lbs, complete)
	}
}
