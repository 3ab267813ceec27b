package lint

import (
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// TestDataSourcesComputeEverySchemaAttribute: ecslint's evaluators of the
// ecskit data sources compute every attribute the provider computes
// (compose.Schema.Computed), so a configuration that refers to one is not
// told that the attribute does not exist; the redacted copies hold no
// environment value.
func TestDataSourcesComputeEverySchemaAttribute(t *testing.T) {
	ds := dataSources(rules.Config{})
	container := cty.ObjectVal(map[string]cty.Value{
		"name": cty.StringVal("web"), "image": cty.StringVal("nginx"), "memory": cty.NumberIntVal(512),
		"environment": cty.MapVal(map[string]cty.Value{"DB_PASSWORD": cty.StringVal("x-secret")}),
	})
	cv, diags := ds["ecskit_container_definition"].Eval(container)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	task := cty.ObjectVal(map[string]cty.Value{
		"family": cty.StringVal("web"), "containers": cty.TupleVal([]cty.Value{cv.GetAttr("json")}),
	})
	tv, diags := ds["ecskit_task_definition"].Eval(task)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, c := range []struct {
		name   string
		val    cty.Value
		schema *compose.Schema
	}{{"ecskit_container_definition", cv, compose.ContainerSchema}, {"ecskit_task_definition", tv, compose.TaskSchema}} {
		for _, attr := range c.schema.Computed {
			if !c.val.Type().HasAttribute(attr) {
				t.Errorf("%s: ecslint computes no %s", c.name, attr)
				continue
			}
			if v := c.val.GetAttr(attr); !v.IsKnown() {
				t.Errorf("%s.%s is unknown for a known configuration", c.name, attr)
			}
		}
	}
	if t.Failed() {
		return
	}
	for _, v := range []cty.Value{cv.GetAttr("json_redacted"), tv.GetAttr("container_definitions_redacted")} {
		if s := v.AsString(); strings.Contains(s, "x-secret") || !strings.Contains(s, `"name":"DB_PASSWORD","value":"(redacted)"`) {
			t.Errorf("redacted copy %s: want DB_PASSWORD's value redacted", s)
		}
	}
}
