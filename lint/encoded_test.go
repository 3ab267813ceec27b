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

// TestFromEncodedMatchesFromExpr checks that reading a jsonencode argument back from its JSON gives the tree
// that evaluating the argument again gives, ranges included, or nil (the caller then evaluates).
func TestFromEncodedMatchesFromExpr(t *testing.T) {
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
			"name":   cty.StringVal("web \"x\" é"),
			"ports":  cty.ListVal([]cty.Value{cty.NumberIntVal(80), cty.NumberIntVal(443)}),
			"tags":   cty.MapVal(map[string]cty.Value{"b": cty.StringVal("2"), "a": cty.StringVal("1")}),
			"set":    cty.SetVal([]cty.Value{cty.StringVal("z"), cty.StringVal("y")}),
			"empty":  cty.ListValEmpty(cty.String),
			"nomap":  cty.MapValEmpty(cty.String),
			"null":   cty.NullVal(cty.String),
			"secret": cty.StringVal("s").Mark("sensitive"),
			"third":  cty.NumberFloatVal(1.0 / 3),
		})},
		Functions: tffunc.Functions(nil),
	}
	cases := map[string]bool{ // expression: whether fromEncoded must answer (false: nil, fall back)
		`jsonencode([{name = var.name, cpu = 256}])`: true,
		`jsonencode([{memory = 0.1}])`:               true,
		`jsonencode([{big = 1e300}])`:                true,
		`jsonencode([{neg = -0}])`:                   true,
		`jsonencode([{third = var.third}])`:          true,
		`jsonencode([{x = 1/3}])`:                    true,
		`jsonencode([{name = "${var.name}-app", portMappings = [for p in var.ports : {containerPort = p}]}])`:              true,
		`jsonencode({tags = var.tags, set = var.set, empty = var.empty, nomap = var.nomap, n = var.null, e = [], o = {}})`: true,
		`jsonencode([{ "quoted key" = true, (var.name) = false }])`:                                                        true,
		`jsonencode(var.tags)`:                    true,
		`jsonencode([{a = 1, a = 2}])`:            false, // repeated key: FromExpr keeps both
		`jsonencode([{(1) = "x"}])`:               false,
		`jsonencode([{secret = var.secret}])`:     false, // marked: the JSON is marked
		`jsonencode([{name = var.unknown_attr}])`: false, // an error: no JSON
	}
	for src, answers := range cases {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "t.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		call := expr.(*hclsyntax.FunctionCallExpr)
		enc, _ := expr.Value(ctx)
		got := fromEncoded(call.Args[0], ctx, enc)
		if got == nil {
			if answers {
				t.Errorf("%s: fromEncoded gave nil", src)
			}
			continue
		}
		if !answers {
			t.Errorf("%s: fromEncoded answered; it must fall back", src)
			continue
		}
		want, diags := tree.FromExpr(call.Args[0], ctx)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		if !sameTree(got, want) {
			t.Errorf("%s: fromEncoded and tree.FromExpr differ:\n got %s\nwant %s", src, dump(got), dump(want))
		}
	}
}

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

// sameTree compares two trees. Numbers compare by what the checks see of them: their text and whether they are
// whole. (A number a function computed in float64, like var.third, comes back from the JSON at cty's full
// precision: the same text, the same whole-number test, a different big.Float.)
func sameTree(a, b *tree.Node) bool {
	if a.Kind != b.Kind || a.Range != b.Range || a.Str != b.Str || a.Bool != b.Bool ||
		len(a.Fields) != len(b.Fields) || len(a.Elems) != len(b.Elems) ||
		(a.Fields == nil) != (b.Fields == nil) || (a.Elems == nil) != (b.Elems == nil) {
		return false
	}
	if (a.Num == nil) != (b.Num == nil) || a.Num != nil && (a.Num.Text('g', -1) != b.Num.Text('g', -1) || a.Num.IsInt() != b.Num.IsInt() || a.Num.Signbit() != b.Num.Signbit()) {
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
