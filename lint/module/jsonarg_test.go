package module

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestJSONArg checks Attribute.JSONArg: the value jsonencode received for a top-level call (known or not), and
// nothing for other expressions, for a call whose argument failed, and for a nested call.
func TestJSONArg(t *testing.T) {
	dir := t.TempDir()
	src := `variable "image" {}
resource "aws_ecs_task_definition" "t" {
  known   = jsonencode([{ name = "app", cpu = 256, inner = jsonencode({ a = 1 }) }])
  unknown = jsonencode([{ name = "app", image = var.image }])
  plain   = [{ name = "app" }]
  nested  = lower(jsonencode({ a = 1 }))
  broken  = jsonencode([{ name = local.missing }])
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _ := Load(dir, Options{})
	var body *Body
	for _, in := range cfg.Instances {
		if in.Address == "aws_ecs_task_definition.t" {
			body = in.Body
		}
	}
	if body == nil {
		t.Fatalf("no aws_ecs_task_definition.t in %v", cfg.Instances)
	}
	known := cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
		"name": cty.StringVal("app"), "cpu": cty.NumberIntVal(256), "inner": cty.StringVal(`{"a":1}`),
	})})
	if got := body.Attributes["known"].JSONArg; !got.RawEquals(known) {
		t.Errorf("known: JSONArg = %#v, want %#v", got, known)
	}
	unknown := body.Attributes["unknown"]
	if got := unknown.JSONArg; got == cty.NilVal || got.LengthInt() != 1 ||
		got.Index(cty.NumberIntVal(0)).GetAttr("image").IsKnown() || unknown.Value.IsKnown() {
		t.Errorf("unknown: JSONArg = %#v (value %#v), want the tuple with an unknown image", got, unknown.Value)
	}
	for _, name := range []string{"plain", "nested", "broken"} {
		if got := body.Attributes[name].JSONArg; got != cty.NilVal {
			t.Errorf("%s: JSONArg = %#v, want none", name, got)
		}
	}
}
