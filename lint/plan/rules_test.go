package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// checkPlan builds the configuration view of testdata/<dir>/tfplan.json and runs the configuration rules on it.
func checkPlan(t *testing.T, dir string) []findings.Finding {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", dir, "tfplan.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(src)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return configrules.Check(p.Config("tfplan.json", configrules.Schemas, configrules.Types), configrules.Options{})
}

// planCase is a plan fixture and the findings the configuration rules must report on it: each entry is a rule,
// the finding's address and a piece of its message, in the order Check sorts them. A case without findings
// must give none of any rule.
type planCase struct {
	dir  string
	want []wantFinding
}

type wantFinding struct{ rule, addr, msg string }

func runPlanCases(t *testing.T, cases []planCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			got := checkPlan(t, c.dir)
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), listFindings(got))
			}
			for i, w := range c.want {
				f := got[i]
				if f.Rule != w.rule || f.Address != w.addr || !strings.Contains(f.Message, w.msg) {
					t.Errorf("finding %d is\n  %s %s: %s\nwant %s %s with %q", i, f.Rule, f.Address, f.Message, w.rule, w.addr, w.msg)
				}
			}
		})
	}
}

func listFindings(fs []findings.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Rule + " " + f.Address + ": " + f.Message + "\n")
	}
	return b.String()
}

// TestEveryRuleOnPlans runs each configuration rule on a plan where it fires and one where it stays silent. The
// fixtures follow the plan JSON of terraform show -json (format 1.2) with the AWS provider: values unknown
// until apply absent from planned_values and true in after_unknown, nested blocks as lists, each resource's
// expressions with their references in configuration. In all of them every ID and ARN is unknown: the
// services reach their cluster, task definition, target group, load balancer, capacity provider, Auto
// Scaling group, launch template and security groups only through the references of the configuration.
func TestEveryRuleOnPlans(t *testing.T) {
	runPlanCases(t, []planCase{
		{dir: "asp-fires", want: []wantFinding{{"awsvpc_security_group_port", "aws_ecs_service.web",
			`container "web" receives traffic from aws_lb.web on containerPort 80, but the task security groups aws_security_group.tasks admit no traffic on that port from the load balancer's security group aws_security_group.alb; they admit only tcp port 443 from it.`}}},
		{dir: "asp-silent"},
		{dir: "dp-fires", want: []wantFinding{{"deployment_percent", "aws_ecs_service.web", "deployment_minimum_healthy_percent 150 is above deployment_maximum_percent 100"}}},
		{dir: "dp-silent"},
		{dir: "dp-daemon-default-silent"},
		{dir: "dps-fires", want: []wantFinding{{"dynamic_port_security_group", "aws_ecs_service.web",
			`container "web" maps containerPort 80 to a dynamic host port (network mode "bridge"), but the container instances' security groups aws_security_group.ecs_instances (of aws_launch_template.ecs) admit no port of the dynamic range 32768-65535 from aws_lb.web's security group aws_security_group.alb; they admit only tcp port 80 from it.`}}},
		{dir: "dps-silent"},
		{dir: "dpw-fires", want: []wantFinding{{"dynamic_port_open_to_world", "aws_security_group.ecs_instances",
			"opens tcp ports 32768-65535 of the container instances' security group aws_security_group.ecs_instances to 0.0.0.0/0"}}},
		{dir: "dpw-silent"},
		{dir: "fds-fires", want: []wantFinding{{"fargate_daemon_scheduling", "aws_ecs_service.web", `uses scheduling_strategy "DAEMON" and launches on Fargate (launch_type "FARGATE")`}}},
		{dir: "fds-silent"},
		{dir: "fsc-fires", want: []wantFinding{{"fargate_service_compatibility", "aws_ecs_service.web", `launches aws_ecs_task_definition.web on Fargate (launch_type "FARGATE"), but its requires_compatibilities does not include "FARGATE"`}}},
		{dir: "fsc-silent"},
		{dir: "fsp-fires", want: []wantFinding{{"fargate_service_placement", "aws_ecs_service.web",
			`launches its tasks on Fargate (the default capacity provider strategy of aws_ecs_cluster_capacity_providers.main, with "FARGATE_SPOT"), and Fargate does not support placement strategies`}}},
		{dir: "fsp-silent"},
		{dir: "hc-fires", want: []wantFinding{{"health_check_port_dynamic", "aws_lb_target_group.web", `health-checks port 8080, but aws_ecs_service.web gives container "web" (containerPort 80) a dynamic host port`}}},
		{dir: "hc-silent"},
		{dir: "ps-fires", want: []wantFinding{{"placement_strategy", "aws_ecs_service.web", `binpack placement strategy with field "instanceId"`}}},
		{dir: "ps-silent"},
		{dir: "slb-fires", want: []wantFinding{{"service_load_balancer_container", "aws_ecs_service.web", `load_balancer container_name "app" is not a container of aws_ecs_task_definition.web (its containers: "web")`}}},
		{dir: "slb-silent"},
		{dir: "snc-fires", want: []wantFinding{{"service_network_configuration", "aws_ecs_service.web", `launches aws_ecs_task_definition.web, whose network mode is "awsvpc", without a network_configuration block`}}},
		{dir: "snc-silent"},
		{dir: "stt-fires", want: []wantFinding{{"service_target_type", "aws_lb_target_group.web", `has target_type "instance", but aws_ecs_service.web runs tasks in network mode "awsvpc"`}}},
		{dir: "stt-silent"},
	})
}

// TestEveryRuleHasPlanCases keeps TestEveryRuleOnPlans complete: a fixture that fires and one that stays
// silent for every configuration rule.
func TestEveryRuleHasPlanCases(t *testing.T) {
	src, err := os.ReadFile("rules_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range configrules.All() {
		if !strings.Contains(string(src), `{"`+r.Name+`", `) {
			t.Errorf("no plan fixture on which %s fires", r.Name)
		}
	}
	fires, silent := 0, 0
	ents, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		switch {
		case strings.HasSuffix(e.Name(), "-fires"):
			fires++
		case strings.HasSuffix(e.Name(), "-silent"):
			silent++
		}
		if e.Name() != "fuzz" && !strings.Contains(string(src), `"`+e.Name()+`"`) {
			t.Errorf("testdata/%s is in no test", e.Name())
		}
	}
	if n := len(configrules.All()); fires < n || silent < n {
		t.Errorf("%d firing and %d silent fixtures for %d rules", fires, silent, n)
	}
}

// dps is the dynamic_port_security_group finding of the chain fixtures, for service svc, load balancer lb with its
// security group alb, and the container instances' group ecs.
func dps(svc, lb, alb, ecs, ports string) wantFinding {
	return wantFinding{"dynamic_port_security_group", svc, svc + `: container "web" maps containerPort 80 to a dynamic host port (network mode "bridge"), but the container instances' security groups ` +
		ecs + ` (of aws_launch_template.ecs) admit no port of the dynamic range 32768-65535 from ` + lb + `'s security group ` + alb + `; they admit only ` + ports + ` from it.`}
}

// TestDynamicPortChainOnPlans follows the chain of dynamic_port_security_group in every form a plan gives it:
// through a capacity provider or the cluster's user_data, across module calls (a for_each module reading the
// load balancer module's output through the root), through the known IDs and ARNs of resources that exist,
// with instance keys; ingress rules inline, as aws_security_group_rule and as
// aws_vpc_security_group_ingress_rule. Where a link cannot be followed, the rule stays silent.
func TestDynamicPortChainOnPlans(t *testing.T) {
	chain := dps("aws_ecs_service.web", "aws_lb.web", "aws_security_group.alb", "aws_security_group.ecs_instances", "tcp port 80")
	runPlanCases(t, []planCase{
		// The service in module.svc["web"] gets its cluster, capacity provider and target group through
		// variables; the target group and the load balancer's group come out of module.alb as outputs.
		{dir: "modules-fires", want: []wantFinding{dps(`module.svc["web"].aws_ecs_service.this`, "module.alb.aws_lb.this",
			"module.alb.aws_security_group.alb", "aws_security_group.ecs_instances", "tcp port 80")}},
		{dir: "modules-silent"},
		// Everything exists but the task definition: the configuration names the others through locals, and
		// the links run through the IDs and ARNs the plan knows.
		{dir: "existing-fires", want: []wantFinding{chain}},
		{dir: "existing-silent"},
		{dir: "cluster-chain-fires", want: []wantFinding{chain}},
		{dir: "cluster-chain-silent"},
		{dir: "ingress-unknown-fires", want: []wantFinding{chain}},
		{dir: "count-fires", want: []wantFinding{dps("aws_ecs_service.web", "aws_lb.web[0]", "aws_security_group.alb", "aws_security_group.ecs_instances[0]", "tcp port 80")}},
		{dir: "terraform-1.0-fires", want: []wantFinding{chain}},
		{dir: "opentofu-fires", want: []wantFinding{chain}},
		// Unknown means silent: the load balancer's groups come from a local; a list of groups names a
		// variable besides a resource; the module's target group comes from each.value.
		{dir: "unknown-local-silent"},
		{dir: "unknown-var-silent"},
		{dir: "unknown-each-silent"},
	})
}
