package lint

import (
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// TestFromArgValueMatchesFromExpr checks that walking the value jsonencode received gives the tree that
// evaluating its argument again gives, with unknown values too, or nil (the caller then evaluates).
func TestFromArgValueMatchesFromExpr(t *testing.T) {
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
			"image": cty.UnknownVal(cty.String),
			"port":  cty.UnknownVal(cty.Number),
			"ports": cty.UnknownVal(cty.List(cty.Number)),
			"name":  cty.StringVal("web"),
			"tags":  cty.MapVal(map[string]cty.Value{"a": cty.StringVal("1")}),
			"third": cty.NumberFloatVal(1.0 / 3),
			"empty": cty.ListValEmpty(cty.String),
		})},
		Functions: tffunc.Functions(nil),
	}
	cases := map[string]bool{
		`[{name = var.name, image = var.image, cpu = 256, third = var.third, tags = var.tags, e = var.empty}]`:   true,
		`[{portMappings = [for p in var.ports : {containerPort = p}], hc = {command = ["CMD", "${var.port}"]}}]`: true,
		`[{ "quoted key" = true, (var.name) = false, o = {}, t = [] }]`:                                          true,
		`[{(var.image) = 1}]`:     false, // unknown key: the whole object is one unknown value
		`[{a = 1, a = var.port}]`: false, // repeated key: FromExpr keeps both
		`[{(1) = "x"}]`:           false,
	}
	for src, answers := range cases {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "t.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		v, diags := expr.Value(ctx)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		got := fromArgValue(expr, ctx, v, 0)
		if (got != nil) != answers {
			t.Errorf("%s: fromArgValue answered %v, want %v", src, got != nil, answers)
			continue
		}
		if got == nil {
			continue
		}
		want, diags := tree.FromExpr(expr, ctx)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		if !sameTree(got, want) {
			t.Errorf("%s: fromArgValue and tree.FromExpr differ:\n got %s\nwant %s", src, dump(got), dump(want))
		}
	}
}

// sameTree compares two trees, numbers by value and precision.
func sameTree(a, b *tree.Node) bool {
	if a.Kind != b.Kind || a.Range != b.Range || a.Str != b.Str || a.Bool != b.Bool ||
		len(a.Fields) != len(b.Fields) || len(a.Elems) != len(b.Elems) ||
		(a.Fields == nil) != (b.Fields == nil) || (a.Elems == nil) != (b.Elems == nil) {
		return false
	}
	if (a.Num == nil) != (b.Num == nil) || a.Num != nil && (a.Num.Cmp(b.Num) != 0 || a.Num.Prec() != b.Num.Prec() || a.Num.Signbit() != b.Num.Signbit()) {
		return false
	}
	for i := range a.Fields {
		if a.Fields[i].Key != b.Fields[i].Key || a.Fields[i].KeyRange != b.Fields[i].KeyRange || !sameTree(a.Fields[i].Value, b.Fields[i].Value) {
			return false
		}
	}
	for i := range a.Elems {
		if !sameTree(a.Elems[i], b.Elems[i]) {
			return false
		}
	}
	return true
}

func dump(n *tree.Node) string {
	v, _ := n.Interface()
	return fmt.Sprintf("%v", v)
}
