package format

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

type gitlabOut struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func gitlabIssues(t *testing.T, r *Report) ([]gitlabOut, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := GitLab(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var out []gitlabOut
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	return out, buf.Bytes()
}

// TestGitLabSchema validates the output, with findings, errors and none,
// against the schema of GitLab's code quality report (testdata/README.md
// says where it is from), and checks what a schema cannot: fingerprints are
// unique in a report and there is no byte order mark.
func TestGitLabSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "gitlab-codequality.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	twins := sample()
	twins.Findings = append(twins.Findings, twins.Findings...) // identical findings, each its own issue
	for name, r := range map[string]*Report{"sample": sample(), "twins": twins, "empty": {Rules: sample().Rules}} {
		issues, raw := gitlabIssues(t, r)
		if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s: the report starts with a byte order mark, which GitLab's parser refuses", name)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: output does not validate against the GitLab code quality schema: %v\n%s", name, err, raw)
		}
		if want := len(r.Findings) + len(r.Errors); len(issues) != want {
			t.Errorf("%s: %d issues, want %d (every finding and every error of the run)", name, len(issues), want)
		}
		seen := map[string]bool{}
		for _, is := range issues {
			if seen[is.Fingerprint] {
				t.Errorf("%s: fingerprint %s twice; GitLab would show only one of the issues", name, is.Fingerprint)
			}
			seen[is.Fingerprint] = true
		}
		if name == "empty" && strings.TrimSpace(string(raw)) != "[]" {
			t.Errorf("a report without findings is %q, want []", raw)
		}
	}
	// The schema is strict enough to catch mistakes.
	for _, bad := range []string{
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"error","location":{"path":"a.tf","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"minor","location":{"path":"a.tf"}}]`,
		`[{"description":"d","check_name":"c","severity":"minor","location":{"path":"a.tf","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"minor","location":{"path":"/abs/a.tf","lines":{"begin":1}}}]`,
		`{"description":"d"}`,
	} {
		doc, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(doc) == nil {
			t.Errorf("an invalid report validated: %s", bad)
		}
	}
	good, _ := jsonschema.UnmarshalJSON(strings.NewReader(`[{"description":"'unused' is assigned a value but never used.","check_name":"no-unused-vars","fingerprint":"7815696ecbf1c96e6894b779456d330e","severity":"minor","location":{"path":"lib/index.js","lines":{"begin":42}}}]`))
	if err := sch.Validate(good); err != nil {
		t.Errorf("the example of GitLab's documentation does not validate: %v", err)
	}
}

func TestGitLabContent(t *testing.T) {
	issues, _ := gitlabIssues(t, sample())
	by := map[string]gitlabOut{}
	for _, is := range issues {
		by[is.CheckName+" "+is.Location.Path] = is
	}
	if is := by["fargate_cpu_memory infra/main.tf"]; is.Severity != "critical" || is.Location.Lines.Begin != 6 || !strings.HasPrefix(is.Description, "cpu 256") {
		t.Errorf("error finding: %+v", is)
	}
	if is := by["plaintext_secret infra/task defs/web.json"]; is.Severity != "major" || is.Location.Lines.Begin != 12 {
		t.Errorf("warning finding with a path in a folder with a space: %+v", is)
	}
	if is := by[`host_port_zero module.svc["api"].aws_ecs_task_definition.this[0]`]; is.Severity != "info" || is.Location.Lines.Begin != 1 {
		t.Errorf("plan finding without a source, placed at its address: %+v", is)
	}
	if is := by["ecslint infra/broken.tf"]; is.Severity != "blocker" || is.Location.Lines.Begin != 3 || !strings.Contains(is.Description, "must end with a newline") {
		t.Errorf("error of the run: %+v", is)
	}
	if is := by["ecslint ecslint"]; is.Severity != "info" {
		t.Errorf("warning of the run without a range: %+v", is)
	}
}

// TestGitLabFingerprintsStable checks that fingerprints do not depend on
// lines, columns or messages: code moved down, a message reworded and a new
// finding elsewhere leave the old issues' fingerprints as they were, while
// another rule, file, resource or place gives another fingerprint.
func TestGitLabFingerprintsStable(t *testing.T) {
	base := func() []findings.Finding {
		return []findings.Finding{
			{Rule: "container_image_required", Severity: rules.Error, Message: "container \"web\" has no image.", Range: rng("svc/main.tf", 10, 3, 10, 9), Address: "aws_ecs_task_definition.web", Place: `containerDefinitions["web"]`},
			{Rule: "container_image_required", Severity: rules.Error, Message: "container \"log\" has no image.", Range: rng("svc/main.tf", 20, 3, 20, 9), Address: "aws_ecs_task_definition.web", Place: `containerDefinitions["log"]`},
			{Rule: "dynamic_port_security_group", Severity: rules.Error, Message: "sg does not admit.", Range: rng("svc/main.tf", 40, 1, 40, 20), Address: "aws_ecs_service.web"},
			{Rule: "dynamic_port_security_group", Severity: rules.Error, Message: "sg does not admit.", Range: rng("svc/main.tf", 44, 1, 44, 20), Address: "aws_ecs_service.web"},
		}
	}
	prints := func(fs []findings.Finding) map[string]string {
		findings.Sort(fs)
		issues, _ := gitlabIssues(t, &Report{Findings: fs})
		m := map[string]string{}
		for i, is := range issues {
			m[fs[i].Place+"|"+fs[i].Address+"|"+strconv.Itoa(fs[i].Range.Start.Line)] = is.Fingerprint
		}
		return m
	}
	before := prints(base())

	moved := base()
	for i := range moved {
		moved[i].Range.Start.Line += 10
		moved[i].Range.End.Line += 10
		moved[i].Range.Start.Column += 2
		moved[i].Message = strings.Replace(moved[i].Message, ".", "; fix it.", 1)
	}
	moved = append(moved, findings.Finding{Rule: "container_image_required", Severity: rules.Error, Message: "new", Range: rng("svc/main.tf", 1, 1, 1, 2), Address: "aws_ecs_task_definition.api", Place: `containerDefinitions["api"]`})
	after := prints(moved)
	for key, want := range before {
		parts := strings.SplitN(key, "|", 3)
		line, _ := strconv.Atoi(parts[2])
		got := after[parts[0]+"|"+parts[1]+"|"+strconv.Itoa(line+10)]
		if got != want {
			t.Errorf("finding %s moved 10 lines down: fingerprint %q, was %q", key, got, want)
		}
	}

	all := map[string]bool{}
	for _, fp := range after {
		all[fp] = true
	}
	if len(all) != len(after) {
		t.Errorf("fingerprints not unique: %v", after)
	}
	// Each part of the identity changes the fingerprint.
	one := func(f findings.Finding) string {
		issues, _ := gitlabIssues(t, &Report{Findings: []findings.Finding{f}})
		return issues[0].Fingerprint
	}
	f := base()[0]
	ref := one(f)
	for name, g := range map[string]func(*findings.Finding){
		"rule":    func(g *findings.Finding) { g.Rule = "container_memory_required" },
		"file":    func(g *findings.Finding) { g.Range.Filename = "other/main.tf" },
		"address": func(g *findings.Finding) { g.Address = "aws_ecs_task_definition.api" },
		"place":   func(g *findings.Finding) { g.Place = `containerDefinitions["api"]` },
	} {
		h := f
		g(&h)
		if one(h) == ref {
			t.Errorf("another %s, same fingerprint", name)
		}
	}
	// The file name is normalised: ./svc/main.tf is svc/main.tf.
	h := f
	h.Range.Filename = "./svc/main.tf"
	if one(h) != ref {
		t.Error("./svc/main.tf and svc/main.tf have different fingerprints")
	}
	// A run error's fingerprint does not depend on its line either.
	e1 := &Report{Errors: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Bad", Detail: "Fix it.", Subject: rng("a.tf", 3, 1, 3, 2).Ptr()}}}
	e2 := &Report{Errors: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Bad", Detail: "Fix it.", Subject: rng("a.tf", 13, 1, 13, 2).Ptr()}}}
	i1, _ := gitlabIssues(t, e1)
	i2, _ := gitlabIssues(t, e2)
	if i1[0].Fingerprint != i2[0].Fingerprint {
		t.Error("a run error moved down has another fingerprint")
	}
}
