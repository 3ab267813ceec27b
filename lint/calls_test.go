package lint

import (
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
	if code != ExitFailed || !contains(stderr, `"remote" is not a module call type; use all`) {
		t.Errorf("--call-module-type remote: exit %d, stderr %q; want 2 and what to write", code, stderr)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
