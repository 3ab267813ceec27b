package ghaction

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint"
	"github.com/ecskit/terraform-provider-ecskit/lint/format"
)

// action is the metadata of a composite action, as GitHub documents it;
// KnownFields makes a misspelt key an error.
type action struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Author      string            `yaml:"author"`
	Branding    map[string]string `yaml:"branding"`
	Inputs      map[string]struct {
		Description string  `yaml:"description"`
		Default     *string `yaml:"default"`
		Required    bool    `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type step struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
}

func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func load(t *testing.T) (*action, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var a action
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a, string(src)
}

var (
	inputRef  = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	stepRef   = regexp.MustCompile(`\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
	expr      = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	outputSet = regexp.MustCompile(`(?m)echo "([A-Za-z0-9_-]+)=`)
	flagRef   = regexp.MustCompile(`(?:^|[\s'"(])--([a-z][a-z0-9-]*)`)
)

// TestActionStructure checks what GitHub requires of a composite action
// and what would break at run time without an error here: an input or a
// step output used but not defined, an input defined but unused, a script
// that interpolates an expression (script injection), a with: key the used
// action does not have.
func TestActionStructure(t *testing.T) {
	a, src := load(t)
	if a.Name == "" || a.Description == "" || a.Runs.Using != "composite" || len(a.Runs.Steps) == 0 {
		t.Fatalf("name %q, description %q, runs.using %q, %d steps: a composite action needs all of them", a.Name, a.Description, a.Runs.Using, len(a.Runs.Steps))
	}
	for name, in := range a.Inputs {
		if in.Description == "" || in.Default == nil {
			t.Errorf("input %s needs a description and a default", name)
		}
	}
	for name, out := range a.Outputs {
		if out.Description == "" || out.Value == "" {
			t.Errorf("output %s needs a description and a value (composite actions map outputs from steps)", name)
		}
	}

	// Every input used exists, and every input is used.
	used := map[string]bool{}
	for _, m := range inputRef.FindAllStringSubmatch(src, -1) {
		used[m[1]] = true
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("inputs.%s is used but not defined", m[1])
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is defined but never used", name)
		}
	}

	// Step outputs: the step exists before the reference and writes the output.
	writes := map[string][]string{}
	var ids []string
	check := func(where, text string) {
		for _, m := range stepRef.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(ids, m[1]) {
				t.Errorf("%s refers to step %q, which is not an earlier step", where, m[1])
			} else if !slices.Contains(writes[m[1]], m[2]) {
				t.Errorf("%s refers to output %q of step %q, which does not write it (it writes %v)", where, m[2], m[1], writes[m[1]])
			}
		}
	}
	allowed := loadActionInputs(t)
	for i, s := range a.Runs.Steps {
		where := fmt.Sprintf("step %d (%s)", i+1, s.Name)
		if s.Name == "" {
			t.Errorf("%s has no name", where)
		}
		switch {
		case s.Run != "" && s.Uses != "":
			t.Errorf("%s has both run and uses", where)
		case s.Run != "":
			if s.Shell == "" {
				t.Errorf("%s: a run step of a composite action needs shell", where)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("%s interpolates an expression into its script; pass it through env, so that an input cannot inject shell", where)
			}
			if s.If != "" {
				t.Errorf("%s has an if:; TestActionSteps runs every run step, so it cannot evaluate one", where)
			}
		case s.Uses != "":
			keys, ok := allowed[s.Uses]
			if !ok {
				t.Errorf("%s uses %s, whose inputs testdata/actions.json does not list", where, s.Uses)
			}
			for k := range s.With {
				if !slices.Contains(keys, k) {
					t.Errorf("%s passes %s to %s, which has no such input", where, k, s.Uses)
				}
			}
		default:
			t.Errorf("%s has neither run nor uses", where)
		}
		for k, v := range s.Env {
			check(where+" env "+k, v)
		}
		for k, v := range s.With {
			check(where+" with "+k, v)
		}
		check(where+" if", s.If)
		if s.ID != "" {
			ids = append(ids, s.ID)
			for _, m := range outputSet.FindAllStringSubmatch(s.Run, -1) {
				writes[s.ID] = append(writes[s.ID], m[1])
			}
		}
	}
	for name, out := range a.Outputs {
		check("output "+name, out.Value)
	}

	// The upload runs even when ecslint failed the step before, and only then.
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			if !strings.Contains(s.If, "always()") || !strings.Contains(s.If, "inputs.upload-sarif == 'true'") {
				t.Errorf("upload step if: %q; it must run always() and only with upload-sarif 'true'", s.If)
			}
			if !strings.Contains(s.With["sarif_file"], "steps.ecslint.outputs.sarif-file") {
				t.Errorf("upload step uploads %q, not the SARIF file the ecslint step wrote", s.With["sarif_file"])
			}
		}
	}
}

func loadActionInputs(t *testing.T) map[string][]string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "actions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(src, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for k, v := range raw {
		if strings.HasPrefix(k, "_") {
			continue
		}
		var names []string
		if err := json.Unmarshal(v, &names); err != nil {
			t.Fatal(err)
		}
		out[k] = names
	}
	return out
}

// TestActionFlags checks every --flag action.yml names (in its scripts and
// in its input descriptions) against ecslint's own flag set, and the
// defaults of format and fail-on against the formats and severities.
func TestActionFlags(t *testing.T) {
	a, src := load(t)
	var stdout, stderr bytes.Buffer
	lint.Run([]string{"-h"}, &stdout, &stderr)
	usage := stderr.String()
	n := 0
	for _, m := range flagRef.FindAllStringSubmatch(src, -1) {
		n++
		if !strings.Contains(usage, "\n  -"+m[1]+" ") && !strings.Contains(usage, "\n  -"+m[1]+"\n") {
			t.Errorf("action.yml names --%s, which ecslint does not have:\n%s", m[1], usage)
		}
	}
	if n < 5 {
		t.Errorf("only %d flags found in action.yml; the pattern misses them", n)
	}
	if d := *a.Inputs["format"].Default; !slices.Contains(format.Names(), d) {
		t.Errorf("format defaults to %q, not one of %v", d, format.Names())
	}
	if _, err := rules.ParseSeverity(*a.Inputs["fail-on"].Default); err != nil {
		t.Errorf("fail-on default: %v", err)
	}
	if !strings.Contains(a.Inputs["format"].Description, "'none'") || !strings.Contains(src, `"$log_format" != none`) {
		t.Error("the format input documents 'none', and the script must know it")
	}
}

// runner runs the run: steps of action.yml with bash the way the runner
// does: expressions in env: evaluated (inputs, github.action_path,
// github.action_ref, outputs of earlier steps), GITHUB_OUTPUT and
// GITHUB_PATH files, RUNNER_TEMP, GITHUB_ACTION_PATH, the workspace as the
// working directory. uses: steps are skipped.
type runner struct {
	t         *testing.T
	a         *action
	root      string
	temp      string // RUNNER_TEMP, shared so that ecslint is built once
	workspace string
	inputs    map[string]string
	outputs   map[string]map[string]string
	log       bytes.Buffer
}

func (r *runner) eval(s string) string {
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		e := expr.FindStringSubmatch(m)[1]
		switch {
		case e == "github.action_path":
			return r.root
		case e == "github.action_ref":
			return "v0.0.0-actiontest"
		case strings.HasPrefix(e, "inputs."):
			name := strings.TrimPrefix(e, "inputs.")
			if v, ok := r.inputs[name]; ok {
				return v
			}
			return *r.a.Inputs[name].Default
		case stepRef.MatchString(e):
			sm := stepRef.FindStringSubmatch(e)
			return r.outputs[sm[1]][sm[2]]
		}
		r.t.Fatalf("action.yml has the expression %q, which the test cannot evaluate", e)
		return ""
	})
}

// run runs every run: step in order and returns the exit code of the first
// that fails (and stops there), or 0.
func (r *runner) run() int {
	r.outputs = map[string]map[string]string{}
	for i, s := range r.a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		out := filepath.Join(r.temp, fmt.Sprintf("output-%d", i))
		path := filepath.Join(r.temp, "path")
		for _, f := range []string{out, path} {
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				r.t.Fatal(err)
			}
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", s.Run)
		cmd.Dir = r.workspace
		cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+out, "GITHUB_PATH="+path, "RUNNER_TEMP="+r.temp, "GITHUB_ACTION_PATH="+r.root, "GITHUB_WORKSPACE="+r.workspace)
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+r.eval(v))
		}
		cmd.Stdout, cmd.Stderr = &r.log, &r.log
		err := cmd.Run()
		if s.ID != "" {
			r.outputs[s.ID] = readOutputs(r.t, out)
		}
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				fmt.Fprintf(&r.log, "[step %q exited %d]\n", s.Name, ee.ExitCode())
				return ee.ExitCode()
			}
			r.t.Fatal(err)
		}
	}
	return 0
}

func readOutputs(t *testing.T, file string) map[string]string {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m
}

var (
	tempOnce sync.Once
	tempDir  string
)

// sharedTemp is one RUNNER_TEMP for the test binary, so that the build step
// installs into the same place each time (go's build cache makes the second
// build fast either way).
func sharedTemp(t *testing.T) string {
	tempOnce.Do(func() {
		d, err := os.MkdirTemp("", "ecslint-action-")
		if err != nil {
			t.Fatal(err)
		}
		tempDir = d
	})
	return tempDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

const brokenTask = `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "api"
    image        = "nginx"
    essential    = true
    portMappings = [{ containerPort = 8080, hostPort = 80 }]
  }])
}
`

// TestActionSteps runs the build, lint and fail steps of action.yml for
// real: ecslint is built from this repository with go install as the
// action does, run on a workspace, and the outputs, the SARIF file, the
// log and the exit code of the job are checked for several inputs.
func TestActionSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ecslint; skipped with -short")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	a, _ := load(t)
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "format", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	newRunner := func(t *testing.T, inputs map[string]string) *runner {
		ws := t.TempDir()
		for name, content := range map[string]string{"infra/main.tf": brokenTask, "other/main.tf": "locals { a = 1 }\n"} {
			p := filepath.Join(ws, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return &runner{t: t, a: a, root: root(t), temp: sharedTemp(t), workspace: ws, inputs: inputs}
	}
	sarifOf := func(t *testing.T, r *runner) map[string]any {
		t.Helper()
		file := r.outputs["ecslint"]["sarif-file"]
		src, err := os.ReadFile(filepath.Join(r.workspace, file))
		if err != nil {
			t.Fatalf("the SARIF file %q: %v\n%s", file, err, r.log.String())
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("the SARIF file does not validate: %v", err)
		}
		return doc.(map[string]any)
	}
	results := func(doc map[string]any) []any {
		return doc["runs"].([]any)[0].(map[string]any)["results"].([]any)
	}

	t.Run("defaults", func(t *testing.T) {
		r := newRunner(t, nil)
		code := r.run()
		log := r.log.String()
		if code != 1 || r.outputs["ecslint"]["exit-code"] != "1" || r.outputs["ecslint"]["findings"] != "1" {
			t.Fatalf("job exit %d, outputs %v; want 1 with one finding:\n%s", code, r.outputs["ecslint"], log)
		}
		doc := sarifOf(t, r)
		res := results(doc)
		uri := res[0].(map[string]any)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)["uri"]
		if len(res) != 1 || uri != "infra/main.tf" {
			t.Errorf("SARIF results %v, want one at infra/main.tf, relative to the repository root", res)
		}
		driver := doc["runs"].([]any)[0].(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
		if driver["version"] != "v0.0.0-actiontest" {
			t.Errorf("ecslint version %v in SARIF, want the action's ref", driver["version"])
		}
		for _, want := range []string{"infra/main.tf:11:", "host_port_mismatch", "::error title=ecslint::findings at or above error"} {
			if !strings.Contains(log, want) {
				t.Errorf("the log lacks %q (text output and the error annotation):\n%s", want, log)
			}
		}
		if bin := r.outputs["install"]["ecslint"]; !strings.HasSuffix(bin, "/ecslint") {
			t.Errorf("the build step's output ecslint = %q", bin)
		}
	})

	t.Run("baseline", func(t *testing.T) {
		r := newRunner(t, nil)
		r.run() // builds ecslint
		bin := r.outputs["install"]["ecslint"]
		cmd := exec.Command(bin, "--recursive", "--write-baseline", ".ecslint-baseline.json", ".")
		cmd.Dir = r.workspace
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		r = &runner{t: t, a: a, root: r.root, temp: r.temp, workspace: r.workspace, inputs: map[string]string{"baseline": ".ecslint-baseline.json", "format": "compact"}}
		if code := r.run(); code != 0 || r.outputs["ecslint"]["findings"] != "0" {
			t.Errorf("with the baseline: job exit %d, outputs %v; want 0, no findings:\n%s", code, r.outputs["ecslint"], r.log.String())
		}
		if !strings.Contains(r.log.String(), "recorded in the baseline") {
			t.Errorf("the log lacks the baseline's note:\n%s", r.log.String())
		}
	})

	t.Run("paths, args, fail-on, no log output", func(t *testing.T) {
		r := newRunner(t, map[string]string{
			"paths":      "other\n  infra/main.tf",
			"recursive":  "false",
			"args":       "--dynamic-port-range 49153-65535 --no-color",
			"fail-on":    "warning",
			"format":     "none",
			"sarif-file": "ecslint-results.sarif",
		})
		code := r.run()
		if code != 1 || r.outputs["ecslint"]["sarif-file"] != "ecslint-results.sarif" {
			t.Fatalf("job exit %d, outputs %v:\n%s", code, r.outputs["ecslint"], r.log.String())
		}
		if strings.Contains(r.log.String(), "host_port_mismatch") {
			t.Errorf("format none printed findings:\n%s", r.log.String())
		}
		if n := len(results(sarifOf(t, r))); n != 1 {
			t.Errorf("%d results, want 1 (infra/main.tf given as a file)", n)
		}
	})

	t.Run("a failed run", func(t *testing.T) {
		r := newRunner(t, map[string]string{"args": "--no-such-flag"})
		code := r.run()
		if code != 2 || r.outputs["ecslint"]["exit-code"] != "2" || !strings.Contains(r.log.String(), "::error title=ecslint::the run failed (exit 2)") || !strings.Contains(r.log.String(), "flag provided but not defined: -no-such-flag") {
			t.Errorf("job exit %d, outputs %v; want 2, the reason and the error annotation:\n%s", code, r.outputs["ecslint"], r.log.String())
		}
		// With format none, the log still says why.
		r = newRunner(t, map[string]string{"format": "none", "args": "--var undeclared=1"})
		if code := r.run(); code != 2 || !strings.Contains(r.log.String(), "undeclared") {
			t.Errorf("format none, failed run: job exit %d; want 2 and the error in the log:\n%s", code, r.log.String())
		}
	})

	t.Run("an input cannot inject shell", func(t *testing.T) {
		marker := filepath.Join(t.TempDir(), "injected")
		r := newRunner(t, map[string]string{"paths": "infra $(touch " + marker + ")", "args": "; touch " + marker})
		r.run()
		if _, err := os.Stat(marker); err == nil {
			t.Errorf("an input ran a command:\n%s", r.log.String())
		}
		if c, _ := strconv.Atoi(r.outputs["ecslint"]["exit-code"]); c != 2 {
			t.Errorf("exit code %d; the odd paths and args are ecslint's to refuse", c)
		}
	})
}
