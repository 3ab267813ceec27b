package lint

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCallModuleType: --call-module-type and call_module_type in
// .ecslint.hcl say which module calls are followed; the flag wins over the
// file. A local module given a Fargate size Fargate does not offer is
// checked through the call with all and local, not with none.
func TestCallModuleType(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `module "task" {
  source = "./modules/task"
  cpu    = 1024
  memory = 512
}
`)
	writeFile(t, filepath.Join(dir, "modules", "task", "main.tf"), `variable "cpu" { type = number }
variable "memory" { type = number }
resource "aws_ecs_task_definition" "this" {
  family                   = "t"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  container_definitions    = jsonencode([{ name = "a", image = "a", essential = true }])
}
`)
	count := func(args ...string) int {
		t.Helper()
		_, rep := runJSON(t, append(args, dir)...)
		for _, e := range rep.Errors {
			t.Errorf("%v: error: %s", args, e.Message)
		}
		n := 0
		for _, is := range rep.Issues {
			if is.Rule.Name == "fargate_cpu_memory" {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		args []string
		want int
	}{{nil, 1}, {[]string{"--call-module-type", "all"}, 1}, {[]string{"--call-module-type", "local"}, 1}, {[]string{"--call-module-type", "none"}, 0}} {
		if got := count(c.args...); got != c.want {
			t.Errorf("%v: %d fargate_cpu_memory findings, want %d", c.args, got, c.want)
		}
	}
	writeFile(t, filepath.Join(dir, ".ecslint.hcl"), "config {\n  call_module_type = \"none\"\n}\n")
	if got := count(); got != 0 {
		t.Errorf("call_module_type = \"none\" in .ecslint.hcl: %d findings, want 0", got)
	}
	if got := count("--call-module-type", "local"); got != 1 {
		t.Errorf("--call-module-type local over call_module_type = \"none\": %d findings, want 1", got)
	}
	if err := os.Remove(filepath.Join(dir, ".ecslint.hcl")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "--call-module-type", "remote", dir)
	if code != ExitFailed || !strings.Contains(stderr, `"remote" is not a module call type; use all`) {
		t.Errorf("--call-module-type remote: exit %d, stderr %q; want 2 and what to write", code, stderr)
	}
}

const installedTask = `variable "cpu" { type = number }
variable "memory" { type = number }
resource "aws_ecs_task_definition" "this" {
  family                   = "t"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  container_definitions = jsonencode([{
    name = "a", image = "a", essential = true
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}
`

// writeInstalled writes a root module that calls a registry module which
// terraform init installed (a hand-made manifest, as terraform init writes
// it) with a Fargate cpu that does not fit the module's memory.
func writeInstalled(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "main.tf"), `provider "aws" {}

module "task" {
  source  = "example/task/aws"
  version = "1.0.0"
  cpu     = 1024
  memory  = 512
}
`)
	writeFile(t, filepath.Join(dir, ".terraform", "modules", "task", "main.tf"), installedTask)
	writeFile(t, filepath.Join(dir, ".terraform", "modules", "modules.json"), `{"Modules":[{"Key":"","Source":"","Dir":"."},
{"Key":"task","Source":"registry.terraform.io/example/task/aws","Version":"1.0.0","Dir":".terraform/modules/task"}]}`)
}

type callersReport struct {
	Issues []struct {
		Rule    struct{ Name string } `json:"rule"`
		Message string                `json:"message"`
		Range   jsonRange             `json:"range"`
		Callers []jsonRange           `json:"callers"`
		Address string                `json:"address"`
	} `json:"issues"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

type jsonRange struct {
	Filename string `json:"filename"`
	Start    struct{ Line, Column int }
	End      struct{ Line, Column int }
}

func runCallers(t *testing.T, args ...string) callersReport {
	t.Helper()
	_, out, stderr := run(t, append([]string{"--format", "json"}, args...)...)
	var rep callersReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s%s", err, out, stderr)
	}
	for _, e := range rep.Errors {
		t.Errorf("error: %s", e.Message)
	}
	return rep
}

// TestFindingsInInstalledModule: a finding inside a module terraform init
// installed is placed at the call in the user's code: on the argument that
// carried the value (memory = 512, which does not fit cpu 1024) when the attribute reads an input variable,
// else on the module block; the message names the module, its source and
// version, the resource and the place inside the module; callers list the
// call, then that place. The text format shows the chain.
func TestFindingsInInstalledModule(t *testing.T) {
	dir := t.TempDir()
	writeInstalled(t, dir)
	main := filepath.Join(dir, "main.tf")
	inner := filepath.Join(dir, ".terraform", "modules", "task", "main.tf")
	rep := runCallers(t, dir)
	byRule := map[string]int{}
	for i, is := range rep.Issues {
		byRule[is.Rule.Name] = i
	}
	cpu, ok := byRule["fargate_cpu_memory"]
	if !ok {
		t.Fatalf("no fargate_cpu_memory finding: %+v", rep.Issues)
	}
	is := rep.Issues[cpu]
	if !samePath(is.Range.Filename, main) || is.Range.Start.Line != 7 || is.Range.Start.Column != 13 {
		t.Errorf("fargate_cpu_memory at %+v, want %s:7:13 (the memory argument of the call)", is.Range, main)
	}
	for _, want := range []string{`In module.task (the module "example/task/aws" 1.0.0, installed by terraform init), aws_ecs_task_definition.this at `, "main.tf:8:"} {
		if !strings.Contains(is.Message, want) {
			t.Errorf("message lacks %q: %s", want, is.Message)
		}
	}
	if len(is.Callers) != 2 || is.Callers[0] != is.Range || !samePath(is.Callers[1].Filename, inner) || is.Callers[1].Start.Line != 8 {
		t.Errorf("callers %+v, want the memory argument, then the memory attribute inside the module", is.Callers)
	}
	// hostPort 8080 is a literal of the module: no argument carried it, so the finding is on the module block.
	port, ok := byRule["host_port_mismatch"]
	if !ok {
		t.Fatalf("no finding about hostPort 8080: %+v", rep.Issues)
	}
	if r := rep.Issues[port].Range; r.Start.Line != 3 || r.Start.Column != 1 || !strings.HasSuffix(r.Filename, "main.tf") || strings.Contains(r.Filename, ".terraform") {
		t.Errorf("the literal's finding at %+v, want the module block header (main.tf:3:1)", r)
	}
	// The text format names the chain.
	_, text, _ := run(t, "--no-color", dir)
	for _, want := range []string{"through the call of module.task (", "inside the module: module.task.aws_ecs_task_definition.this ("} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	// --call-module-type local does not follow the installed call.
	if rep := runCallers(t, "--call-module-type", "local", dir); len(rep.Issues) != 0 {
		t.Errorf("--call-module-type local: %d findings, want none: %+v", len(rep.Issues), rep.Issues)
	}
}

// TestFindingsInLocalModule: a local module is the user's code: its
// findings stay in its file, with the call that gave the value as callers.
func TestFindingsInLocalModule(t *testing.T) {
	rep := runCallers(t, filepath.Join("testdata", "module"))
	if len(rep.Issues) != 1 {
		t.Fatalf("%d findings, want 1: %+v", len(rep.Issues), rep.Issues)
	}
	is := rep.Issues[0]
	if is.Range.Filename != filepath.Join("testdata", "module", "modules", "task", "main.tf") {
		t.Errorf("finding in %s, want the module's file", is.Range.Filename)
	}
	if len(is.Callers) != 1 || is.Callers[0].Filename != filepath.Join("testdata", "module", "main.tf") || is.Callers[0].Start.Line != 14 || is.Callers[0].Start.Column != 12 {
		t.Errorf("callers %+v, want the memory argument of module.broken (testdata/module/main.tf:14:12), where the finding is in the module", is.Callers)
	}
}

// samePath reports whether a file name of a report (relative to the working directory, which may climb out of it
// with "..", or absolute) names the file at the absolute path want.
func samePath(got, want string) bool {
	abs, err := filepath.Abs(got)
	return err == nil && abs == want
}
