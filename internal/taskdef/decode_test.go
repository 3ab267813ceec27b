package taskdef

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

func decodeString(t *testing.T, src string) (*TaskDefinition, Errors) {
	t.Helper()
	n, diags := tree.ParseJSON([]byte(src), "td.json")
	if diags.HasErrors() {
		t.Fatalf("parse: %s", diags.Error())
	}
	return Decode(n)
}

func TestDecodeTypeErrorsNameThePath(t *testing.T) {
	_, errs := decodeString(t, `{"family":"f","containerDefinitions":[{"name":"web","memory":"100"}]}`)
	if len(errs) != 1 {
		t.Fatalf("want 1 error, got %v", errs)
	}
	want := `containerDefinitions[0].memory: expected a number, got the string "100"`
	if errs[0].Error() != want {
		t.Errorf("got %q, want %q", errs[0].Error(), want)
	}
	if errs[0].Range.Start.Line != 1 || errs[0].Range.Start.Column != 62 {
		t.Errorf("range = %v", errs[0].Range)
	}
}

func TestDecodeTypeErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{`{"cpu":256}`, `cpu: expected a string, got the number 256`},
		{`{"containerDefinitions":{}}`, `containerDefinitions: expected an array, got an object`},
		{`{"containerDefinitions":[{"essential":"yes"}]}`, `containerDefinitions[0].essential: expected true or false, got the string "yes"`},
		{`{"containerDefinitions":[{"cpu":1.5}]}`, `containerDefinitions[0].cpu: expected a whole number, got the number 1.5`},
		{`{"containerDefinitions":[{"cpu":1e400}]}`, `containerDefinitions[0].cpu: expected a whole number, got the number 1e+400`},
		{`{"containerDefinitions":[{"logConfiguration":{"options":{"a":1}}}]}`, `containerDefinitions[0].logConfiguration.options["a"]: expected a string, got a number`},
		{`{"containerDefinitions":[{"environment":[{"name":"PIN","value":1234}]}]}`, `containerDefinitions[0].environment[0].value: expected a string, got a number`},
		{`{"containerDefinitions":[{"command":["serve",42]}]}`, `containerDefinitions[0].command[1]: expected a string, got a number`},
		{`{"containerDefinitions":[{"command":"serve --password=hunter2"}]}`, `containerDefinitions[0].command: expected an array, got a string`},
		{`{"containerDefinitions":[{"environment":"DB_PASSWORD=hunter2"}]}`, `containerDefinitions[0].environment: expected an array, got a string`},
		{`{"containerDefinitions":[{"healthCheck":"curl -H hunter2"}]}`, `containerDefinitions[0].healthCheck: expected an object, got a string`},
		{`{"containerDefinitions":[{"dockerLabels":{"a":false}}]}`, `containerDefinitions[0].dockerLabels["a"]: expected a string, got a boolean`},
		{`{"containerDefinitions":[{"healthCheck":{"command":["CMD",7]}}]}`, `containerDefinitions[0].healthCheck.command[1]: expected a string, got a number`},
		{`{"containerDefinitions":[{"healthCheck":{"command":["CMD"],"interval":"often"}}]}`, `containerDefinitions[0].healthCheck.interval: expected a number, got the string "often"`},
		{`{"proxyConfiguration":{"properties":[{"name":"AppPorts","value":8080}]}}`, `proxyConfiguration.properties[0].value: expected a string, got a number`},
		{`"x"`, `expected a task definition object or a containerDefinitions array, got a string`},
	}
	for _, c := range cases {
		_, errs := decodeString(t, c.src)
		if len(errs) != 1 || errs[0].Error() != c.want {
			t.Errorf("%s: got %v, want %q", c.src, errs, c.want)
		}
	}
}

func TestDecodeForms(t *testing.T) {
	bare, errs := decodeString(t, `[{"name":"a","image":"x","portMappings":[{"containerPort":80}]}]`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c := bare.ContainerDefinitions.Items[0]
	if c.Name.V != "a" || c.PortMappings.Items[0].ContainerPort.V != 80 || c.PortMappings.Items[0].Path != "containerDefinitions[0].portMappings[0]" {
		t.Errorf("bare array decoded wrong: %+v", c)
	}
	if !c.PortMappings.Items[0].HostPort.Absent() || c.PortMappings.Items[0].HostPort.Path != "containerDefinitions[0].portMappings[0].hostPort" {
		t.Errorf("absent hostPort should be absent with a path: %+v", c.PortMappings.Items[0].HostPort)
	}
	wrapped, errs := decodeString(t, `{"taskDefinition":{"family":"f","taskDefinitionArn":"arn","containerDefinitions":[{"name":"b"}]}}`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if wrapped.Family.V != "f" || wrapped.ContainerDefinitions.Items[0].Name.V != "b" {
		t.Errorf("wrapper not unwrapped")
	}
	if _, ok := wrapped.Extra["taskDefinitionArn"]; !ok {
		t.Errorf("unknown member not recorded: %v", wrapped.Extra)
	}
}

func TestDecodeUnknownPropagates(t *testing.T) {
	obj := cty.ObjectVal(map[string]cty.Value{
		"family": cty.StringVal("f"),
		"cpu":    cty.UnknownVal(cty.String),
		"containerDefinitions": cty.TupleVal([]cty.Value{
			cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("known"), "image": cty.StringVal("x").Mark("sensitive")}),
			cty.DynamicVal,
		}),
	})
	td, errs := Decode(tree.FromValue(obj, hcl.Range{}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !td.CPU.Unknown || td.CPU.Known() || td.CPU.Absent() {
		t.Errorf("cpu should be unknown: %+v", td.CPU.Meta)
	}
	if !td.ContainerDefinitions.Items[0].Image.Unknown {
		t.Errorf("a sensitive value counts as unknown")
	}
	u := td.ContainerDefinitions.Items[1]
	if !u.Name.Unknown || !u.PortMappings.Unknown || u.HealthCheck == nil || !u.HealthCheck.Unknown || u.IsEssential() != Maybe {
		t.Errorf("fields of an unknown container must be unknown, not absent: %+v", u)
	}
	if !td.Memory.Absent() {
		t.Errorf("memory is certainly absent")
	}
}

func TestDecodeNullMeansAbsent(t *testing.T) {
	td, errs := decodeString(t, `{"cpu":null,"containerDefinitions":[null,{"name":null}]}`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !td.CPU.Absent() || td.ContainerDefinitions.Items[0] == nil || !td.ContainerDefinitions.Items[1].Name.Absent() {
		t.Errorf("null must decode as absent")
	}
}

// corpusTypeErrors are real mistakes in AWS's own examples: the API expects
// arrays here, and the CLI rejects these files.
var corpusTypeErrors = map[string]string{
	"amazon-ecs-firelens-examples__examples__fluent-bit__logstash__task-definition.json": "containerDefinitions[1].portMappings: expected an array, got an object",
	"amazon-ecs-firelens-examples__examples__fluent-bit__signalfx__task-definition.json": "containerDefinitions[1].logConfiguration.secretOptions: expected an array, got an object",
}

func TestDecodeCorpus(t *testing.T) {
	// Real task definitions published by AWS (their sources and licenses: the folder's README.md).
	files, _ := filepath.Glob("../../testdata/taskdefs/*.json")
	if len(files) != 62 {
		t.Fatalf("found %d corpus files in ../../testdata/taskdefs, want its 62 task definitions", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, diags := tree.ParseJSON(src, f)
		if diags.HasErrors() {
			t.Errorf("%s: %s", f, diags.Error())
			continue
		}
		td, errs := Decode(n)
		if got, want := errs.Error(), corpusTypeErrors[filepath.Base(f)]; got != want {
			t.Errorf("%s: errors %q, want %q", filepath.Base(f), got, want)
		}
		if len(td.ContainerDefinitions.Items) == 0 {
			t.Errorf("%s: no containers decoded", f)
		}
	}
}

func TestLabel(t *testing.T) {
	td, _ := decodeString(t, `[{"name":"web"},{}]`)
	if got := td.ContainerDefinitions.Items[0].Label(); got != `container "web"` {
		t.Error(got)
	}
	if got := td.ContainerDefinitions.Items[1].Label(); !strings.Contains(got, "2") {
		t.Error(got)
	}
}

// TestCorpusREADME keeps the corpus README true: it names the source of every file in the folder, and no file
// that is not there.
func TestCorpusREADME(t *testing.T) {
	readme, err := os.ReadFile("../../testdata/taskdefs/README.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(string(readme), "\n") {
		if name, _, ok := strings.Cut(strings.TrimPrefix(line, "| "), " |"); ok && strings.HasSuffix(name, ".json") {
			listed[name] = true
		}
	}
	files, _ := filepath.Glob("../../testdata/taskdefs/*.json")
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("testdata/taskdefs/README.md does not say where %s comes from", filepath.Base(f))
		}
		delete(listed, filepath.Base(f))
	}
	for name := range listed {
		t.Errorf("testdata/taskdefs/README.md lists %s, which is not in the folder", name)
	}
}
