package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// Pieces of the rule cases below.
const (
	// fg is a valid Fargate task.
	fg = `requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"; cpu = "256"; memory = "512"`
	// web is a valid container's attributes, for HCL object constructors.
	web = `name = "web", image = "nginx", memory = 256`
	// one is the containers list of one valid container.
	one = `[{` + web + `}]`
)

// ruleCase makes one rule report through ecskit_task_definition.
type ruleCase struct {
	rule string
	// task and containers are taskConfig's arguments.
	task, containers string
	// at is the start of the configuration line the diagnostic points at
	// (its attribute); errors only.
	at string
	// want is the text of the message, matched across terraform's line wraps.
	want string
}

// ruleCases has a case per rule of the catalogue but the newest: a rule
// without one is tested with its page's failing example. Error rules must
// fail the plan; warning rules must succeed with the warning as the only
// finding.
var ruleCases = []ruleCase{
	{rule: "awslogs_options", containers: `[{` + web + `, logConfiguration = { logDriver = "awslogs" } }]`, at: "containers =", want: `container "web": the awslogs log configuration lacks "awslogs-group" and "awslogs-region"`},
	{rule: "container_cpu", task: `cpu = "1 vCPU"`, containers: `[{ name = "a", image = "x", memory = 64, cpu = 768 }, { name = "b", image = "x", memory = 64, cpu = 512 }]`, at: "cpu =", want: `add up to 1280 CPU units ("a" 768, "b" 512), more than the task cpu 1024 units`},
	{rule: "container_image_required", containers: `[{ name = "web", memory = 256 }]`, at: "containers =", want: `container "web" has no image`},
	{rule: "container_limit", containers: `[for i in range(11) : { name = "c${i}", image = "x", memory = 64 }]`, at: "containers =", want: "defines 11 containers; ECS allows at most 10"},
	{rule: "container_memory", containers: `[{ name = "web", image = "x", memory = 256, memoryReservation = 512 }]`, at: "containers =", want: `container "web": memoryReservation 512 MiB is greater than memory 256 MiB`},
	{rule: "container_memory_required", containers: `[{ name = "web", image = "x" }]`, at: "containers =", want: `container "web" sets neither memory nor memoryReservation`},
	{rule: "depends_on_cycle", containers: `[{ name = "a", image = "x", memory = 64, dependsOn = [{ containerName = "b", condition = "START" }] }, { name = "b", image = "x", memory = 64, dependsOn = [{ containerName = "a", condition = "START" }] }]`, want: `dependsOn closes the cycle a → b → a`},
	{rule: "depends_on_essential", containers: `[{ name = "app", image = "x", memory = 64, dependsOn = [{ containerName = "init", condition = "SUCCESS" }] }, { name = "init", image = "x", memory = 64 }]`, at: "containers =", want: `but "init" is essential`},
	{rule: "depends_on_health_check", containers: `[{ name = "app", image = "x", memory = 64, dependsOn = [{ containerName = "db", condition = "HEALTHY" }] }, { name = "db", image = "x", memory = 64 }]`, want: `container "app": dependsOn waits for container "db" to be HEALTHY, but "db" has no healthCheck`},
	{rule: "duplicate_container_name", containers: `[{` + web + `}, {` + web + `}]`, at: "containers =", want: `Two containers are named "web"`},
	{rule: "duplicate_host_port", task: `network_mode = "bridge"`, containers: `[{ name = "a", image = "x", memory = 64, portMappings = [{ containerPort = 80, hostPort = 3000 }] }, { name = "b", image = "x", memory = 64, portMappings = [{ containerPort = 81, hostPort = 3000 }] }]`, at: "containers =", want: `container "b": TCP host port 3000 is mapped again by container "a"`},
	{rule: "essential_container", containers: `[{ name = "a", image = "x", memory = 64, essential = false }, { name = "b", image = "x", memory = 64, essential = false }]`, at: "containers =", want: "Every container sets essential to false"},
	{rule: "execution_role_required", containers: `[{` + web + `, secrets = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }] }]`, at: "containers =", want: `container "web": the container has secrets but the task has no executionRoleArn`},
	{rule: "fargate_cpu_memory", task: `requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"; cpu = "256"; memory = "4096"`, containers: one, at: "memory =", want: "with 256 CPU units, memory must be 512, 1024 or 2048 MiB"},
	{rule: "fargate_log_driver", task: fg, containers: `[{` + web + `, logConfiguration = { logDriver = "json-file" } }]`, at: "containers =", want: `container "web": log driver "json-file" is not supported on Fargate`},
	{rule: "fargate_network_mode", task: `requires_compatibilities = ["FARGATE"]; network_mode = "bridge"; cpu = "256"; memory = "512"`, containers: one, at: "network_mode =", want: `uses network mode "bridge"`},
	{rule: "fargate_placement_constraint", task: fg + `; placement_constraints {; type = "memberOf"; expression = "attribute:ecs.instance-type == t3.small"; }`, containers: one, at: `data "ecskit_task_definition" "t" {`, want: "Fargate does not support placement constraints"},
	{rule: "fargate_task_size_required", task: `requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"`, containers: one, at: `data "ecskit_task_definition" "t" {`, want: "sets no task-level cpu"},
	{rule: "fargate_unsupported_parameter", task: fg, containers: `[{` + web + `, privileged = true }]`, at: "containers =", want: `container "web": privileged mode is not supported on Fargate`},
	{rule: "firelens_configuration", containers: `[{` + web + `, logConfiguration = { logDriver = "awsfirelens", options = { Name = "cloudwatch" } } }]`, at: "containers =", want: `container "web" uses the awsfirelens log driver, but no container in the task has a firelensConfiguration`},
	{rule: "health_check", containers: `[{` + web + `, healthCheck = { command = ["CMD", "true"], interval = 1 } }]`, at: "containers =", want: "healthCheck.interval is 1, outside the 5–300 seconds ECS accepts"},
	{rule: "host_port_mismatch", task: `network_mode = "awsvpc"`, containers: `[{` + web + `, portMappings = [{ containerPort = 80, hostPort = 8080 }] }]`, at: "containers =", want: `container "web": hostPort 8080 differs from containerPort 80; with network mode "awsvpc" the host port must be omitted or equal to the container port`},
	{rule: "host_port_zero", task: `network_mode = "awsvpc"`, containers: `[{` + web + `, portMappings = [{ containerPort = 80, hostPort = 0 }] }]`, at: "containers =", want: `container "web": hostPort 0 asks for a dynamic host port, but dynamic port mapping needs bridge network mode`},
	{rule: "name_format", task: `family = "my app.v2"`, containers: one, at: "family =", want: `Family "my app.v2" is not a valid family name`},
	{rule: "placement_constraint", task: `placement_constraints { type = "distinctInstance" }`, containers: one, at: "placement_constraints { type =", want: `"distinctInstance" is not allowed in a task definition`},
	{rule: "placement_expression", task: `placement_constraints {; type = "memberOf"; expression = "attribute:ecs.instance-type t2.small"; }`, containers: one, at: "expression =", want: `The memberOf expression "attribute:ecs.instance-type t2.small" is not valid cluster query language at column 29: expected an operator`},
	{rule: "plaintext_secret", containers: `[{` + web + `, environment = [{ name = "DB_PASSWORD", value = "hunter2" }] }]`, want: "environment variable DB_PASSWORD looks like a credential and holds a literal value"},
	{rule: "port_mappings_network_none", task: `network_mode = "none"`, containers: `[{` + web + `, portMappings = [{ containerPort = 80 }] }]`, at: "containers =", want: `container "web": a port mapping is given, but the task uses network mode "none"`},
	{rule: "port_range", containers: `[{` + web + `, portMappings = [{ containerPort = 70000 }] }]`, at: "containers =", want: `container "web": containerPort 70000 is outside 1-65535`},
	{rule: "reserved_host_port", task: `network_mode = "bridge"`, containers: `[{` + web + `, portMappings = [{ containerPort = 2222, hostPort = 22 }] }]`, at: "containers =", want: `container "web": hostPort 22 is reserved on container instances for SSH`},
	{rule: "static_host_port_in_dynamic_range", task: `network_mode = "bridge"`, containers: `[{` + web + `, portMappings = [{ containerPort = 80, hostPort = 40000 }] }]`, want: `container "web": static hostPort 40000 is inside the dynamic host port range 32768-65535`},
	{rule: "task_cpu_range", task: `cpu = "64"`, containers: one, at: "cpu =", want: "Task cpu 64 (.063 vCPU) is below the minimum that ECS accepts"},
	{rule: "task_definition_size", containers: `[{` + web + `, environment = [for i in range(600) : { name = "V${i}", value = format("%0100d", i) }] }]`, at: "containers =", want: "as compact JSON"},
	{rule: "unknown_container_reference", containers: `[{` + web + `, dependsOn = [{ containerName = "init", condition = "START" }] }]`, at: "containers =", want: `container "web": dependsOn names container "init", which is not in the task`},
	{rule: "unknown_volume", containers: `[{` + web + `, mountPoints = [{ sourceVolume = "data", containerPath = "/d" }] }]`, at: "containers =", want: `container "web": mount point sourceVolume "data" names no volume of the task`},
	{rule: "awsvpc_unsupported_parameter", task: `network_mode = "awsvpc"`, containers: `[{` + web + `, hostname = "web1" }]`, at: "containers =", want: `container "web": hostname "web1" is not supported with network mode "awsvpc"`},
	{rule: "container_timeouts", task: fg, containers: `[{` + web + `, stopTimeout = 300 }]`, at: "containers =", want: `container "web": stopTimeout 300 is outside 2-120 seconds, the range Fargate accepts`},
	{rule: "ephemeral_storage", task: fg + `; ephemeral_storage { size_in_gib = 500 }`, containers: one, at: "ephemeral_storage { size_in_gib =", want: "ephemeralStorage.sizeInGiB 500 is outside 21-200 GiB"},
	{rule: "invalid_enum", task: `network_mode = "AWSVPC"`, containers: one, at: "network_mode =", want: `networkMode "AWSVPC" is not a valid value; ECS accepts "bridge", "host", "awsvpc" or "none". Use "awsvpc"`},
	{rule: "windows_unsupported_parameter", task: `runtime_platform { operating_system_family = "WINDOWS_SERVER_2022_CORE" }`, containers: `[{ name = "iis", image = "mcr.microsoft.com/windows/servercore/iis", memory = 1024, linuxParameters = { initProcessEnabled = true } }]`, at: "containers =", want: `container "iis": linuxParameters are not supported for Windows containers`},
}

// TestAccTaskDefinitionRules makes every rule of the catalogue report through
// the data source: errors fail the plan with a diagnostic that names the rule
// and sits on the attribute the finding is about; warnings leave the plan
// alone and show in findings.
func TestAccTaskDefinitionRules(t *testing.T) {
	byRule := map[string]ruleCase{}
	for _, c := range ruleCases {
		if _, dup := byRule[c.rule]; dup {
			t.Errorf("two cases for rule %s", c.rule)
		}
		byRule[c.rule] = c
	}
	for _, r := range rules.All() {
		c, ok := byRule[r.Name]
		if !ok {
			// A rule without a case here is tested with its page's failing example (pageCase).
			t.Run(r.Name, func(t *testing.T) {
				config, f := pageCase(t, r)
				unitTest(t, pageCaseStep(r, config, f))
			})
			continue
		}
		delete(byRule, r.Name)
		t.Run(r.Name, func(t *testing.T) {
			step := resource.TestStep{Config: taskConfig(c.task, c.containers)}
			if r.Severity == rules.Error {
				if c.at == "" {
					t.Fatalf("error rule %s: the case must say which attribute the diagnostic is on", r.Name)
				}
				// Terraform prints the summary, then the configuration line
				// the diagnostic is on, then the detail.
				step.ExpectError = regexp.MustCompile(`(?s)` + regexp.QuoteMeta("Error: "+r.Heading()) +
					`\s+with data\.ecskit_task_definition\.t,\s+on \S+ line \d+, in data "ecskit_task_definition" "t":\s+\d+:\s+` +
					regexp.QuoteMeta(c.at) + `.*?` + wrapped(c.want))
			} else {
				step.ConfigStateChecks = []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.ecskit_task_definition.t", tfjsonpath.New("findings"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"rule":     knownvalue.StringExact(r.Name),
							"severity": knownvalue.StringExact(r.Severity.String()),
							"message":  knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta(c.want))),
						}),
					})),
				}
			}
			unitTest(t, step)
		})
	}
	for name := range byRule {
		t.Errorf("ruleCases has a case for %s, which is not a rule of the catalogue", name)
	}
}
