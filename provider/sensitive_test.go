package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// theSecret is the value of var.db_password in these tests: a string that
// appears nowhere else, so finding it in terraform's output is a leak.
const theSecret = "Xq7-db-pa55w0rd-3c1f9e"

// sensitiveExample is the documented example of every way to compose a task
// definition with a sensitive value (docs/guides/sensitive-values.md and the
// data source pages show it).
const sensitiveExample = "../examples/sensitive-values/main.tf"

// TestAccSensitiveNeverPrinted runs the real terraform CLI, as a user does,
// on the documented example with a sensitive variable, and looks for the
// secret in everything terraform prints: init, plan, apply, a second plan,
// output and show. The provider and a stand-in for hashicorp/aws
// (fakeAWS) are served in this process and attached to terraform
// (TF_REATTACH_PROVIDERS), so the example runs unchanged, required_providers
// and all.
func TestAccSensitiveNeverPrinted(t *testing.T) {
	needTerraform(t)
	t.Parallel()
	src, err := os.ReadFile(sensitiveExample)
	if err != nil {
		t.Fatal(err)
	}
	tf := newTerraformDir(t, map[string]string{"main.tf": string(src)})
	tf.run("init", "-input=false")
	plan := tf.run("plan", "-input=false", "-var", "db_password="+theSecret)
	tf.run("apply", "-input=false", "-auto-approve", "-var", "db_password="+theSecret)
	again := tf.run("plan", "-input=false", "-detailed-exitcode", "-var", "db_password="+theSecret)
	outputs := tf.run("output")
	tf.run("show")

	// What the plan must show instead: the consumers' container_definitions
	// hidden, the redacted copies readable.
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?s)# aws_ecs_task_definition\.api will be created.*?container_definitions\s+= \(sensitive value\)`),
		regexp.MustCompile(`(?s)# aws_ecs_task_definition\.worker will be created.*?container_definitions\s+= \(sensitive value\)`),
		regexp.MustCompile(`(?s)\+ api_container_definitions\s+= jsonencode\(.*?name\s+= "DB_PASSWORD"\s+\+ value = "\(redacted\)"`),
		regexp.MustCompile(`(?s)\+ migrate_container_definitions\s+= jsonencode\(.*?name\s+= "DATABASE_URL"\s+\+ value = "\(redacted\)"`),
		regexp.MustCompile(`\+ api_task_definition_json\s+= \(sensitive value\)`),
	} {
		if !want.MatchString(plan) {
			t.Errorf("terraform plan output does not match %s:\n%s", want, plan)
		}
	}
	if !strings.Contains(again, "No changes.") {
		t.Errorf("the second plan should find no changes (the composed JSON is stable):\n%s", again)
	}
	if !strings.Contains(outputs, `api_task_definition_json = <sensitive>`) {
		t.Errorf("terraform output should list the sensitive output as <sensitive>:\n%s", outputs)
	}
	// The secret did reach the task definitions (so its absence above is the
	// marks' doing, not a value that never got there): the state has it, as
	// Terraform state always has sensitive values.
	state, err := os.ReadFile(filepath.Join(tf.dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"name":"DB_PASSWORD","value":"` + theSecret + `"`,
		`postgres://app:` + theSecret + `@db:5432/app`,
	} {
		if !bytes.Contains(state, []byte(strings.ReplaceAll(want, `"`, `\"`))) {
			t.Errorf("the state should hold %s in the composed JSON; it does not, so the test proves nothing", want)
		}
	}
}

// TestAccSensitiveDeferredRead: when a data source can only be read at apply
// time, the plan prints its configuration; the sensitive environment value
// reads (sensitive value) there too.
func TestAccSensitiveDeferredRead(t *testing.T) {
	needTerraform(t)
	t.Parallel()
	tf := newTerraformDir(t, map[string]string{"main.tf": `
terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
    aws    = { source = "hashicorp/aws" }
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "image" {
  input = "public.ecr.aws/nginx/nginx:1.27"
}

data "ecskit_container_definition" "late" {
  name        = "late"
  image       = terraform_data.image.output
  memory      = 128
  environment = { DB_PASSWORD = var.db_password }
}

data "ecskit_task_definition" "late" {
  family       = "late"
  containers = [data.ecskit_container_definition.late.json]
}

resource "aws_ecs_task_definition" "late" {
  family                = "late"
  container_definitions = data.ecskit_task_definition.late.container_definitions
}
`})
	tf.run("init", "-input=false")
	plan := tf.run("plan", "-input=false", "-var", "db_password="+theSecret)
	if want := regexp.MustCompile(`(?s)<= data "ecskit_container_definition" "late" \{.*?"DB_PASSWORD" = \(sensitive value\)`); !want.MatchString(plan) {
		t.Errorf("the plan should show the deferred data source with its environment hidden (%s):\n%s", want, plan)
	}
	tf.run("apply", "-input=false", "-auto-approve", "-var", "db_password="+theSecret)
	tf.run("show")
}

// TestAccSensitiveOutputs: each way the docs show of getting at the composed
// JSON is a sensitive value, so an output of it without sensitive = true fails
// the plan, and the redacted copies need no such declaration and hold no
// secret. Plans with the example's aws_ecs_task_definition resources mark
// their container_definitions sensitive.
func TestAccSensitiveOutputs(t *testing.T) {
	src, err := os.ReadFile(sensitiveExample)
	if err != nil {
		t.Fatal(err)
	}
	// The testing framework attaches the providers as hashicorp/ecskit and
	// hashicorp/aws: the example's terraform block, which names
	// ecskit/ecskit, is left out.
	example := regexp.MustCompile(`(?s)^.*?\nterraform \{.*?\n\}\n`).ReplaceAllString(string(src), "")
	if strings.Contains(example, "required_providers") || !strings.Contains(example, `variable "db_password"`) {
		t.Fatalf("could not take the terraform block out of %s", sensitiveExample)
	}
	vars := config.Variables{"db_password": config.StringVariable(theSecret)}
	step := func(extra string) resource.TestStep {
		return resource.TestStep{Config: example + extra, ConfigVariables: vars}
	}
	var steps []resource.TestStep
	for _, expr := range []string{
		"data.ecskit_container_definition.api.json",
		"data.ecskit_task_definition.api.container_definitions",
		"data.ecskit_task_definition.api.json",
		"data.ecskit_task_definition.migrate.container_definitions",
		"local.worker_containers",
		"local.worker_findings",
	} {
		s := step(`output "leak" { value = ` + expr + ` }`)
		s.ExpectError = regexp.MustCompile(`Output refers to sensitive values`)
		steps = append(steps, s)
	}
	final := step("")
	final.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectSensitiveValue("aws_ecs_task_definition.api", tfjsonpath.New("container_definitions")),
		plancheck.ExpectSensitiveValue("aws_ecs_task_definition.worker", tfjsonpath.New("container_definitions")),
	}}
	final.ConfigStateChecks = []statecheck.StateCheck{
		output("api_container_definitions", knownvalue.StringExact(`[{"environment":[{"name":"APP_ENV","value":"(redacted)"},{"name":"DB_PASSWORD","value":"(redacted)"}],`+
			`"essential":true,"image":"public.ecr.aws/nginx/nginx:1.27","memory":512,"name":"api",`+
			`"secrets":[{"name":"API_KEY","valueFrom":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key"}]}]`)),
		output("migrate_container_definitions", knownvalue.StringExact(`[{"environment":[{"name":"DATABASE_URL","value":"(redacted)"}],`+
			`"essential":true,"image":"public.ecr.aws/docker/library/busybox:1.37","memory":128,"name":"migrate"}]`)),
	}
	steps = append(steps, final)

	needTerraform(t)
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"ecskit": providerserver.NewProtocol6WithError(New("test")()),
			"aws":    providerserver.NewProtocol6WithError(fakeAWS{}),
		},
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		Steps:                  steps,
	})
}

// TestAccSensitiveFindingMessages: a secret in free text that a rule reports
// on (a health-check command that is one curl with an Authorization header,
// a credential in environment, an awslogs mode) is in none of the
// diagnostics terraform prints, warnings and errors alike, although the rules
// fire on those very values: their messages quote only what the redacted
// copies show.
func TestAccSensitiveFindingMessages(t *testing.T) {
	needTerraform(t)
	t.Parallel()
	const head = `
terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}
`
	// Warnings: the plan succeeds and prints them.
	tf := newTerraformDir(t, map[string]string{"main.tf": head + `
data "ecskit_container_definition" "web" {
  name        = "web"
  image       = "public.ecr.aws/nginx/nginx:1.27"
  memory      = 256
  environment = { DB_PASSWORD = var.db_password }
  command     = ["serve", "--password=${var.db_password}"]
  health_check = {
    command = ["curl -f -H 'Authorization: Bearer ${var.db_password}' http://localhost/"]
  }
  docker_labels = { token = var.db_password }
}

data "ecskit_task_definition" "web" {
  family     = "web"
  containers = [data.ecskit_container_definition.web.json]
}

output "findings" {
  value = [for f in data.ecskit_task_definition.web.findings : f.message]
}
`})
	tf.run("init", "-input=false")
	// terraform wraps diagnostics at 78 columns: compare with the spaces
	// collapsed.
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	plan := tf.run("plan", "-input=false", "-var", "db_password="+theSecret)
	for _, want := range []string{
		`healthCheck.command starts with neither "CMD" nor "CMD-SHELL"`,
		`environment variable DB_PASSWORD looks like a credential`,
	} {
		if !strings.Contains(oneLine(plan), want) {
			t.Errorf("the plan should print the finding %q (else the test proves nothing):\n%s", want, plan)
		}
	}

	// An error: the plan fails with it.
	tf = newTerraformDir(t, map[string]string{"main.tf": head + `
data "ecskit_container_definition" "web" {
  name   = "web"
  image  = "public.ecr.aws/nginx/nginx:1.27"
  memory = 256
  log_configuration = {
    log_driver = "awslogs"
    options    = { awslogs-group = "/ecs/web", awslogs-region = "eu-west-1", mode = var.db_password }
  }
}

data "ecskit_task_definition" "web" {
  family     = "web"
  containers = [data.ecskit_container_definition.web.json]
}
`})
	tf.run("init", "-input=false")
	failed := tf.runFailing("plan", "-input=false", "-var", "db_password="+theSecret)
	if want := `awslogs option mode is neither "blocking" nor "non-blocking"`; !strings.Contains(oneLine(failed), want) {
		t.Errorf("the plan should fail with %q (else the test proves nothing):\n%s", want, failed)
	}

	// Errors of a composition that fails: a free-text value of the wrong
	// type, container JSON and extra_json that do not parse because a
	// secret is an unquoted word in them.
	const word = "Qzwordsecretvalue"
	tf = newTerraformDir(t, map[string]string{"main.tf": head + `
variable "token" {
  type      = string
  sensitive = true
}

data "ecskit_task_definition" "wrong_type" {
  family     = "wrong-type"
  containers = [jsonencode({ name = "web", image = "x", memory = 256, command = "serve --password=${var.db_password}" })]
}

data "ecskit_task_definition" "bad_json" {
  family     = "bad-json"
  containers = ["{\"name\": \"web\", \"image\": \"x\", \"environment\": [{\"name\": \"TOKEN\", \"value\": ${var.token}}]}"]
}

data "ecskit_container_definition" "bad_extra" {
  name       = "web"
  image      = "x"
  extra_json = "{\"token\": ${var.token}}"
}
`})
	tf.run("init", "-input=false")
	failed = tf.runFailing("plan", "-input=false", "-var", "db_password="+theSecret, "-var", "token="+word)
	for _, want := range []string{
		`containerDefinitions[0].command: expected an array, got a string`,
		`containers[0] is not valid container JSON`,
		`extra_json is not valid JSON`,
	} {
		if !strings.Contains(oneLine(failed), want) {
			t.Errorf("the plan should fail with %q (else the test proves nothing):\n%s", want, failed)
		}
	}
	if strings.Contains(failed, word) {
		t.Errorf("terraform plan printed the sensitive value:\n%s", failed)
	}
}

// terraformDir is a working directory in which the terraform CLI runs with
// ecskit and fakeAWS attached from this process.
type terraformDir struct {
	t         *testing.T
	dir       string
	env       []string
	terraform string
}

func newTerraformDir(t *testing.T, files map[string]string) *terraformDir {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		t.Skip("set TF_ACC_TERRAFORM_PATH to the terraform binary (eval \"$(scripts/find-terraform.sh)\" does)")
	}
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	reattach := map[string]reattachConfig{
		host + "/ecskit/ecskit": serveInProcess(t, host+"/ecskit/ecskit", providerserver.NewProtocol6(New("test")())),
		host + "/hashicorp/aws": serveInProcess(t, host+"/hashicorp/aws", providerserver.NewProtocol6(fakeAWS{})),
	}
	enc, err := json.Marshal(reattach)
	if err != nil {
		t.Fatal(err)
	}
	cli := filepath.Join(dir, ".terraformrc")
	if err := os.WriteFile(cli, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(enc), "TF_CLI_CONFIG_FILE="+cli,
		"CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0")
	return &terraformDir{t: t, dir: dir, env: env, terraform: bin}
}

// run runs terraform with args and returns what it printed (stdout and
// stderr); it fails the test when the command fails (-detailed-exitcode 2
// means changes, not failure) or when the output holds theSecret.
func (d *terraformDir) run(args ...string) string {
	d.t.Helper()
	args = append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)
	cmd := exec.Command(d.terraform, append([]string{"-chdir=" + d.dir}, args...)...)
	cmd.Env = d.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	text := out.String()
	if strings.Contains(text, theSecret) {
		d.t.Errorf("terraform %s printed the sensitive value:\n%s", args[0], text)
	}
	if err != nil {
		d.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, text)
	}
	return text
}

// runFailing is run for a command that must fail: it fails the test when
// the command succeeds or when its output holds theSecret.
func (d *terraformDir) runFailing(args ...string) string {
	d.t.Helper()
	args = append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)
	cmd := exec.Command(d.terraform, append([]string{"-chdir=" + d.dir}, args...)...)
	cmd.Env = d.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	text := out.String()
	if strings.Contains(text, theSecret) {
		d.t.Errorf("terraform %s printed the sensitive value:\n%s", args[0], text)
	}
	if err == nil {
		d.t.Errorf("terraform %s should have failed:\n%s", strings.Join(args, " "), text)
	}
	return text
}

// reattachConfig is an entry of TF_REATTACH_PROVIDERS.
type reattachConfig struct {
	Protocol        string
	ProtocolVersion int
	Pid             int
	Test            bool
	Addr            struct{ Network, String string }
}

// serveInProcess serves a provider in this process in go-plugin's debug mode
// until the test ends, and returns where terraform finds it.
func serveInProcess(t *testing.T, name string, server func() tfprotov6.ProviderServer) reattachConfig {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig)
	closeCh := make(chan struct{})
	errCh := make(chan error, 1)
	go func() {
		errCh <- tf6server.Serve(name, server, tf6server.WithDebug(ctx, configCh, closeCh),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()), tf6server.WithoutLogStderrOverride())
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-closeCh:
		case <-time.After(10 * time.Second):
			t.Errorf("the provider server %s did not stop", name)
		}
	})
	select {
	case c := <-configCh:
		rc := reattachConfig{Protocol: string(c.Protocol), ProtocolVersion: c.ProtocolVersion, Pid: c.Pid, Test: c.Test}
		rc.Addr.Network, rc.Addr.String = c.Addr.Network(), c.Addr.String()
		return rc
	case err := <-errCh:
		t.Fatalf("serving %s: %v", name, err)
	case <-time.After(30 * time.Second):
		t.Fatalf("serving %s: no reattach configuration after 30s", name)
	}
	return reattachConfig{}
}
