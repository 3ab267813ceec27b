package module_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// Task definitions of a module: one sized by variables whose defaults are no Fargate size, one with the same
// wrong size written as literals.
const sizedTasks = `
variable "cpu" {
  type    = number
  default = 100
}
variable "memory" {
  type    = number
  default = 512
}
resource "aws_ecs_task_definition" "from_vars" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  container_definitions    = jsonencode([{ name = "app", image = "nginx", essential = true }])
}
`

const literalTask = `
resource "aws_ecs_task_definition" "literal" {
  family                   = "lit"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 100
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx", essential = true }])
}
`

// ecslint runs ecslint on dir and returns the addresses of its fargate_cpu_memory findings.
func ecslint(t *testing.T, dir string, args ...string) map[string]bool {
	t.Helper()
	found := map[string]bool{}
	for addr := range ecslintIssues(t, dir, args...) {
		found[addr] = true
	}
	return found
}

type issue struct {
	Rule    struct{ Name string } `json:"rule"`
	Address string                `json:"address"`
	Message string                `json:"message"`
	Range   struct {
		Filename string `json:"filename"`
	} `json:"range"`
}

// ecslintIssues runs ecslint on dir and returns its fargate_cpu_memory findings by address.
func ecslintIssues(t *testing.T, dir string, args ...string) map[string]issue {
	t.Helper()
	var stdout, stderr bytes.Buffer
	lint.Run(append(append([]string{"--format", "json"}, args...), dir), &stdout, &stderr)
	var out struct {
		Issues []issue `json:"issues"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("ecslint output %q: %v (stderr %s)", stdout.String(), err, stderr.String())
	}
	found := map[string]issue{}
	for _, is := range out.Issues {
		if is.Rule.Name == "fargate_cpu_memory" {
			found[is.Address] = is
		}
	}
	return found
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReusableModuleFindings: in a reusable module (no provider, backend or cloud) a wrong size written as a
// literal is found and one that comes from variable defaults is not (the callers choose the values); in a
// root module (a provider block) the same defaults are the values applied, and give the finding.
func TestReusableModuleFindings(t *testing.T) {
	reusable := t.TempDir()
	writeFiles(t, reusable, map[string]string{"main.tf": sizedTasks, "literal.tf": literalTask})
	got := ecslint(t, reusable)
	if !got["aws_ecs_task_definition.literal"] {
		t.Errorf("reusable module: the literal wrong size is not found: %v", got)
	}
	if got["aws_ecs_task_definition.from_vars"] {
		t.Errorf("reusable module: a finding from variable defaults, which its callers may replace: %v", got)
	}
	// The run's own values are values, in a reusable module too.
	if got := ecslint(t, reusable, "--var", "cpu=100", "--var", "memory=512"); !got["aws_ecs_task_definition.from_vars"] {
		t.Errorf("reusable module with -var cpu=100 -var memory=512: no finding: %v", got)
	}

	root := t.TempDir()
	writeFiles(t, root, map[string]string{"main.tf": sizedTasks, "literal.tf": literalTask,
		"providers.tf": "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n"})
	got = ecslint(t, root)
	if !got["aws_ecs_task_definition.from_vars"] || !got["aws_ecs_task_definition.literal"] {
		t.Errorf("root module: want findings on both task definitions, got %v", got)
	}
	// A root module whose values are right gives none.
	writeFiles(t, root, map[string]string{"terraform.tfvars": "cpu = 256\n", "literal.tf": ""})
	if got := ecslint(t, root); len(got) != 0 {
		t.Errorf("root module with cpu = 256: findings %v", got)
	}
}

// TestTerraformInitThenECSLint: terraform get (or tofu get) installs a module from a local git repository;
// ecslint then reads it with the caller's inputs and finds the wrong Fargate size the call gives it.
func TestTerraformInitThenECSLint(t *testing.T) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			if tf, err = exec.LookPath("tofu"); err != nil {
				t.Skip("no terraform or tofu binary (set TF_ACC_TERRAFORM_PATH, or eval \"$(scripts/find-terraform.sh)\")")
			}
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed; it serves the module that terraform get installs")
	}
	run := func(dir, name string, args ...string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
	}
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{"main.tf": sizedTasks})
	run(repo, "git", "init", "-q")
	run(repo, "git", "add", "-A")
	run(repo, "git", "-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-q", "-m", "module")

	root := t.TempDir()
	writeFiles(t, root, map[string]string{"main.tf": `
module "td" {
  source = "git::file://` + filepath.ToSlash(repo) + `"
  cpu    = 100
  memory = 512
}
module "good" {
  source = "git::file://` + filepath.ToSlash(repo) + `"
  cpu    = 256
  memory = 512
}
`})
	before := ecslintIssues(t, root)
	if len(before) != 0 {
		t.Errorf("findings before the module is installed: %v", before)
	}
	run(root, tf, "get")
	got := ecslintIssues(t, root)
	is, ok := got["module.td.aws_ecs_task_definition.from_vars"]
	if !ok || len(got) != 1 {
		t.Fatalf("want one fargate_cpu_memory finding in module.td, got %v", got)
	}
	t.Logf("finding at %s: %s", is.Range.Filename, is.Message)
}
