package lint

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

type jsonReport struct {
	Issues []struct {
		Rule struct {
			Name     string `json:"name"`
			Severity string `json:"severity"`
		} `json:"rule"`
		Message string `json:"message"`
		Range   struct {
			Filename string `json:"filename"`
			Start    struct{ Line, Column int }
			End      struct{ Line, Column int }
		} `json:"range"`
		Address string `json:"address"`
	} `json:"issues"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func runJSON(t *testing.T, args ...string) (int, jsonReport) {
	t.Helper()
	code, out, stderr := run(t, append([]string{"--format", "json"}, args...)...)
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s%s", err, out, stderr)
	}
	return code, rep
}

// TestTaskJSONPositions: every finding in a task-definition JSON file (a
// RegisterTaskDefinition input, a describe-task-definition output, a bare
// containerDefinitions array) is placed on a line and column of that file.
func TestTaskJSONPositions(t *testing.T) {
	for _, name := range []string{"register.json", "describe.json", "containers.json"} {
		path := filepath.Join("testdata", "taskjson", name)
		code, rep := runJSON(t, path)
		if code != ExitFindings || len(rep.Issues) == 0 {
			t.Errorf("%s: exit %d with %d findings, want findings", name, code, len(rep.Issues))
		}
		for _, is := range rep.Issues {
			r := is.Range
			if r.Filename != path || r.Start.Line < 1 || r.Start.Column < 1 || r.End.Line < r.Start.Line {
				t.Errorf("%s: %s finding without a position in the file: %+v", name, is.Rule.Name, r)
			}
		}
	}
}

// TestChangedFiles is the pre-commit call: changed files as PATHs; each
// module directory is loaded once, however many of its files changed.
func TestChangedFiles(t *testing.T) {
	dir := t.TempDir()
	broken := `resource "aws_ecs_task_definition" "%s" {
  family                   = "%s"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  container_definitions    = jsonencode([{ name = "x", image = "busybox" }])
}
`
	a1, a2, b := filepath.Join(dir, "a", "one.tf"), filepath.Join(dir, "a", "two.tf"), filepath.Join(dir, "b", "c", "main.tf")
	writeFile(t, a1, strings.ReplaceAll(broken, "%s", "one"))
	writeFile(t, a2, strings.ReplaceAll(broken, "%s", "two"))
	writeFile(t, b, strings.ReplaceAll(broken, "%s", "three"))
	opts, err := parseFlags([]string{a1, a2, b}, &strings.Builder{})
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner(opts)
	for _, p := range opts.paths {
		r.lintPath(p)
	}
	if len(r.modules) != 2 {
		t.Errorf("%d module loads for 3 files in 2 directories, want 2", len(r.modules))
	}
	rep := r.report()
	if len(rep.Findings) != 3 {
		t.Errorf("%d findings, want one per task definition (3): %+v", len(rep.Findings), rep.Findings)
	}
}

// TestConfigFlag: --config names the file; flags win over it; a missing
// file is an error of the run.
func TestConfigFlag(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `resource "aws_ecs_task_definition" "w" {
  family       = "w"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name = "w", image = "busybox", memory = 128,
    portMappings = [{ containerPort = 80, hostPort = 40000 }]
  }])
}
`)
	cfg := filepath.Join(t.TempDir(), "strict.hcl")
	writeFile(t, cfg, "rule \"static_host_port_in_dynamic_range\" {\n  severity = \"error\"\n}\n")
	if code, rep := runJSON(t, "--config", cfg, dir); code != ExitFindings || len(rep.Issues) != 1 || rep.Issues[0].Rule.Severity != "error" {
		t.Errorf("severity override: exit %d, %+v", code, rep.Issues)
	}
	if code, rep := runJSON(t, "--config", cfg, "--dynamic-port-range", "49153-65535", dir); code != ExitOK || len(rep.Issues) != 0 {
		t.Errorf("--dynamic-port-range over the file: exit %d, %+v", code, rep.Issues)
	}
	code, rep := runJSON(t, "--config", filepath.Join(dir, "missing.hcl"), dir)
	if code != ExitFailed || len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, "missing.hcl") {
		t.Errorf("missing --config file: exit %d, %+v", code, rep.Errors)
	}
}

// TestRulesListsIgnoreComment: ignore_comment is in the catalogue, and
// configuration may name it.
func TestRulesListsIgnoreComment(t *testing.T) {
	_, out, _ := run(t, "rules")
	if !strings.Contains(out, "ignore_comment  ") || !strings.Contains(out, "ignore") {
		t.Errorf("ecslint rules lacks ignore_comment:\n%s", out)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), "# ecslint-ignore: no_such_rule\n")
	if code, rep := runJSON(t, dir); code != ExitOK || len(rep.Issues) != 1 || rep.Issues[0].Rule.Name != "ignore_comment" {
		t.Errorf("exit %d, %+v", code, rep.Issues)
	}
	writeFile(t, filepath.Join(dir, ".ecslint.hcl"), "rule \"ignore_comment\" {\n  enabled = false\n}\n")
	if code, rep := runJSON(t, dir); code != ExitOK || len(rep.Issues) != 0 {
		t.Errorf("ignore_comment turned off: exit %d, %+v", code, rep.Issues)
	}
}

// TestIgnoreInSharedModule: ignore comments are applied module by module
// under --recursive, yet a comment in a module called from several roots is
// judged over the whole run: it suppresses the finding wherever the module
// is reached, and one that suppresses nothing is reported once.
func TestIgnoreInSharedModule(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "modules", "td", "main.tf"), `resource "aws_ecs_task_definition" "this" {
  family                   = "x"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  # ecslint-ignore: fargate_cpu_memory sized on purpose
  memory                   = "4096"
  # ecslint-ignore: host_port_zero nothing to suppress here
  container_definitions    = jsonencode([{ name = "x", image = "busybox", essential = true }])
}
`)
	for _, root := range []string{"a", "b"} {
		writeFile(t, filepath.Join(dir, root, "main.tf"), "module \"td\" {\n  source = \"../modules/td\"\n}\n")
	}
	code, rep := runJSON(t, "--recursive", dir)
	if len(rep.Issues) != 1 || rep.Issues[0].Rule.Name != "ignore_comment" || !strings.Contains(rep.Issues[0].Message, "host_port_zero") {
		t.Errorf("exit %d, issues %+v; want only the unused host_port_zero comment, once", code, rep.Issues)
	}
}

// TestTextSnippets: the text format shows the source line of every finding,
// also of findings from plan JSON placed on a module whose files were
// dropped from memory after it was linted.
func TestTextSnippets(t *testing.T) {
	dir := filepath.Join("testdata", "plan-config")
	_, out, _ := run(t, "--format", "text", filepath.Join(dir, "tfplan.json"), dir)
	lines := strings.Split(out, "\n")
	findings := 0
	for i, l := range lines {
		if !strings.Contains(l, ": error: ") {
			continue
		}
		findings++
		if i+1 >= len(lines) || !strings.Contains(lines[i+1], " | ") {
			t.Errorf("no source line after %q", l)
		}
	}
	if findings < 3 {
		t.Errorf("%d findings, want at least 3 (from the plan and from the configuration):\n%s", findings, out)
	}
}
