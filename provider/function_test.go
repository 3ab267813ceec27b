package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// functionTest runs steps that call provider functions (Terraform 1.8 and later).
func functionTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	needTerraform(t)
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		Steps:                    steps,
	})
}

func output(name string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue(name, check)
}

func sizeObject(cpu, memory string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"cpu": knownvalue.StringExact(cpu), "memory": knownvalue.StringExact(memory)})
}

func TestAccFunctionFargateSize(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::fargate_size("32 vCPU", "2 GB") }`,
			ExpectError: diagRE("No Fargate size for Linux has at least 32768 CPU units"),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::fargate_size("1024", "lots") }`,
			ExpectError: diagRE(`memory "lots" is neither a number of MiB`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::fargate_size(1024, 2048, "WINDOWS") }`,
			ExpectError: diagRE(`operating_system_family "WINDOWS" is not one ECS knows; use one of`, `"WINDOWS_SERVER_2022_CORE"`),
		},
		resource.TestStep{
			Config: `
output "linux" { value = provider::ecskit::fargate_size("1 vCPU", "3 GB") }
output "numbers" { value = provider::ecskit::fargate_size(200, 100) }
output "windows" { value = provider::ecskit::fargate_size(".5 vcpu", 1024, "WINDOWS_SERVER_2022_CORE") }
output "explicit_linux" { value = provider::ecskit::fargate_size(8192, "17 GB", "LINUX") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				output("linux", sizeObject("1024", "3072")),
				output("numbers", sizeObject("256", "512")),
				output("windows", sizeObject("1024", "2048")),
				output("explicit_linux", sizeObject("8192", "20480")),
			},
		},
	)
}

func TestAccFunctionCheckTaskDefinition(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::check_task_definition("{\n  \"family\": \"web\",\n  \"cpu\": 256\n  \"memory\": \"512\"\n}") }`,
			ExpectError: diagRE(`Invalid function argument`, `The task definition is not valid JSON: line 4, column 3: invalid character`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::check_task_definition(jsonencode([{ name = "web", image = "x", memory = "100" }])) }`,
			ExpectError: diagRE(`The task definition has a value of the wrong type: containerDefinitions[0].memory:`, `(line 1, column`),
		},
		resource.TestStep{
			Config: `
output "bad" {
  value = provider::ecskit::check_task_definition(jsonencode({
    family                  = "web"
    requiresCompatibilities = ["FARGATE"]
    networkMode             = "awsvpc"
    cpu                     = "256"
    memory                  = "4096"
    containerDefinitions = [{
      name         = "web"
      image        = "nginx"
      portMappings = [{ containerPort = 80, hostPort = 8080 }]
      environment  = [{ name = "API_TOKEN", value = "abc" }]
    }]
  }))
}

# A bare containerDefinitions array, as in aws_ecs_task_definition.container_definitions.
output "good" {
  value = provider::ecskit::check_task_definition(jsonencode([{ name = "web", image = "nginx", memory = 512 }]))
}
`,
			// Findings come in the order of the JSON text: jsonencode sorts the keys.
			ConfigStateChecks: []statecheck.StateCheck{
				output("good", knownvalue.ListExact([]knownvalue.Check{})),
				output("bad", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"rule":     knownvalue.StringExact("plaintext_secret"),
						"severity": knownvalue.StringExact("warning"),
						"message":  knownvalue.StringRegexp(regexp.MustCompile(`environment variable API_TOKEN looks like a credential`)),
						"path":     knownvalue.StringExact("containerDefinitions[0].environment[0].value"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"rule":     knownvalue.StringExact("host_port_mismatch"),
						"severity": knownvalue.StringExact("error"),
						"message":  knownvalue.StringRegexp(regexp.MustCompile(`container "web": hostPort 8080 differs from containerPort 80`)),
						"path":     knownvalue.StringExact("containerDefinitions[0].portMappings[0].hostPort"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"rule":     knownvalue.StringExact("fargate_cpu_memory"),
						"severity": knownvalue.StringExact("error"),
						"message":  knownvalue.StringRegexp(regexp.MustCompile(`memory must be 512, 1024 or 2048 MiB`)),
						"path":     knownvalue.StringExact("memory"),
					}),
				})),
			},
		},
	)
}

func TestAccFunctionNormalizeContainerDefinitions(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::normalize_container_definitions("[{\"name\": \"web\"}") }`,
			ExpectError: diagRE(`The container definitions are not valid JSON: line 1, column`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::ecskit::normalize_container_definitions("[]", "AWSVPC") }`,
			ExpectError: diagRE(`network_mode "AWSVPC" is not a network mode; use "awsvpc", "bridge", "host" or "none"`),
		},
		resource.TestStep{
			// Round trip: the data sources' output is already canonical.
			Config: webTask + `
# Sensitive, as the data source's output is.
output "round_trip" {
  value     = provider::ecskit::normalize_container_definitions(data.ecskit_task_definition.web.container_definitions, "awsvpc")
  sensitive = true
}

output "same" {
  value     = provider::ecskit::normalize_container_definitions(data.ecskit_task_definition.web.container_definitions, "awsvpc") == data.ecskit_task_definition.web.container_definitions
  sensitive = true
}

# Not sensitive: nothing sensitive went in (an output of a sensitive value
# without sensitive = true fails the plan).
output "hand_written" {
  value = provider::ecskit::normalize_container_definitions(jsonencode([
    { name = "web", image = "nginx", environment = [{ name = "B", value = "2" }, { name = "A", value = "1" }], portMappings = [{ containerPort = 80, protocol = "tcp" }] },
    { name = "app", image = "x", essential = false, command = [] },
  ]))
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				output("round_trip", knownvalue.StringExact(webTaskContainers)),
				output("same", knownvalue.Bool(true)),
				output("hand_written", knownvalue.StringExact(
					`[{"essential":false,"image":"x","name":"app"},{"environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"essential":true,"image":"nginx","name":"web","portMappings":[{"containerPort":80}]}]`)),
			},
		},
	)
}
