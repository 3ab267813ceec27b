package format

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.* from the current output")

func rng(file string, l1, c1, l2, c2 int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: l1, Column: c1}, End: hcl.Pos{Line: l2, Column: c2}}
}

// sample has a finding with a source, one with a source and an address, one
// from plan JSON with only an address, characters that need escaping, and
// errors of the run with and without a range.
func sample() *Report {
	link := func(n string) string { return rules.DocsBase + n + ".md" }
	fs := []findings.Finding{
		{Rule: "fargate_cpu_memory", Severity: rules.Error, Link: link("fargate_cpu_memory"), Message: `cpu 256 (.25 vCPU) with memory 4096 MiB (4 GB) is not a Fargate size: with 256 CPU units, memory must be 512, 1024 or 2048 MiB. AWS would reject it with "Invalid 'cpu' setting for task."`, Range: rng("infra/main.tf", 6, 30, 6, 36), Address: "aws_ecs_task_definition.api"},
		{Rule: "plaintext_secret", Severity: rules.Warning, Link: link("plaintext_secret"), Message: `container "api": environment variable DB_PASSWORD <looks> like a credential & has a literal value; use secrets.`, Range: rng(filepath.Join("infra", "task defs", "web.json"), 12, 9, 12, 22)},
		{Rule: "host_port_zero", Severity: rules.Notice, Link: link("host_port_zero"), Message: `container "api": hostPort 0 asks for a dynamic host port.`, Address: `module.svc["api"].aws_ecs_task_definition.this[0]`},
	}
	findings.Sort(fs)
	return &Report{
		Findings: fs,
		Errors: hcl.Diagnostics{
			{Severity: hcl.DiagError, Summary: "Missing newline after argument", Detail: "An argument definition must end with a newline.", Subject: rng("infra/broken.tf", 3, 16, 3, 19).Ptr()},
			{Severity: hcl.DiagWarning, Summary: "Remote module not linted", Detail: "module.vpc comes from the registry; its values are unknown."},
		},
		Rules: []Rule{
			{Name: "fargate_cpu_memory", Summary: "task cpu/memory pair not valid on Fargate", Severity: rules.Error, Link: link("fargate_cpu_memory")},
			{Name: "host_port_zero", Summary: "hostPort 0 outside bridge", Severity: rules.Error, Link: link("host_port_zero")},
			{Name: "plaintext_secret", Summary: "credential-like environment variable with a literal value", Severity: rules.Warning, Link: link("plaintext_secret")},
		},
		Version: "v1.2.3",
	}
}

// sampleWithCallers is sample with a finding that came out of an installed module.
func sampleWithCallers() *Report {
	r := sample()
	link := func(n string) string { return rules.DocsBase + n + ".md" }
	r.Findings = append(r.Findings,
		findings.Finding{Rule: "fargate_cpu_memory", Severity: rules.Error, Link: link("fargate_cpu_memory"), Message: `In module.ecs (the module "terraform-aws-modules/ecs/aws" 5.11.0, installed by terraform init), aws_ecs_task_definition.this at .terraform/modules/ecs/main.tf:40:30: cpu 256 with memory 4096 MiB is not a Fargate size.`,
			Range: rng("infra/ecs.tf", 4, 13, 4, 17), Address: "module.ecs.aws_ecs_task_definition.this",
			Callers: []findings.Caller{{Address: "module.ecs", Range: rng("infra/ecs.tf", 4, 13, 4, 17)}, {Address: "module.ecs.aws_ecs_task_definition.this", Range: rng(".terraform/modules/ecs/main.tf", 40, 30, 40, 40), Inside: true}}},
	)
	findings.Sort(r.Findings)
	return r
}

var goldens = map[string]string{"sarif": "golden.sarif", "checkstyle": "golden.checkstyle.xml", "junit": "golden.junit.xml", "compact": "golden.compact.txt", "json": "golden.json", "gitlab": "golden.gitlab.json"}

func TestGoldenFormats(t *testing.T) {
	for name, file := range goldens {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Formatters[name](&buf, sample(), Options{}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if buf.String() != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", path, buf.String(), want)
			}
		})
	}
}

// TestSARIFSchema validates SARIF output, with findings and without, against
// the official SARIF 2.1.0 schema (testdata/README.md says where it is from).
func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Report{"sample": sample(), "callers": sampleWithCallers(), "empty": {Rules: sample().Rules}} {
		var buf bytes.Buffer
		if err := SARIF(&buf, r, Options{}); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: SARIF output does not validate against the 2.1.0 schema: %v", name, err)
		}
	}
	// The schema is strict enough to catch a mistake.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`))
	if sch.Validate(bad) == nil {
		t.Error("an invalid level validated")
	}
}

// TestCallers: a finding that came through module calls lists them: JSON
// callers (ranges, outermost first), SARIF relatedLocations (numbered, each
// with a message naming the call), and a line per call in the text format.
func TestCallers(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sampleWithCallers(), Options{}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Issues []struct {
			Address string
			Callers []struct{ Filename string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, is := range out.Issues {
		want := 0
		if is.Address == "module.ecs.aws_ecs_task_definition.this" {
			want = 2
		}
		if len(is.Callers) != want {
			t.Errorf("%s: %d callers in JSON, want %d", is.Address, len(is.Callers), want)
		}
	}
	buf.Reset()
	if err := SARIF(&buf, sampleWithCallers(), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"relatedLocations"`, `"text": "through the call of module.ecs"`, `"text": "inside the module: module.ecs.aws_ecs_task_definition.this"`, `"uri": ".terraform/modules/ecs/main.tf"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	buf.Reset()
	if err := Text(&buf, sampleWithCallers(), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"  through the call of module.ecs (infra/ecs.tf:4:13)\n", "  inside the module: module.ecs.aws_ecs_task_definition.this (.terraform/modules/ecs/main.tf:40:30)\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID                   string
						HelpURI              string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Invocations []struct{ ExecutionSuccessful bool }
			Results     []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation *struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
					LogicalLocations []struct{ FullyQualifiedName string }
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "ecslint" || d.Version != "v1.2.3" || d.InformationURI == "" || len(d.Rules) != 3 || d.Rules[2].DefaultConfiguration.Level != "warning" || !strings.HasSuffix(d.Rules[0].HelpURI, "/fargate_cpu_memory.md") {
		t.Errorf("driver: %+v", d)
	}
	if run.Invocations[0].ExecutionSuccessful {
		t.Error("a run with an error is not successful")
	}
	byRule := map[string]int{}
	for i, r := range run.Results {
		byRule[r.RuleID] = i
	}
	api := run.Results[byRule["fargate_cpu_memory"]].Locations[0]
	if api.PhysicalLocation == nil || api.PhysicalLocation.ArtifactLocation.URI != "infra/main.tf" || api.PhysicalLocation.Region.StartLine != 6 || api.PhysicalLocation.Region.StartColumn != 30 || api.PhysicalLocation.Region.EndColumn != 36 || len(api.LogicalLocations) != 1 {
		t.Errorf("file finding: %+v", api)
	}
	if u := run.Results[byRule["plaintext_secret"]].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "infra/task%20defs/web.json" {
		t.Errorf("uri %q: want forward slashes, relative, escaped", u)
	}
	plan := run.Results[byRule["host_port_zero"]]
	if plan.Level != "note" || plan.Locations[0].PhysicalLocation != nil || plan.Locations[0].LogicalLocations[0].FullyQualifiedName != `module.svc["api"].aws_ecs_task_definition.this[0]` {
		t.Errorf("plan finding: %+v", plan)
	}
}

func TestXMLIsWellFormed(t *testing.T) {
	for _, name := range []string{"checkstyle", "junit"} {
		var buf bytes.Buffer
		if err := Formatters[name](&buf, sample(), Options{}); err != nil {
			t.Fatal(err)
		}
		var v struct {
			XMLName  xml.Name
			Failures int `xml:"failures,attr"`
			Errors   int `xml:"errors,attr"`
			Suites   []struct {
				Cases []struct {
					Failure *struct {
						Message string `xml:"message,attr"`
					} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
			Files []struct {
				Name   string `xml:"name,attr"`
				Errors []struct {
					Message string `xml:"message,attr"`
					Source  string `xml:"source,attr"`
				} `xml:"error"`
			} `xml:"file"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, buf.String())
		}
		switch name {
		case "junit":
			if len(v.Suites) != 1 || len(v.Suites[0].Cases) != 4 || v.Failures != 3 || v.Errors != 1 {
				t.Errorf("junit: %+v", v)
			}
			if !strings.Contains(buf.String(), "&lt;looks&gt; like a credential &amp; has") {
				t.Error("junit: message not escaped")
			}
		case "checkstyle":
			if len(v.Files) != 5 || v.Files[1].Name != "infra/broken.tf" || v.Files[4].Errors[0].Source != "ecslint.host_port_zero" {
				t.Errorf("checkstyle files: %+v", v.Files)
			}
		}
	}
}

func TestCompact(t *testing.T) {
	var buf bytes.Buffer
	if err := Compact(&buf, sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want 5:\n%s", len(lines), buf.String())
	}
	want := "infra/main.tf:6:30: error - cpu 256 (.25 vCPU)"
	if !strings.HasPrefix(lines[3], want) || !strings.HasSuffix(lines[3], "(fargate_cpu_memory)") {
		t.Errorf("line %q, want %q ... (fargate_cpu_memory)", lines[3], want)
	}
}
