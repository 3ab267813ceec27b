package lint

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// baselineTask is a Fargate task definition whose container "api" maps
// containerPort 8080 to hostPort 80 (host_port_mismatch, an error); pad is
// put before it, containers are the containers after "api".
func baselineTask(pad, apiPorts, more string) string {
	return pad + `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
` + more + `    {
      name         = "api"
      image        = "nginx"
      essential    = true
      portMappings = [` + apiPorts + `]
    },
  ])
}
`
}

const mismatch = `{ containerPort = 8080, hostPort = 80 }`

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.tf")
	base := filepath.Join(dir, ".ecslint-baseline.json")
	writeFile(t, main, baselineTask("", mismatch, ""))

	code, out, _ := run(t, "--no-color", dir)
	if code != ExitFindings || !strings.Contains(out, "host_port_mismatch") {
		t.Fatalf("without a baseline: exit %d, want %d with host_port_mismatch:\n%s", code, ExitFindings, out)
	}

	// Write: the findings are printed, the file written, the exit code 0.
	code, out, errOut := run(t, "--no-color", "--write-baseline", base, dir)
	if code != ExitOK || !strings.Contains(out, "host_port_mismatch") || !strings.Contains(errOut, "wrote "+base) {
		t.Fatalf("--write-baseline: exit %d, want 0, findings shown, the file named on stderr:\n%s\n%s", code, out, errOut)
	}
	first, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Version  int
		Findings []map[string]string
	}
	if err := json.Unmarshal(first, &file); err != nil {
		t.Fatalf("the baseline is not JSON: %v\n%s", err, first)
	}
	var found bool
	for _, e := range file.Findings {
		if e["rule"] == "host_port_mismatch" {
			found = true
			if e["file"] != "main.tf" || e["address"] != "aws_ecs_task_definition.api" || e["place"] != `containerDefinitions["api"].portMappings[0].hostPort` || e["message"] == "" {
				t.Errorf("entry %v: want file main.tf (relative to the baseline), the address, the place with the container's name and the message", e)
			}
		}
	}
	if file.Version != 1 || !found {
		t.Fatalf("baseline of version %d without host_port_mismatch:\n%s", file.Version, first)
	}

	// Read: nothing new, exit 0.
	code, out, errOut = run(t, "--no-color", "--baseline", base, dir)
	if code != ExitOK || !strings.Contains(out, "No issues found.") || !strings.Contains(errOut, "recorded in the baseline") {
		t.Fatalf("--baseline right after writing it: exit %d, want 0 and no issues:\n%s\n%s", code, out, errOut)
	}

	// Code moved down 10 lines, and a container put before "api": still quiet,
	// and the rewritten baseline is byte for byte the same.
	writeFile(t, main, baselineTask(strings.Repeat("# moved\n", 10), mismatch, `    { name = "log", image = "fluent/fluent-bit", essential = false },
`))
	code, out, _ = run(t, "--no-color", "--baseline", base, dir)
	if code != ExitOK || !strings.Contains(out, "No issues found.") {
		t.Fatalf("code moved down 10 lines, a container added before: exit %d, want 0:\n%s", code, out)
	}
	other := filepath.Join(dir, "again.json")
	if code, _, _ := run(t, "--write-baseline", other, dir); code != ExitOK {
		t.Fatalf("--write-baseline again: exit %d", code)
	}
	if again, _ := os.ReadFile(other); string(again) != string(first) {
		t.Errorf("the baseline of the moved code differs:\n%s\nwas\n%s", again, first)
	}

	// A new finding fails and is the only one shown.
	writeFile(t, main, baselineTask("", mismatch, `    { name = "sidecar", image = "envoy", essential = false, portMappings = [{ containerPort = 9090, hostPort = 90 }] },
`))
	code, out, _ = run(t, "--no-color", "--baseline", base, dir)
	if code != ExitFindings || !strings.Contains(out, `container "sidecar"`) || strings.Contains(out, `container "api"`) || !strings.Contains(out, "1 issue found") {
		t.Fatalf("a new finding: exit %d, want %d with only the sidecar's finding:\n%s", code, ExitFindings, out)
	}

	// The old finding fixed: nothing shown, and stderr says the baseline has a stale entry.
	writeFile(t, main, baselineTask("", `{ containerPort = 8080 }`, ""))
	code, out, errOut = run(t, "--no-color", "--baseline", base, dir)
	if code != ExitOK || !strings.Contains(out, "No issues found.") || !strings.Contains(errOut, "no longer found") {
		t.Fatalf("the finding fixed: exit %d, want 0, no issues and a note of the fixed entry:\n%s\n%s", code, out, errOut)
	}
}

// TestBaselineCounts: two identical findings (ignore comments that suppress
// nothing, in one file), one of them in the baseline: one is reported.
func TestBaselineCounts(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "b.json")
	writeFile(t, filepath.Join(dir, "main.tf"), baselineTask("", `{ containerPort = 8080 }`, "")+`
# ecslint-ignore: host_port_zero nothing to suppress
locals { a = 1 }
# ecslint-ignore: host_port_zero nothing to suppress
locals { b = 2 }
`)
	if code, _, _ := run(t, "--write-baseline", base, dir); code != ExitOK {
		t.Fatalf("--write-baseline: exit %d", code)
	}
	src, _ := os.ReadFile(base)
	var file struct {
		Version  int               `json:"version"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(src, &file); err != nil || len(file.Findings) != 2 {
		t.Fatalf("want two entries for the two ignore comments (%v):\n%s", err, src)
	}
	if code, _, _ := run(t, "--fail-on", "warning", "--baseline", base, dir); code != ExitOK {
		t.Errorf("both recorded: exit %d, want 0", code)
	}
	file.Findings = file.Findings[:1]
	one, _ := json.Marshal(file)
	writeFile(t, base, string(one))
	code, out, _ := run(t, "--fail-on", "warning", "--format", "json", "--baseline", base, dir)
	var got struct {
		Issues []struct{ Rule struct{ Name string } }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if code != ExitFindings || len(got.Issues) != 1 || got.Issues[0].Rule.Name != "ignore_comment" {
		t.Errorf("one of two recorded: exit %d with %d issues, want %d with one ignore_comment:\n%s", code, len(got.Issues), ExitFindings, out)
	}
}

// TestBaselineFromAnotherDirectory: file names in the baseline are relative
// to the baseline, so it matches whether ecslint runs in the module or above.
func TestBaselineFromAnotherDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "infra", "main.tf"), baselineTask("", mismatch, ""))
	t.Chdir(dir)
	if code, _, _ := run(t, "--write-baseline", ".ecslint-baseline.json", "infra"); code != ExitOK {
		t.Fatalf("--write-baseline: exit %d", code)
	}
	src, _ := os.ReadFile(".ecslint-baseline.json")
	if !strings.Contains(string(src), `"file": "infra/main.tf"`) {
		t.Errorf("file name not relative to the baseline:\n%s", src)
	}
	t.Chdir("infra")
	if code, out, _ := run(t, "--no-color", "--baseline", "../.ecslint-baseline.json", "."); code != ExitOK {
		t.Errorf("run in infra/ with ../.ecslint-baseline.json: exit %d, want 0:\n%s", code, out)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), baselineTask("", mismatch, ""))
	missing := filepath.Join(dir, "missing.json")
	cases := map[string]struct {
		content string // "" for a file that does not exist
		args    []string
		want    []string
	}{
		"missing":      {args: []string{"--baseline", missing}, want: []string{"the baseline " + missing + " does not exist", "--write-baseline " + missing}},
		"syntax":       {content: "{\n  \"version\": 1,\n  \"findings\": [}\n", want: []string{"bad.json:3:16: ", "is not a valid baseline", "--write-baseline"}},
		"wrong type":   {content: "{\"version\": \"1\", \"findings\": []}", want: []string{"bad.json:1:15", "version must be a whole number, not a JSON string"}},
		"version":      {content: `{"version": 2, "findings": []}`, want: []string{"version 2", "reads version 1"}},
		"unknown key":  {content: `{"version": 1, "findings": [{"rule": "x", "line": 3}]}`, want: []string{`unknown field "line"`}},
		"not a list":   {content: `{"version": 1, "findings": {}}`, want: []string{"findings must be an array, not a JSON object"}},
		"no rule":      {content: `{"version": 1, "findings": [{"file": "main.tf"}]}`, want: []string{"finding 1 has no rule"}},
		"empty":        {content: " ", want: []string{"the file is empty"}},
		"two values":   {content: `{"version": 1, "findings": []} {}`, want: []string{"more than one JSON value"}},
		"both flags":   {args: []string{"--baseline", missing, "--write-baseline", missing}, want: []string{"cannot be used together"}},
		"unwritable":   {args: []string{"--write-baseline", filepath.Join(dir, "no", "such", "dir", "b.json")}, want: []string{"cannot write the baseline", "directory that exists"}},
		"not a folder": {args: []string{"--baseline", dir}, want: []string{"cannot read the baseline"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			args := c.args
			if args == nil {
				bad := filepath.Join(t.TempDir(), "bad.json")
				writeFile(t, bad, c.content)
				args = []string{"--baseline", bad}
			}
			code, _, errOut := run(t, append(args, dir)...)
			if code != ExitFailed {
				t.Errorf("exit %d, want %d", code, ExitFailed)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}

	// A run that fails writes no baseline.
	broken := t.TempDir()
	writeFile(t, filepath.Join(broken, "main.tf"), "resource \"aws_ecs_task_definition\" \"x\" {\n  cpu = 256 256\n}\n")
	out := filepath.Join(broken, "b.json")
	code, _, errOut := run(t, "--write-baseline", out, broken)
	if _, err := os.Stat(out); code != ExitFailed || err == nil || !strings.Contains(errOut, "was not written") {
		t.Errorf("a failed run: exit %d (want %d), file written: %v, stderr:\n%s", code, ExitFailed, err == nil, errOut)
	}
}

// TestFilterBaseline checks the matching on its own: identity without line
// or message, counts, and of two findings with one identity the one whose
// message is recorded stays hidden.
func TestFilterBaseline(t *testing.T) {
	f := func(line int, msg string) findings.Finding {
		return findings.Finding{Rule: "dynamic_port_security_group", Severity: rules.Error, Message: msg,
			Range: hcl.Range{Filename: "svc/main.tf", Start: hcl.Pos{Line: line, Column: 1}}, Address: "aws_ecs_service.web"}
	}
	e := func(msg string) baselineEntry {
		return baselineEntry{Identity: findings.Identity{Rule: "dynamic_port_security_group", File: "svc/main.tf", Address: "aws_ecs_service.web"}, Message: msg}
	}
	const cwd = "/repo"
	cases := []struct {
		name        string
		fs          []findings.Finding
		entries     []baselineEntry
		keep        []string
		known, stal int
	}{
		{"same", []findings.Finding{f(3, "a")}, []baselineEntry{e("a")}, nil, 1, 0},
		{"moved and reworded", []findings.Finding{f(30, "a, reworded")}, []baselineEntry{e("a")}, nil, 1, 0},
		{"two, one recorded", []findings.Finding{f(3, "a"), f(9, "a")}, []baselineEntry{e("a")}, []string{"a"}, 1, 0},
		{"the recorded one hidden, the new one shown", []findings.Finding{f(3, "new"), f(9, "old")}, []baselineEntry{e("old")}, []string{"new"}, 1, 0},
		{"fixed", nil, []baselineEntry{e("a"), e("a")}, nil, 0, 2},
		{"one of two fixed", []findings.Finding{f(3, "a")}, []baselineEntry{e("a"), e("b")}, nil, 1, 1},
		{"other file", []findings.Finding{{Rule: "dynamic_port_security_group", Message: "a", Range: hcl.Range{Filename: "other/main.tf"}, Address: "aws_ecs_service.web"}}, []baselineEntry{e("a")}, []string{"a"}, 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kept, known, stale := filterBaseline(c.fs, c.entries, cwd, cwd)
			var msgs []string
			for _, k := range kept {
				msgs = append(msgs, k.Message)
			}
			if strings.Join(msgs, "|") != strings.Join(c.keep, "|") || known != c.known || stale != c.stal {
				t.Errorf("kept %q, %d known, %d stale; want %q, %d, %d", msgs, known, stale, c.keep, c.known, c.stal)
			}
		})
	}
}

// FuzzParseBaseline: any bytes give entries or an error, never a panic, and
// what is accepted has a rule in every entry.
func FuzzParseBaseline(f *testing.F) {
	for _, seed := range []string{
		`{"version": 1, "findings": []}`,
		`{"version": 1, "findings": [{"rule": "host_port_mismatch", "file": "main.tf", "address": "aws_ecs_task_definition.api", "place": "containerDefinitions[\"api\"]", "message": "m"}]}`,
		`{"version": 2}`, `{"version": "1"}`, `[]`, ``, `{`, `{"version": 1, "findings": [{}]}`, "\xef\xbb\xbf{}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		entries, err := parseBaseline("b.json", src)
		if err != nil {
			if !strings.Contains(err.Error(), "b.json") {
				t.Errorf("error without the file name: %v", err)
			}
			return
		}
		for _, e := range entries {
			if e.Rule == "" {
				t.Errorf("accepted an entry without a rule: %+v", e)
			}
		}
	})
}
