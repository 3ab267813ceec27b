package lint

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// TestContainerDataSourceConvertsLikeTerraform: values that Terraform
// converts to the provider's types (a string for a number, numbers and bools
// in a map or list of strings) are converted by ecslint too, in the container
// data source as in the task: no "Invalid task definition" error, and the
// values reach the rules.
func TestContainerDataSourceConvertsLikeTerraform(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `
data "ecskit_container_definition" "web" {
  name          = "web"
  image         = "nginx"
  cpu           = "256"
  memory        = 512
  environment   = { PORT = 8080, DEBUG = true }
  command       = ["sleep", 10]
  docker_labels = { tier = 1 }
  port_mappings = [{ container_port = "80", host_port = "8080" }]
}

data "ecskit_task_definition" "t" {
  family                   = "web"
  containers               = [data.ecskit_container_definition.web.json]
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = "512"
}
`)
	code, out, stderr := run(t, "--no-color", dir)
	if code != ExitFindings || strings.Contains(out, "Invalid task definition") {
		t.Errorf("exit code %d, want %d, without errors:\n%s%s", code, ExitFindings, out, stderr)
	}
	if want := `container "web": hostPort 8080 differs from containerPort 80`; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if want := "1 issue found: 1 error."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}

	// Evaluated from its value alone, the data source renders the JSON of
	// the converted values.
	eval := dataSources(rules.Config{})["ecskit_container_definition"].Eval
	loose, diags := eval(cty.ObjectVal(map[string]cty.Value{
		"name": cty.StringVal("web"), "image": cty.StringVal("nginx"), "cpu": cty.StringVal("256"),
		"environment": cty.ObjectVal(map[string]cty.Value{"PORT": cty.NumberIntVal(8080), "DEBUG": cty.True}),
		"command":     cty.TupleVal([]cty.Value{cty.StringVal("sleep"), cty.NumberIntVal(10)}),
	}))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	typed, diags := eval(cty.ObjectVal(map[string]cty.Value{
		"name": cty.StringVal("web"), "image": cty.StringVal("nginx"), "cpu": cty.NumberIntVal(256),
		"environment": cty.MapVal(map[string]cty.Value{"PORT": cty.StringVal("8080"), "DEBUG": cty.StringVal("true")}),
		"command":     cty.ListVal([]cty.Value{cty.StringVal("sleep"), cty.StringVal("10")}),
	}))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if !loose.GetAttr("json").IsKnown() || !loose.GetAttr("json").RawEquals(typed.GetAttr("json")) {
		t.Errorf("json of the unconverted values is %#v, want %#v", loose.GetAttr("json"), typed.GetAttr("json"))
	}
}
