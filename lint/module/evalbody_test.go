package module

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// TestEvalBody: an evaluator with EvalBody receives the instance Config.Instances then holds, its body
// evaluated (dynamic blocks expanded, each for_each key its own instance), and its result is kept on that
// instance; Eval is not called.
func TestEvalBody(t *testing.T) {
	sources := taskDefinitionEvaluator(new(int))
	ds := sources["ecskit_task_definition"]
	eval := ds.Eval
	ds.Eval = func(cty.Value) (cty.Value, hcl.Diagnostics) {
		t.Error("Eval called although EvalBody is set")
		return cty.DynamicVal, nil
	}
	given := map[string]*Instance{}
	ds.EvalBody = func(config cty.Value, in *Instance) (cty.Value, any, hcl.Diagnostics) {
		if given[in.Address] != nil {
			t.Errorf("%s evaluated twice", in.Address)
		}
		given[in.Address] = in
		v, diags := eval(config)
		return v, "result of " + in.Address, diags
	}
	sources["ecskit_task_definition"] = ds
	cfg, diags := load(t, "datasource", Options{DataSources: sources})
	noErrors(t, diags)

	for _, addr := range []string{"data.ecskit_task_definition.app", `data.ecskit_task_definition.each["a"]`,
		`data.ecskit_task_definition.each["b"]`, "data.ecskit_task_definition.unknown"} {
		in := instance(t, cfg, addr)
		if given[addr] != in {
			t.Errorf("%s: EvalBody got %p, Config.Instances holds %p: not the same instance", addr, given[addr], in)
		}
		if in.Result != "result of "+addr {
			t.Errorf("%s: Result = %#v, want the evaluator's result", addr, in.Result)
		}
	}
	if len(given) != 4 {
		t.Errorf("EvalBody called for %d instances, want 4", len(given))
	}
	app := instance(t, cfg, "data.ecskit_task_definition.app")
	if n := len(app.Body.BlocksOfType("volume")); n != 2 {
		t.Errorf("app has %d volume blocks, want 2 (one written, one from the dynamic block)", n)
	}
	if got := instance(t, cfg, `data.ecskit_task_definition.each["b"]`).Body.Value("family"); !got.RawEquals(cty.StringVal("b")) {
		t.Errorf(`each["b"].family = %#v, want "b"`, got)
	}
	// The value EvalBody returned is the data source's value.
	body := instance(t, cfg, "aws_ecs_task_definition.app").Body
	if got := body.Value("volumes"); !got.RawEquals(cty.NumberIntVal(2)) {
		t.Errorf("volumes = %#v, want 2 (the data source's volume_count)", got)
	}
	if got := body.Value("each_a"); !got.RawEquals(cty.StringVal("a")) {
		t.Errorf("each_a = %#v, want a", got)
	}
}
