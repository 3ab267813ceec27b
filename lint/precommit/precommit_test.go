package precommit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const brokenTask = `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  container_definitions = jsonencode([{
    name  = "api"
    image = "public.ecr.aws/docker/library/httpd:2.4"
  }])
}
`

const cleanTask = `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "api"
    image = "public.ecr.aws/docker/library/httpd:2.4"
  }])
}
`

func run(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestHookBlocksBrokenCommit installs the hook from this repository's
// .pre-commit-hooks.yaml (at its HEAD commit) into a new git repository and
// commits a broken and then a fixed task definition.
func TestHookBlocksBrokenCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ecslint through pre-commit; skipped with -short")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed; .ci/run installs the Debian package pre-commit")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOTOOLCHAIN=local",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
	// Share the module cache: pre-commit builds the hook with its own GOPATH.
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		env = append(env, "GOMODCACHE="+strings.TrimSpace(string(out)))
	}
	sha, err := run(t, root, env, "git", "rev-parse", "HEAD")
	if err != nil {
		t.Fatalf("git rev-parse: %v %s", err, sha)
	}
	sha = strings.TrimSpace(sha)
	if out, err := run(t, root, env, "git", "cat-file", "-e", sha+":.pre-commit-hooks.yaml"); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml is not committed at HEAD: %s", out)
	}

	repo := t.TempDir()
	must := func(name string, args ...string) string {
		t.Helper()
		out, err := run(t, repo, env, name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return out
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("git", "init", "-q", "-b", "main")
	write(".pre-commit-config.yaml", "repos:\n  - repo: "+root+"\n    rev: "+sha+"\n    hooks:\n      - id: ecslint\n")
	must("git", "add", ".pre-commit-config.yaml")
	must("git", "commit", "-q", "-m", "pre-commit config")
	must("pre-commit", "install")

	// Two changed files in one module and one in another: each module is
	// linted once, so each broken task is reported once.
	write("services/api/main.tf", brokenTask)
	write("services/api/outputs.tf", "output \"family\" {\n  value = aws_ecs_task_definition.api.family\n}\n")
	write("services/worker/main.tf", strings.ReplaceAll(brokenTask, "api", "worker"))
	must("git", "add", "services")
	out, err := run(t, repo, env, "git", "commit", "-m", "add api task")
	if err == nil {
		t.Fatalf("the commit of a broken task definition went through:\n%s", out)
	}
	for _, want := range []string{"ecslint", "fargate_cpu_memory", "services/api/main.tf:6:30", "services/worker/main.tf:6:30"} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "(fargate_cpu_memory)"); n != 2 {
		t.Errorf("%d fargate_cpu_memory findings, want 2 (one per module):\n%s", n, out)
	}
	if log := must("git", "log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("the broken commit was recorded:\n%s", log)
	}

	write("services/api/main.tf", cleanTask)
	write("services/worker/main.tf", strings.ReplaceAll(cleanTask, "api", "worker"))
	must("git", "add", "services")
	out = must("git", "commit", "-m", "add api task")
	if !strings.Contains(out, "ecslint") || !strings.Contains(out, "Passed") {
		t.Errorf("the hook did not run and pass on the clean commit:\n%s", out)
	}
}
