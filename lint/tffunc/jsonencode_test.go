package tffunc

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// jsonEncodeSeeds are expressions whose values cover every kind of value jsonencode writes.
var jsonEncodeSeeds = []string{
	`[{ name = "app", image = "nginx", cpu = 256, memory = 512, essential = true, portMappings = [{ containerPort = 80 }] }]`,
	`{ a = 1, b = -1, c = 0, d = -0, e = 0.5, f = 1e300, g = 9223372036854775807, h = 9223372036854775808, i = -9223372036854775808, j = 1.5e-7, k = 12345678901234567890123 }`,
	`["<html> & \"quotes\" \u2028 é 🙂", "", "\t\n"]`,
	`tomap({ b = "2", a = "1" })`,
	`toset(["b", "a", "c"])`,
	`tolist([1, 2, 3])`,
	`[null, true, false, {}, [], { x = null }]`,
	`{ nested = { deeper = [[1, [2, [3]]], { k = "v" }] } }`,
	`range(0, 10, 0.25)`,
	`1/3`,
	`-2/3 * 1e20`,
	`null`,
	`"plain"`,
	`42`,
	`[for i in range(5) : { n = i * 1.5 }]`,
	`tolist([{ a = 1 }, { a = null }])`,
	`{ "key with spaces" = 1, "ünïcode" = 2 }`,
}

// TestJSONEncodeSameAsCty: the faster jsonencode writes exactly what go-cty's does.
func TestJSONEncodeSameAsCty(t *testing.T) {
	for _, src := range jsonEncodeSeeds {
		if !compareJSONEncode(t, src) {
			t.Errorf("seed %s was not compared: it does not evaluate", src)
		}
	}
	// Infinity is refused, as by go-cty.
	if _, err := jsonEncodeFunc.Call([]cty.Value{cty.PositiveInfinity}); err == nil {
		t.Error("jsonencode(+Inf) succeeded")
	}
	// Marked values, at the top or deep inside, come out as go-cty's: marks carried to the result.
	for _, v := range []cty.Value{
		cty.StringVal("secret").Mark("sensitive"),
		cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.StringVal("s").Mark("sensitive")}),
		cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.ListVal([]cty.Value{cty.True.Mark("m")})}),
	} {
		got, err1 := jsonEncodeFunc.Call([]cty.Value{v})
		want, err2 := stdlib.JSONEncodeFunc.Call([]cty.Value{v})
		if err1 != nil || err2 != nil || !got.RawEquals(want) {
			t.Errorf("marked %#v: got %#v (%v), want %#v (%v)", v, got, err1, want, err2)
		}
	}
	// Unknown values give go-cty's refined unknown result.
	u := cty.ObjectVal(map[string]cty.Value{"a": cty.UnknownVal(cty.Number)})
	got, err1 := jsonEncodeFunc.Call([]cty.Value{u})
	want, err2 := stdlib.JSONEncodeFunc.Call([]cty.Value{u})
	if err1 != nil || err2 != nil || !got.RawEquals(want) {
		t.Errorf("unknown: got %#v (%v), want %#v (%v)", got, err1, want, err2)
	}
}

// FuzzJSONEncode compares the faster jsonencode with go-cty's on the value of any HCL expression. Seeds are
// jsonEncodeSeeds.
func FuzzJSONEncode(f *testing.F) {
	for _, s := range jsonEncodeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		compareJSONEncode(t, src)
	})
}

// compareJSONEncode evaluates src and compares the two jsonencodes of its value; false if src does not evaluate.
func compareJSONEncode(t *testing.T, src string) bool {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "seed.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return false
	}
	v, diags := expr.Value(&hcl.EvalContext{Functions: Functions(nil)})
	if diags.HasErrors() || v.ContainsMarked() || tree.HasHugeNumber(v) {
		return false
	}
	got, err1 := jsonEncodeFunc.Call([]cty.Value{v})
	want, err2 := stdlib.JSONEncodeFunc.Call([]cty.Value{v})
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("%s: errors differ: %v, go-cty %v", src, err1, err2)
	}
	if err1 == nil && !got.RawEquals(want) {
		t.Fatalf("%s:\ngot   %#v\ngo-cty %#v", src, got, want)
	}
	return true
}
