package lint

import (
	"path/filepath"
	"strings"
	"testing"
)

// sensitiveHCLConfig is a root module (its provider block says so) whose task definitions hold sensitive
// values, as Terraform marks them: a variable declared sensitive (its
// default is the root module's value) and sensitive(). Every secret holds
// "hcl-secret", which no output may quote. The secrets are written on lines
// no finding points at: the text output prints the lines of the code a
// finding is on, as Terraform's diagnostics do.
const sensitiveHCLConfig = `provider "aws" {
  region = "eu-west-1"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Pw-hcl-secret-4242"
}

locals {
  token = sensitive("Tok-hcl-secret-77")
}

# A sensitive variable in the environment: the rules read the rest.
resource "aws_ecs_task_definition" "var" {
  family                   = "var"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx"
    essential    = true
    portMappings = [{ containerPort = 80, hostPort = 0 }]
    environment = [
      { name = "DB_PASSWORD", value = var.db_password },
    ]
  }])
}

# sensitive() around the whole JSON.
resource "aws_ecs_task_definition" "fn" {
  family                   = "fn"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = sensitive(jsonencode([{
    name         = "app"
    image        = "nginx"
    essential    = true
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
    environment = [
      { name = "API_TOKEN", value = local.token },
    ]
  }]))
}

output "checks" {
  value = [issensitive(var.db_password), issensitive(local.token)]
}
`

// sensitiveModeConfig is added to sensitiveHCLConfig: the network mode
// comes from a sensitive variable, so no message may name it.
const sensitiveModeConfig = `
variable "mode" {
  type      = string
  sensitive = true
  default   = "awsvpc"
}

# A message that would quote a sensitive value (the network mode) does not.
resource "aws_ecs_task_definition" "mode" {
  family       = "mode"
  network_mode = var.mode
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx"
    memory       = 512
    essential    = true
    portMappings = [{ containerPort = 80, hostPort = 0 }]
  }])
}
`

// TestHCLSensitive: the rules run on task definitions holding values the
// configuration marks sensitive, and no output of any format quotes one.
func TestHCLSensitive(t *testing.T) {
	for _, c := range []struct {
		name, config string
		want         map[string]string // finding (address/rule): what its message holds
	}{
		{"messages kept", sensitiveHCLConfig, map[string]string{
			"aws_ecs_task_definition.var/host_port_zero":    `this task uses "awsvpc"`,
			"aws_ecs_task_definition.fn/host_port_mismatch": `hostPort 8080 differs from containerPort 80`,
			"aws_ecs_task_definition.fn/plaintext_secret":   `environment variable API_TOKEN`,
		}},
		{"sensitive network mode", sensitiveHCLConfig + sensitiveModeConfig, map[string]string{
			"aws_ecs_task_definition.var/host_port_zero":    withheld,
			"aws_ecs_task_definition.fn/host_port_mismatch": `Host port differs from container port at containerDefinitions["app"].portMappings[0].hostPort; ecslint does not show the value, which the configuration marks sensitive.`,
			"aws_ecs_task_definition.mode/host_port_zero":   withheld,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "main.tf"), c.config)
			_, rep := runJSON(t, dir)
			got := map[string]string{}
			for _, is := range rep.Issues {
				got[is.Address+"/"+is.Rule.Name] = is.Message
			}
			for k, msg := range c.want {
				m, ok := got[k]
				if !ok {
					t.Errorf("no %s finding; got %v", k, got)
				} else if !strings.Contains(m, msg) {
					t.Errorf("%s: message %q, want it to hold %q", k, m, msg)
				}
			}
			for _, f := range []string{"text", "json", "sarif", "checkstyle", "junit", "compact", "gitlab"} {
				_, out, stderr := run(t, "--no-color", "--format", f, dir)
				if strings.Contains(out+stderr, "hcl-secret") {
					t.Errorf("%s output quotes a sensitive value:\n%s", f, out+stderr)
				}
				if c.config != sensitiveHCLConfig && (strings.Contains(out+stderr, `uses "awsvpc"`) || strings.Contains(out+stderr, `uses \"awsvpc\"`)) {
					t.Errorf("%s output quotes the sensitive network mode:\n%s", f, out+stderr)
				}
				if !strings.Contains(out, "host_port_zero") {
					t.Errorf("%s output lacks the finding:\n%s", f, out)
				}
			}
		})
	}
}

// withheld is what a message says in place of a sensitive value's.
const withheld = "; ecslint does not show the value, which the configuration marks sensitive."
