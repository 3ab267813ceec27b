package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestTextOutput(t *testing.T) {
	code, out, _ := run(t, "--no-color", "testdata/jsonencode")
	if code != ExitFindings {
		t.Errorf("exit code %d, want %d", code, ExitFindings)
	}
	want := "testdata/jsonencode/main.tf:19:27: error: container \"web\": hostPort 8080 differs from containerPort 80;"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	snippet := "  19 |           hostPort      = 8080\n     |                           ^~~~\n"
	if !strings.Contains(out, snippet) {
		t.Errorf("output lacks the source line with a caret %q:\n%s", snippet, out)
	}
	if !strings.HasSuffix(out, "2 issues found: 2 errors.\n") {
		t.Errorf("output lacks the summary:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour without a terminal:\n%q", out)
	}
}

func TestTextErrorsWithSource(t *testing.T) {
	code, out, _ := run(t, "testdata/parseerror")
	if code != ExitFailed {
		t.Errorf("exit code %d, want %d", code, ExitFailed)
	}
	for _, want := range []string{"Error: Missing newline after argument", "on testdata/parseerror/main.tf line 3", "cpu    = 256 256", "No issues found."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFailOn(t *testing.T) {
	dir := t.TempDir()
	// static_host_port_in_dynamic_range is a warning.
	writeFile(t, filepath.Join(dir, "main.tf"), `resource "aws_ecs_task_definition" "w" {
  family       = "w"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name = "w", image = "busybox", memory = 128,
    portMappings = [{ containerPort = 80, hostPort = 40000 }]
  }])
}
`)
	code, out, _ := run(t, "--no-color", dir)
	if code != ExitOK || !strings.Contains(out, "warning:") || !strings.Contains(out, "static_host_port_in_dynamic_range") {
		t.Errorf("default --fail-on error: exit %d, want 0 with the warning shown:\n%s", code, out)
	}
	if code, _, _ := run(t, "--fail-on", "warning", dir); code != ExitFindings {
		t.Errorf("--fail-on warning: exit %d, want %d", code, ExitFindings)
	}
	if code, _, _ := run(t, "--fail-on", "warning", "--dynamic-port-range", "49153-65535", dir); code != ExitOK {
		t.Errorf("--dynamic-port-range 49153-65535: exit %d, want 0 (40000 is outside it)", code)
	}
}

func TestVarFlags(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `variable "memory" { type = number }
resource "aws_ecs_task_definition" "a" {
  family = "a"
  requires_compatibilities = ["FARGATE"]
  network_mode = "awsvpc"
  cpu = 256
  memory = var.memory
  container_definitions = jsonencode([{ name = "a", image = "busybox" }])
}
`)
	if code, out, _ := run(t, dir); code != ExitOK {
		t.Errorf("memory unknown: exit %d, want 0:\n%s", code, out)
	}
	if code, out, _ := run(t, "--var", "memory=4096", dir); code != ExitFindings || !strings.Contains(out, "fargate_cpu_memory") {
		t.Errorf("--var memory=4096: exit %d, want 1 with fargate_cpu_memory:\n%s", code, out)
	}
	writeFile(t, filepath.Join(dir, "big.tfvars"), "memory = 8192\n")
	if code, out, _ := run(t, dir, "--var-file", filepath.Join(dir, "big.tfvars")); code != ExitFindings {
		t.Errorf("--var-file after the path: exit %d, want 1:\n%s", code, out)
	}
}

func TestBadInvocations(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "xml", "."},
		{"--fail-on", "fatal", "."},
		{"--dynamic-port-range", "65535-1", "."},
		{"--no-such-flag"},
		{"testdata/does-not-exist"},
		{"rules", "extra"},
	} {
		code, _, stderr := run(t, args...)
		if code != ExitFailed {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, ExitFailed, stderr)
		}
	}
}

func TestRulesAndVersion(t *testing.T) {
	code, out, _ := run(t, "rules")
	if code != ExitOK || !strings.Contains(out, "fargate_cpu_memory") || !strings.Contains(out, "host_port_mismatch") {
		t.Errorf("rules: exit %d:\n%s", code, out)
	}
	code, out, _ = run(t, "version")
	if code != ExitOK || !strings.HasPrefix(out, "ecslint ") {
		t.Errorf("version: exit %d: %q", code, out)
	}
}

func TestRecursive(t *testing.T) {
	root := t.TempDir()
	bad := `resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([{ name = "t", image = "busybox", memory = 64, essential = false }])
}
`
	writeFile(t, filepath.Join(root, "a", "main.tf"), bad)
	writeFile(t, filepath.Join(root, "b", "c", "main.tf.json"), `{"resource": {"aws_ecs_task_definition": {"t": {"family": "t",
  "container_definitions": "[{\"name\": \"t\", \"image\": \"busybox\", \"memory\": 64, \"essential\": false}]"}}}}`)
	writeFile(t, filepath.Join(root, ".terraform", "modules", "x", "main.tf"), bad)
	writeFile(t, filepath.Join(root, ".hidden", "main.tf"), bad)
	// A symbolic link loop must not hang the walk.
	if err := os.Symlink(root, filepath.Join(root, "a", "loop")); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "--recursive", "--format", "json", root)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d:\n%s", code, ExitFindings, out)
	}
	if n := strings.Count(out, `"essential_container"`); n != 2 {
		t.Errorf("%d essential_container findings, want 2 (a and b/c, not the hidden ones):\n%s", n, out)
	}
	if strings.Contains(out, ".terraform") || strings.Contains(out, ".hidden") {
		t.Errorf("hidden directories were linted:\n%s", out)
	}
}

// TestPlanJSONByContent: a plan is recognised by its content whatever its
// name; an unreadable plan is an error of the run.
func TestPlanJSONByContent(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/plan/tfplan.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"tfplan", "plan.tf.json"} {
		p := filepath.Join(dir, name)
		writeFile(t, p, string(src))
		code, out, _ := run(t, "--format", "compact", p)
		if code != ExitFindings || !strings.Contains(out, "aws_ecs_task_definition.web: error - cpu 256") {
			t.Errorf("%s: exit %d:\n%s", name, code, out)
		}
	}
	p := filepath.Join(dir, "future.json")
	writeFile(t, p, `{"format_version": "99.0", "planned_values": {}}`)
	code, out, _ := run(t, "--format", "json", p)
	if code != ExitFailed || !strings.Contains(out, "Cannot read plan JSON") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSiblingVarFiles: a root module directory that holds a variable file Terraform reads only with -var-file
// (here fixtures.eu-west-1.tfvars) is run with one: the variables such a file sets are the run's choice and
// read as unknown, so their defaults give no finding; a variable no such file sets keeps its default. With
// --var-file (or --var), exactly what is passed is used.
func TestSiblingVarFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `provider "aws" {
  region = "eu-west-1"
}

variable "namespace" {
  type    = string
  default = null
}
variable "name" {
  type    = string
  default = null
}
variable "task_memory" {
  type    = number
  default = 512
}

locals {
  id = join("-", compact([var.namespace, var.name]))
}

resource "aws_ecs_task_definition" "app" {
  family                   = local.id
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = var.task_memory
  container_definitions    = jsonencode([{ name = "app", image = "nginx", essential = true }])
}
`)
	lint := func(args ...string) (int, string) {
		t.Helper()
		code, out, stderr := run(t, append(append([]string{"--no-color"}, args...), dir)...)
		if stderr != "" {
			t.Errorf("stderr: %s", stderr)
		}
		return code, out
	}

	// No variable file: the root module's defaults are values, and null names give the family "".
	if code, out := lint(); code != ExitFindings || !strings.Contains(out, "name_format") {
		t.Errorf("no variable file: exit %d, want %d with name_format:\n%s", code, ExitFindings, out)
	}

	// A variable file for -var-file sets the names: they are the run's choice, silent.
	writeFile(t, filepath.Join(dir, "fixtures.eu-west-1.tfvars"), "namespace = \"eg\"\nname      = \"app\"\n")
	if code, out := lint(); code != ExitOK || strings.Contains(out, "name_format") {
		t.Errorf("with fixtures.eu-west-1.tfvars beside: exit %d, want %d without name_format:\n%s", code, ExitOK, out)
	}
	// The same in JSON, and over a value terraform.tfvars gives (a -var-file overrides terraform.tfvars).
	if err := os.Remove(filepath.Join(dir, "fixtures.eu-west-1.tfvars")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "terraform.tfvars"), "name = \"\"\n")
	writeFile(t, filepath.Join(dir, "prod.tfvars.json"), `{"namespace": "eg", "name": "app"}`)
	if code, out := lint(); code != ExitOK {
		t.Errorf("with prod.tfvars.json beside and terraform.tfvars: exit %d, want %d:\n%s", code, ExitOK, out)
	}

	// A variable no such file sets keeps its value (here from an auto-loaded file): 100 MiB is no Fargate size.
	writeFile(t, filepath.Join(dir, "memory.auto.tfvars"), "task_memory = 100\n")
	if code, out := lint(); code != ExitFindings || !strings.Contains(out, "fargate_cpu_memory") || strings.Contains(out, "name_format") {
		t.Errorf("task_memory from memory.auto.tfvars, not set by prod.tfvars.json: exit %d, want %d with fargate_cpu_memory only:\n%s", code, ExitFindings, out)
	}
	if err := os.Remove(filepath.Join(dir, "memory.auto.tfvars")); err != nil {
		t.Fatal(err)
	}

	// --var-file names a file with a bad value: exactly that file is used, and its value gives the finding.
	bad := filepath.Join(t.TempDir(), "bad.tfvars")
	writeFile(t, bad, "namespace = \"eg\"\nname      = \"app!\"\n")
	if code, out := lint("--var-file", bad); code != ExitFindings || !strings.Contains(out, "name_format") || !strings.Contains(out, "eg-app!") {
		t.Errorf("--var-file bad.tfvars: exit %d, want %d with name_format on eg-app!:\n%s", code, ExitFindings, out)
	}
	good := filepath.Join(dir, "prod.tfvars.json")
	if code, out := lint("--var-file", good); code != ExitOK {
		t.Errorf("--var-file prod.tfvars.json: exit %d, want %d:\n%s", code, ExitOK, out)
	}
	// So does var_files in .ecslint.hcl (relative to it), the same as --var-file.
	writeFile(t, filepath.Join(dir, "bad.tfvars"), "namespace = \"eg\"\nname      = \"app!\"\n")
	writeFile(t, filepath.Join(dir, ".ecslint.hcl"), "config {\n  var_files = [\"bad.tfvars\"]\n}\n")
	if code, out := lint(); code != ExitFindings || !strings.Contains(out, "eg-app!") {
		t.Errorf("var_files = [bad.tfvars] in .ecslint.hcl: exit %d, want %d with name_format on eg-app!:\n%s", code, ExitFindings, out)
	}
	for _, name := range []string{"bad.tfvars", ".ecslint.hcl"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	// --var alone describes the run too: the variables it does not set keep their defaults and tfvars values,
	// so the null namespace and terraform.tfvars' empty name give the family "".
	if code, out := lint("--var", "task_memory=512"); code != ExitFindings || !strings.Contains(out, "name_format") {
		t.Errorf("--var task_memory=512: exit %d, want %d with name_format (name from terraform.tfvars, namespace default null):\n%s", code, ExitFindings, out)
	}
}
