package lint

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The secrets of the sensitive plan tests: strings that appear nowhere else,
// so finding one in ecslint's output is a leak.
const (
	planSecret      = "Pw-5e4f-plan-secret-91"
	planSecretToken = "Tok-77aa-plan-secret-03"
	planSecretName  = "app-plan-secret-c0ffee"
)

// sensitivePlanConfig is planned by the real terraform in
// TestRealPlanSensitive. var.db_password is sensitive, so is every
// ecskit_container_definition's json (the provider cannot know what is
// secret): the container_definitions of both task definitions are sensitive
// as a whole in the plan. Each holds a mistake a rule catches; the service
// names a container the task does not have. The terraform_data resources
// become AWS resources in the plan (asResources).
const sensitivePlanConfig = `terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

variable "lb_container" {
  type      = string
  sensitive = true
}

data "ecskit_container_definition" "web" {
  name          = "web"
  image         = "public.ecr.aws/docker/library/httpd:2.4"
  command       = ["httpd-foreground", "--token=${var.api_token}"]
  port_mappings = [{ container_port = 80, host_port = 8080 }]
  environment   = { DB_PASSWORD = var.db_password }
}

# From an ecskit data source: hostPort 8080 differs from containerPort 80 under awsvpc.
resource "terraform_data" "web" {
  input = {
    family                   = "web"
    arn                      = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1"
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = "256"
    memory                   = "512"
    container_definitions    = jsonencode([jsondecode(data.ecskit_container_definition.web.json)])
  }
}

# A jsonencode holding a sensitive variable: hostPort 0 under awsvpc.
resource "terraform_data" "api" {
  input = {
    family                   = "api"
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = "256"
    memory                   = "512"
    container_definitions = jsonencode([{
      name         = "api"
      image        = "public.ecr.aws/docker/library/httpd:2.4"
      essential    = true
      portMappings = [{ containerPort = 8080, hostPort = 0 }]
      environment  = [{ name = "DB_PASSWORD", value = var.db_password }]
    }])
  }
}

# Known only at apply time.
resource "terraform_data" "port" {
  input = 0
}

# The same mistake as web's, but its container_definitions is unknown until apply: nothing to report.
resource "terraform_data" "later" {
  input = {
    family                   = "later"
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = "256"
    memory                   = "512"
    container_definitions = jsonencode([{
      name         = "later"
      image        = "public.ecr.aws/docker/library/httpd:2.4"
      essential    = true
      portMappings = [{ containerPort = 80, hostPort = terraform_data.port.output }]
      environment  = [{ name = "DB_PASSWORD", value = var.db_password }]
    }])
  }
}

# The load balancer's container is "app", but the task's only container is "web".
resource "terraform_data" "svc" {
  input = {
    name            = "web"
    cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
    task_definition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1"
    launch_type     = "FARGATE"
    desired_count   = 1
    network_configuration = [{
      subnets          = ["subnet-0123456789abcdef0"]
      security_groups  = ["sg-0123456789abcdef0"]
      assign_public_ip = false
    }]
    load_balancer = [{
      target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
      container_name   = "app"
      container_port   = 80
    }]
  }
}

# From an ecskit_task_definition's container_definitions (valid: the provider checked it while planning); the
# service's load balancer names a container it does not have.
data "ecskit_container_definition" "worker" {
  name          = "worker"
  image         = "public.ecr.aws/docker/library/httpd:2.4"
  port_mappings = [{ container_port = 80 }]
  environment   = { DB_PASSWORD = var.db_password }
  secrets       = { API_KEY = "arn:aws:ssm:eu-west-1:123456789012:parameter/api" }
}

data "ecskit_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  containers               = [data.ecskit_container_definition.worker.json]
}

resource "terraform_data" "worker" {
  input = {
    family                   = "worker"
    arn                      = "arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:1"
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = "256"
    memory                   = "512"
    execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
    container_definitions    = data.ecskit_task_definition.worker.container_definitions
  }
}

resource "terraform_data" "worker_svc" {
  input = {
    name            = "worker"
    cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
    task_definition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:1"
    launch_type     = "FARGATE"
    desired_count   = 1
    network_configuration = [{
      subnets          = ["subnet-0123456789abcdef0"]
      security_groups  = ["sg-0123456789abcdef0"]
      assign_public_ip = false
    }]
    load_balancer = [{
      target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/worker/0123456789abcdef"
      container_name   = "worker"
      container_port   = 8080
    }]
  }
}

# The same mistake as svc's, with a container name that the plan marks sensitive: a configuration rule's message
# would quote it.
resource "terraform_data" "svc2" {
  input = {
    name            = "web2"
    cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
    task_definition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1"
    launch_type     = "FARGATE"
    desired_count   = 1
    network_configuration = [{
      subnets          = ["subnet-0123456789abcdef0"]
      security_groups  = ["sg-0123456789abcdef0"]
      assign_public_ip = false
    }]
    load_balancer = [{
      target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
      container_name   = var.lb_container
      container_port   = 80
    }]
  }
}
`

// TestRealPlanSensitive: in plan JSON written by the real terraform, values
// that the plan marks sensitive are checked like the others (the findings
// are reported, with the rule, the address and the place in the task
// definition), a value unknown until apply stays silent, and no output
// format carries a secret of the plan.
func TestRealPlanSensitive(t *testing.T) {
	t.Setenv("TF_VAR_db_password", planSecret)
	t.Setenv("TF_VAR_api_token", planSecretToken)
	t.Setenv("TF_VAR_lb_container", planSecretName)
	tf := terraform(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), sensitivePlanConfig)
	src := planJSON(t, tf, dir)

	// What this test rests on: terraform writes the sensitive values in plain text and marks them.
	for _, s := range []string{planSecret, planSecretToken, planSecretName} {
		if !strings.Contains(string(src), s) {
			t.Fatalf("terraform show -json does not write the sensitive value %q in plain text:\n%s", s, src)
		}
	}
	var raw struct {
		PlannedValues struct {
			RootModule struct {
				Resources []struct {
					Address         string         `json:"address"`
					SensitiveValues map[string]any `json:"sensitive_values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"planned_values"`
	}
	if err := json.Unmarshal(src, &raw); err != nil {
		t.Fatal(err)
	}
	marked := map[string]bool{}
	for _, r := range raw.PlannedValues.RootModule.Resources {
		if in, ok := r.SensitiveValues["input"].(map[string]any); ok && in["container_definitions"] == true {
			marked[r.Address] = true
		}
	}
	for _, a := range []string{"terraform_data.web", "terraform_data.api", "terraform_data.later", "terraform_data.worker"} {
		if !marked[a] {
			t.Errorf("terraform does not mark %s's container_definitions sensitive: %v", a, marked)
		}
	}

	plan := filepath.Join(t.TempDir(), "plan.json")
	writeFile(t, plan, string(asResources(t, src, map[string]string{
		"web": "aws_ecs_task_definition", "api": "aws_ecs_task_definition", "later": "aws_ecs_task_definition",
		"worker": "aws_ecs_task_definition", "svc": "aws_ecs_service", "svc2": "aws_ecs_service", "worker_svc": "aws_ecs_service",
	})))

	code, rep := runJSON(t, plan)
	if code != ExitFindings || len(rep.Errors) != 0 {
		t.Fatalf("exit %d, %+v", code, rep)
	}
	type want struct{ msg string }
	// The rules' messages quote only what ecskit's redaction policy shows: names, images, numbers,
	// enumerations, paths and ARNs.
	wants := map[string]want{
		"aws_ecs_task_definition.api host_port_zero":     {msg: `container "api": hostPort 0 asks for a dynamic host port, but dynamic port mapping needs bridge network mode and this task uses "awsvpc".`},
		"aws_ecs_task_definition.web host_port_mismatch": {msg: `container "web": hostPort 8080 differs from containerPort 80; with network mode "awsvpc"`},
		// The secret itself: named like a credential, in a plain environment variable.
		"aws_ecs_task_definition.web plaintext_secret": {msg: `container "web": environment variable DB_PASSWORD looks like a credential and holds a literal value`},
		"aws_ecs_task_definition.worker plaintext_secret": {
			msg: `container "worker": environment variable DB_PASSWORD looks like a credential and holds a literal value`},
		"aws_ecs_task_definition.api plaintext_secret": {msg: `container "api": environment variable DB_PASSWORD looks like a credential and holds a literal value`},
		"aws_ecs_service.svc service_load_balancer_container": {
			msg: `aws_ecs_service.svc: load_balancer container_name "app" is not a container of aws_ecs_task_definition.web (its containers: "web")`},
		"aws_ecs_service.worker_svc service_load_balancer_container": {
			msg: `aws_ecs_service.worker_svc: load_balancer container_port 8080 is not a containerPort of container "worker" in aws_ecs_task_definition.worker (it maps containerPort 80)`},
		// A message that would quote a value the plan marks sensitive and the policy hides gives the rule's
		// title in its place.
		"aws_ecs_service.svc2 service_load_balancer_container": {
			msg: `Load balancer names a container or port not in the task definition; ecslint does not show the value, which the plan marks sensitive.`},
	}
	got := map[string]bool{}
	for _, is := range rep.Issues {
		key := is.Address + " " + is.Rule.Name
		got[key] = true
		w, ok := wants[key]
		if !ok {
			t.Errorf("unexpected finding %s: %s", key, is.Message)
			continue
		}
		if !strings.Contains(is.Message, w.msg) {
			t.Errorf("%s: message %q, want it to contain %q", key, is.Message, w.msg)
		}
		if strings.Contains(is.Address, "later") {
			t.Errorf("finding on a value unknown until apply: %+v", is)
		}
	}
	for k := range wants {
		if !got[k] {
			t.Errorf("missing finding %s; got %v", k, got)
		}
	}

	// A baseline records the messages too.
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, out, stderr := run(t, "--write-baseline", base, plan); code != ExitOK {
		t.Errorf("--write-baseline: exit %d\n%s%s", code, out, stderr)
	}
	if b, err := os.ReadFile(base); err != nil {
		t.Error(err)
	} else {
		noSecret(t, "baseline", string(b))
		if !strings.Contains(string(b), "service_load_balancer_container") {
			t.Errorf("the baseline lacks the findings:\n%s", b)
		}
	}

	// Every format, the plan alone and with its configuration.
	for _, f := range []string{"text", "json", "sarif", "checkstyle", "junit", "compact", "gitlab"} {
		for _, args := range [][]string{{plan}, {plan, dir}} {
			code, out, stderr := run(t, append([]string{"--no-color", "--format", f}, args...)...)
			if code != ExitFindings {
				t.Errorf("%s %v: exit %d\n%s%s", f, args, code, out, stderr)
			}
			noSecret(t, f, out+stderr)
			if !strings.Contains(out, "service_load_balancer_container") || !strings.Contains(out, "host_port_zero") || !strings.Contains(out, "host_port_mismatch") {
				t.Errorf("%s %v: the findings are missing:\n%s", f, args, out)
			}
		}
	}
}

// noSecret fails when out holds a secret of the plan, as it is or escaped.
func noSecret(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range []string{planSecret, planSecretToken, planSecretName, "plan-secret"} {
		q := strconv.Quote(s)
		if strings.Contains(out, s) || strings.Contains(out, q[1:len(q)-1]) {
			t.Errorf("%s output quotes the sensitive value %q:\n%s", what, s, out)
		}
	}
}

// sensitiveTaskPlan is plan JSON as terraform show -json writes it (format
// 1.2, values in plain text, marks in sensitive_values and after_sensitive)
// for two task definitions. web's network_mode is marked sensitive (a
// top-level string: hidden whole, so host_port_zero's message, which names
// the network mode, cannot be shown); bad's container_definitions is
// sensitive and holds a string where a number belongs, which a decoding
// error would quote.
const sensitiveTaskPlan = `{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_ecs_task_definition.bad", "mode": "managed", "type": "aws_ecs_task_definition", "name": "bad",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
     "values": {"family": "bad", "network_mode": "bridge",
       "container_definitions": "[{\"name\":\"bad\",\"image\":\"nginx\",\"memory\":\"Mem-` + planSecret + `\",\"environment\":[{\"name\":\"X\",\"value\":\"` + planSecretToken + `\"}]}]"},
     "sensitive_values": {"container_definitions": true}},
    {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
     "values": {"family": "web", "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
       "container_definitions": "[{\"name\":\"web\",\"image\":\"nginx\",\"essential\":true,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}]"},
     "sensitive_values": {}}
  ]}},
  "resource_changes": [
    {"address": "aws_ecs_task_definition.bad", "mode": "managed", "type": "aws_ecs_task_definition", "name": "bad",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"arn": true}, "after_sensitive": {"container_definitions": true}}},
    {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"arn": true}, "after_sensitive": {"network_mode": true}}}
  ]
}`

// TestPlanSensitiveNeverQuoted: a task rule's message that would quote a
// value the plan marks sensitive, and a decoding error on a sensitive
// container_definitions, are reported without it, in every format.
func TestPlanSensitiveNeverQuoted(t *testing.T) {
	plan := filepath.Join(t.TempDir(), "plan.json")
	writeFile(t, plan, sensitiveTaskPlan)
	code, rep := runJSON(t, plan)
	if code != ExitFailed {
		t.Errorf("exit %d, want %d (a decoding error)", code, ExitFailed)
	}
	var zero bool
	for _, is := range rep.Issues {
		if is.Address == "aws_ecs_task_definition.web" && is.Rule.Name == "host_port_zero" {
			zero = true
			if want := `Dynamic host port outside bridge mode at containerDefinitions["web"].portMappings[0].hostPort; ecslint does not show the value, which the plan marks sensitive.`; !strings.Contains(is.Message, want) {
				t.Errorf("message %q, want %q", is.Message, want)
			}
		}
	}
	if !zero {
		t.Errorf("host_port_zero on web's sensitive values is missing: %+v", rep.Issues)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, `aws_ecs_task_definition.bad: containerDefinitions[0].memory is not valid; ecslint does not show the value, which the plan marks sensitive.`) {
		t.Errorf("errors %+v, want one about bad's memory", rep.Errors)
	}
	for _, f := range []string{"text", "json", "sarif", "checkstyle", "junit", "compact", "gitlab"} {
		_, out, stderr := run(t, "--no-color", "--format", f, plan)
		noSecret(t, f, out+stderr)
		if strings.Contains(out+stderr, `uses "awsvpc"`) || strings.Contains(out+stderr, `uses \"awsvpc\"`) {
			t.Errorf("%s output quotes the sensitive network mode:\n%s", f, out+stderr)
		}
		if !strings.Contains(out, "host_port_zero") {
			t.Errorf("%s output lacks the finding:\n%s", f, out)
		}
	}
}

// TestBrokenPlanLinesNotShown: a plan cut short (as an interrupted write
// leaves it), written with a line per value, is an error with its file and
// line, and the text output prints none of its lines, which hold sensitive
// values in plain text.
func TestBrokenPlanLinesNotShown(t *testing.T) {
	var v any
	if err := json.Unmarshal([]byte(sensitiveTaskPlan), &v); err != nil {
		t.Fatal(err)
	}
	pretty, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	text := string(pretty)
	cut := strings.Index(text, planSecretToken) + len(planSecretToken) + 2 // inside the string that holds it
	plan := filepath.Join(t.TempDir(), "plan.json")
	writeFile(t, plan, text[:cut]+"\n")
	code, out, stderr := run(t, "--no-color", plan)
	if code != ExitFailed || !strings.Contains(out+stderr, "plan.json line ") {
		t.Errorf("exit %d, want %d with an error naming the line:\n%s%s", code, ExitFailed, out, stderr)
	}
	noSecret(t, "text", out+stderr)
}
