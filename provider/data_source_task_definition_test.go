package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// taskConfig is an ecskit_task_definition "t" with the given attributes and
// blocks (HCL; ";" separates lines) and containers (an HCL list of container
// objects, each passed through jsonencode).
func taskConfig(task, containers string) string {
	if !strings.HasPrefix(task, "family =") {
		task = `family = "app";` + task
	}
	return `
data "ecskit_task_definition" "t" {
  containers = [for c in ` + containers + ` : jsonencode(c)]
  ` + strings.ReplaceAll(task, ";", "\n  ") + `
}
`
}

func TestAccTaskDefinitionFargateSizeForms(t *testing.T) {
	addr := "data.ecskit_task_definition.t"
	unitTest(t, resource.TestStep{
		Config: taskConfig(`requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"; cpu = "1 vCPU"; memory = "3 GB"`,
			`[{ name = "web", image = "nginx" }]`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("normalized_cpu"), knownvalue.StringExact("1024")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("normalized_memory"), knownvalue.StringExact("3072")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
		},
	})
}

// webContainer composes a container with environment, secrets, a port mapping
// and a health check.
const webContainer = `
data "ecskit_container_definition" "web" {
  name   = "web"
  image  = "public.ecr.aws/nginx/nginx:1.27"
  cpu    = 256
  memory = 512

  port_mappings = [{ container_port = 80 }]
  environment   = { LOG_LEVEL = "info", APP_ENV = "production" }
  secrets       = { DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }

  health_check = {
    command = ["CMD-SHELL", "curl -fs http://localhost/ || exit 1"]
  }
}
`

// webTask is a Fargate task of webContainer.
const webTask = webContainer + `
data "ecskit_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  containers               = [data.ecskit_container_definition.web.json]
}
`

// The canonical JSON of webContainer alone and inside webTask: sorted keys and
// variables, explicit essential and health-check defaults, and under awsvpc
// hostPort = containerPort.
const (
	webContainerJSON = `{"cpu":256,"environment":[{"name":"APP_ENV","value":"production"},{"name":"LOG_LEVEL","value":"info"}],"essential":true,` +
		`"healthCheck":{"command":["CMD-SHELL","curl -fs http://localhost/ || exit 1"],"interval":30,"retries":3,"timeout":5},` +
		`"image":"public.ecr.aws/nginx/nginx:1.27","memory":512,"name":"web","portMappings":[{"containerPort":80}],` +
		`"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]}`
	webTaskContainers = `[{"cpu":256,"environment":[{"name":"APP_ENV","value":"production"},{"name":"LOG_LEVEL","value":"info"}],"essential":true,` +
		`"healthCheck":{"command":["CMD-SHELL","curl -fs http://localhost/ || exit 1"],"interval":30,"retries":3,"timeout":5},` +
		`"image":"public.ecr.aws/nginx/nginx:1.27","memory":512,"name":"web","portMappings":[{"containerPort":80,"hostPort":80}],` +
		`"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]}]`
)

func TestAccTaskDefinitionComposed(t *testing.T) {
	unitTest(t, resource.TestStep{
		Config: webTask,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.ecskit_container_definition.web", tfjsonpath.New("json"), knownvalue.StringExact(webContainerJSON)),
			statecheck.ExpectKnownValue("data.ecskit_task_definition.web", tfjsonpath.New("container_definitions"), knownvalue.StringExact(webTaskContainers)),
			statecheck.ExpectKnownValue("data.ecskit_task_definition.web", tfjsonpath.New("json"), knownvalue.StringExact(
				`{"containerDefinitions":`+webTaskContainers+`,"cpu":"256","executionRoleArn":"arn:aws:iam::123456789012:role/ecsTaskExecutionRole",`+
					`"family":"web","memory":"512","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"]}`)),
			statecheck.ExpectKnownValue("data.ecskit_task_definition.web", tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
		},
	})
}

// TestAccTaskDefinitionBadContainers: container JSON that cannot be read
// fails the plan on its element of containers, with line and column.
func TestAccTaskDefinitionBadContainers(t *testing.T) {
	unitTest(t,
		resource.TestStep{
			Config: `
data "ecskit_task_definition" "bad" {
  family     = "app"
  containers = [jsonencode({ name = "ok", image = "x", memory = 64 }), "{\"name\": \"web\",, \"image\": \"x\"}"]
}`,
			ExpectError: diagRE("Error: Invalid container JSON", `on terraform_plugin_test.tf line`, `containers = [`,
				"containers[1] is not valid container JSON: line 1, column 16:"),
		},
		resource.TestStep{
			Config: `
data "ecskit_task_definition" "bad" {
  family     = "app"
  containers = ["[{\"name\": \"web\"}]"]
}`,
			ExpectError: diagRE("Error: Invalid container JSON", "containers[0] must be one container definition, a JSON object, but it is an array"),
		},
		resource.TestStep{
			Config:      taskConfig(``, `[{ name = "web", image = "x", memory = "100" }]`),
			ExpectError: diagRE("Error: Invalid container definition", "containerDefinitions[0].memory:"),
		},
	)
}

func TestAccTaskDefinitionIgnoreRules(t *testing.T) {
	const badSize = `requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"; cpu = "256"; memory = "4096"`
	unitTest(t,
		resource.TestStep{
			Config:      taskConfig(badSize+`; ignore_rules = ["fargate_cpu_memroy"]`, one),
			ExpectError: diagRE(`Invalid Attribute Value Match`, `ignore_rules = ["fargate_cpu_memroy"]`, `value must be one of`, `got: "fargate_cpu_memroy"`),
		},
		resource.TestStep{
			Config: taskConfig(badSize+`; ignore_rules = ["fargate_cpu_memory"]`, one),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.ecskit_task_definition.t", tfjsonpath.New("normalized_memory"), knownvalue.StringExact("4096")),
			},
		},
	)
}

// TestAccTaskDefinitionUnknownValues: while part of the configuration is
// known only after apply, certain mistakes in the known part still fail the
// plan, and the unknown part produces no finding.
func TestAccTaskDefinitionUnknownValues(t *testing.T) {
	const later = `
resource "terraform_data" "cpu" {
  input = "1024"
}
resource "terraform_data" "image" {
  input = "nginx"
}
`
	unitTest(t,
		resource.TestStep{
			// Fargate in bridge mode is wrong whatever cpu turns out to be.
			Config: later + taskConfig(`requires_compatibilities = ["FARGATE"]; network_mode = "bridge"; cpu = terraform_data.cpu.output; memory = "4096"`,
				`[{ name = "web", image = terraform_data.image.output, memory = 256 }]`),
			PlanOnly:    true,
			ExpectError: diagRE("Error: Fargate task without awsvpc network mode (fargate_network_mode)", `network_mode = "bridge"`),
		},
		resource.TestStep{
			// Unknown cpu is neither missing (fargate_task_size_required) nor
			// wrong (fargate_cpu_memory); an unknown image is not missing.
			Config: later + taskConfig(`requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"; cpu = terraform_data.cpu.output; memory = "4096"`,
				`[{ name = "web", image = terraform_data.image.output, memory = 256 }]`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue("data.ecskit_task_definition.t", tfjsonpath.New("container_definitions")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.ecskit_task_definition.t", tfjsonpath.New("normalized_cpu"), knownvalue.StringExact("1024")),
				statecheck.ExpectKnownValue("data.ecskit_task_definition.t", tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
			},
		},
	)
}
