package module

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/zclconf/go-cty/cty"
)

// taskDefinitionEvaluator is a stand-in for the provider's ecskit_task_definition: it joins the containers into
// container_definitions and counts volumes, and stays unknown where its input is unknown.
func taskDefinitionEvaluator(calls *int) map[string]DataSource {
	return map[string]DataSource{"ecskit_task_definition": {
		Spec: hcldec.ObjectSpec{
			"family":     &hcldec.AttrSpec{Name: "family", Type: cty.String, Required: true},
			"containers": &hcldec.AttrSpec{Name: "containers", Type: cty.List(cty.String)},
			"volume": &hcldec.BlockListSpec{TypeName: "volume", Nested: hcldec.ObjectSpec{
				"name": &hcldec.AttrSpec{Name: "name", Type: cty.String},
			}},
		},
		Eval: func(config cty.Value) (cty.Value, hcl.Diagnostics) {
			*calls++
			containers := config.GetAttr("containers")
			defs := cty.UnknownVal(cty.String)
			if containers.IsWhollyKnown() {
				var parts []string
				for it := containers.ElementIterator(); it.Next(); {
					_, v := it.Element()
					parts = append(parts, v.AsString())
				}
				defs = cty.StringVal("[" + strings.Join(parts, ",") + "]")
			}
			return cty.ObjectVal(map[string]cty.Value{
				"family":                config.GetAttr("family"),
				"container_definitions": defs,
				"volume_count":          cty.NumberIntVal(int64(config.GetAttr("volume").LengthInt())),
			}), nil
		},
	}}
}

func TestLocalsAndDataSources(t *testing.T) {
	calls := 0
	cfg, diags := load(t, "locals", Options{DataSources: taskDefinitionEvaluator(&calls)})
	noErrors(t, diags)
	body := instance(t, cfg, "aws_ecs_task_definition.this").Body
	if got := body.Value("family"); !got.RawEquals(cty.StringVal("PROD-web")) {
		t.Errorf("family = %#v, want PROD-web (locals across files, out of order)", got)
	}
	want := `[{"image":"nginx","name":"PROD-web"}]`
	if got := body.Value("container_definitions"); !got.RawEquals(cty.StringVal(want)) {
		t.Errorf("container_definitions = %#v, want %s (local → data → local)", got, want)
	}
	if calls != 1 {
		t.Errorf("evaluator called %d times, want 1", calls)
	}
	if d := instance(t, cfg, "data.ecskit_task_definition.app"); d.Mode != Data || d.Body.Value("family").AsString() != "PROD-web" {
		t.Errorf("data instance = %+v", d)
	}
}

func TestDataSourceEvaluator(t *testing.T) {
	calls := 0
	cfg, diags := load(t, "datasource", Options{DataSources: taskDefinitionEvaluator(&calls)})
	noErrors(t, diags)
	body := instance(t, cfg, "aws_ecs_task_definition.app").Body
	cases := []struct {
		attr string
		want cty.Value
	}{
		{"family", cty.StringVal("app")},
		{"container_definitions", cty.StringVal(`[{"image":"nginx:1","name":"web"}]`)},
		{"volumes", cty.NumberIntVal(2)}, // one block + one from dynamic
		{"each_a", cty.StringVal("a")},
		{"unknown", cty.UnknownVal(cty.String)},
		{"policy", cty.DynamicVal},
	}
	for _, c := range cases {
		got := body.Value(c.attr)
		if !got.RawEquals(c.want) {
			t.Errorf("%s = %#v, want %#v", c.attr, got, c.want)
		}
	}
	// app, each[a], each[b], unknown.
	if calls != 4 {
		t.Errorf("evaluator called %d times, want 4", calls)
	}
	t.Run("without evaluator", func(t *testing.T) {
		cfg, diags := load(t, "datasource", Options{})
		noErrors(t, diags)
		if got := instance(t, cfg, "aws_ecs_task_definition.app").Body.Value("family"); got.IsKnown() {
			t.Errorf("family = %#v, want unknown", got)
		}
	})
	t.Run("evaluator without spec", func(t *testing.T) {
		sources := map[string]DataSource{"ecskit_task_definition": {}}
		_, diags := load(t, "datasource", Options{DataSources: sources})
		if findDiag(diags, hcl.DiagError, "needs both a Spec and an Eval") == nil {
			t.Errorf("no error for an incomplete evaluator: %v", diags)
		}
		if len(sources) != 1 {
			t.Error("Load changed the caller's DataSources map, which concurrent Loads may share")
		}
	})
}

func TestLocalCycle(t *testing.T) {
	cfg, diags := load(t, "cycle", Options{})
	d := findDiag(diags, hcl.DiagError, "Reference cycle", "local.a (", "local.b (")
	if d == nil {
		t.Fatalf("no cycle error naming both locals: %v", diags)
	}
	// Both ranges: one as the subject, both in the detail.
	for _, rng := range []string{"main.tf:2,3-14", "main.tf:7,3-21"} {
		if !strings.Contains(d.Detail+d.Subject.String(), rng) {
			t.Errorf("cycle diagnostic lacks range %s: %s (subject %s)", rng, d.Detail, d.Subject)
		}
	}
	body := instance(t, cfg, "test_r.r").Body
	if body.Value("a").IsKnown() {
		t.Errorf("a local in a cycle must be unknown, got %#v", body.Value("a"))
	}
	if got := body.Value("ok"); !got.RawEquals(cty.StringVal("fine")) {
		t.Errorf("ok = %#v; a cycle must not stop other locals", got)
	}
}

func TestLongLocalChain(t *testing.T) {
	// A long chain neither overflows the stack nor takes quadratic time; the closing reference makes a cycle.
	dir := t.TempDir()
	var b strings.Builder
	const n = 5000
	b.WriteString("locals {\n  l0 = 1\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  l%d = local.l%d + 1\n", i, i-1)
	}
	b.WriteString("}\nresource \"r\" \"x\" {\n  v = local.l" + fmt.Sprint(n-1) + "\n}\n")
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, diags := Load(dir, Options{})
	noErrors(t, diags)
	if got := cfg.Instances[0].Body.Value("v"); !got.RawEquals(cty.NumberIntVal(n)) {
		t.Errorf("v = %#v, want %d", got, n)
	}
}

func TestExpansion(t *testing.T) {
	cfg, diags := load(t, "expand", Options{})
	if d := findDiag(diags, hcl.DiagError, "for_each needs a map or a set of strings", "toset"); d == nil || d.Subject.Start.Line != 38 {
		t.Errorf("no error on line 38 for for_each over a list: %v", diags)
	}
	names := func(prefix string) map[string]cty.Value {
		out := map[string]cty.Value{}
		for _, in := range cfg.Instances {
			if strings.HasPrefix(in.Address, prefix) {
				out[in.Address] = in.Body.Value("name")
			}
		}
		return out
	}
	cases := []struct {
		prefix string
		want   map[string]cty.Value
	}{
		{"aws_security_group.counted", map[string]cty.Value{
			"aws_security_group.counted[0]": cty.StringVal("sg-0"), "aws_security_group.counted[1]": cty.StringVal("sg-1")}},
		{"aws_security_group.each_map", map[string]cty.Value{
			`aws_security_group.each_map["http"]`: cty.StringVal("http-80"), `aws_security_group.each_map["https"]`: cty.StringVal("https-443")}},
		{"aws_security_group.each_set", map[string]cty.Value{
			`aws_security_group.each_set["a"]`: cty.StringVal("a"), `aws_security_group.each_set["b"]`: cty.StringVal("b"),
			`aws_security_group.each_set["c"]`: cty.StringVal("c")}},
		{"aws_security_group.zero", map[string]cty.Value{}},
		{"aws_security_group.unknown_each", map[string]cty.Value{"aws_security_group.unknown_each[*]": cty.UnknownVal(cty.String)}},
		{"aws_security_group.unknown_count", map[string]cty.Value{"aws_security_group.unknown_count[*]": cty.UnknownVal(cty.String)}},
	}
	for _, c := range cases {
		t.Run(c.prefix, func(t *testing.T) {
			got := names(c.prefix)
			if len(got) != len(c.want) {
				t.Fatalf("instances %v, want %v", got, c.want)
			}
			for addr, w := range c.want {
				if g, ok := got[addr]; !ok || g.IsKnown() != w.IsKnown() || (w.IsKnown() && !g.RawEquals(w)) {
					t.Errorf("%s name = %#v, want %#v", addr, g, w)
				}
			}
		})
	}
	unk := instance(t, cfg, "aws_security_group.unknown_each[*]")
	if !unk.UnknownCount || unk.Body.Value("description").AsString() != "static" {
		t.Errorf("unknown for_each: UnknownCount=%v description=%#v; want true and a known static value", unk.UnknownCount, unk.Body.Value("description"))
	}
	if instance(t, cfg, "aws_security_group.counted[0]").UnknownCount {
		t.Error("a known count must not set UnknownCount")
	}

	t.Run("dynamic", func(t *testing.T) {
		body := instance(t, cfg, "aws_security_group.dyn").Body
		ingress := body.BlocksOfType("ingress")
		if len(ingress) != 3 {
			t.Fatalf("%d ingress blocks, want 3 (2 dynamic + 1 static)", len(ingress))
		}
		want := []struct {
			port int64
			desc cty.Value
		}{{80, cty.StringVal("http")}, {443, cty.StringVal("https")}, {22, cty.NullVal(cty.DynamicPseudoType)}}
		for i, w := range want {
			b := ingress[i].Body
			if !b.Value("from_port").RawEquals(cty.NumberIntVal(w.port)) || !b.Value("description").RawEquals(w.desc) {
				t.Errorf("ingress[%d] = from_port %#v description %#v, want %d %#v", i, b.Value("from_port"), b.Value("description"), w.port, w.desc)
			}
		}
		// The attribute's context re-evaluates sub-expressions that use the iterator.
		a := ingress[1].Body.Attributes["cidr_blocks"]
		v, d := a.Expr.Value(a.Ctx)
		if d.HasErrors() || v.LengthInt() != 1 {
			t.Errorf("re-evaluating cidr_blocks in its Ctx: %#v %v", v, d)
		}
		if ingress[0].DefRange.Start.Line != 42 {
			t.Errorf("dynamic block DefRange line = %d, want 42", ingress[0].DefRange.Start.Line)
		}
	})
	t.Run("nested dynamic", func(t *testing.T) {
		body := instance(t, cfg, "aws_ecs_service.nested_dyn").Body
		cps := body.BlocksOfType("capacity_provider_strategy")
		if len(cps) != 2 || cps[0].Body.Value("capacity_provider").AsString() != "FARGATE_SPOT" {
			t.Fatalf("capacity_provider_strategy blocks = %d, first %#v", len(cps), cps)
		}
		inner := cps[1].Body.BlocksOfType("inner")
		if len(inner) != 2 || inner[1].Body.Value("outer").AsString() != "FARGATE" || !inner[1].Body.Value("n").RawEquals(cty.NumberIntVal(2)) {
			t.Errorf("inner blocks wrong: %d", len(inner))
		}
		ops := body.BlocksOfType("ordered_placement_strategy")
		if len(ops) != 1 || !ops[0].UnknownCount || ops[0].Body.Value("type").AsString() != "spread" || ops[0].Body.Value("field").IsKnown() {
			t.Errorf("dynamic over an unknown value must give one UnknownCount block with unknown iterator values: %+v", ops)
		}
	})
}

func TestExpansionBounds(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"count", `resource "r" "x" { count = 10001 }`, "expands at most 10000"},
		{"for_each", `resource "r" "x" { for_each = { for i in range(1000) : tostring(i) => i } }`, ""},
		{"negative", `resource "r" "x" { count = -1 }`, "whole number"},
		{"fraction", `resource "r" "x" { count = 1.5 }`, "whole number"},
		{"null", `resource "r" "x" { count = null }`, "null"},
		{"both", `resource "r" "x" {
  count    = 1
  for_each = {}
}`, "mutually exclusive"},
		{"dynamic", `resource "r" "x" {
  dynamic "b" {
    for_each = null
    content {}
  }
}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(c.src), 0o600); err != nil {
				t.Fatal(err)
			}
			_, diags := Load(dir, Options{})
			if c.want == "" {
				noErrors(t, diags)
				return
			}
			if findDiag(diags, hcl.DiagError, c.want) == nil {
				t.Errorf("no error containing %q: %v", c.want, diags)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	cfg, diags := load(t, "parseerror", Options{})
	d := findDiag(diags, hcl.DiagError, "parseerror/main.tf:3,19")
	if d == nil {
		t.Fatalf("no parse error with a range in main.tf: %v", diags)
	}
	// The other file still loads.
	instance(t, cfg, "aws_ecs_cluster.this")
	if len(cfg.Files) != 2 {
		t.Errorf("Files has %d entries, want 2", len(cfg.Files))
	}
}

// TestTypesLimitEvaluation: with Options.Types, blocks of other types are not evaluated (no warning about the
// unknown function in the IAM role) and not in Instances; the root module's outputs are never evaluated, while
// a child module's outputs are, as the caller reads them.
func TestTypesLimitEvaluation(t *testing.T) {
	cfg, diags := load(t, "types", Options{Types: map[string]bool{"aws_ecs_task_definition": true}})
	if len(diags) > 0 {
		t.Errorf("diagnostics %v; want none: the role and the root output are not evaluated", diags)
	}
	if got := instance(t, cfg, "aws_ecs_task_definition.this").Body.Value("family"); !got.RawEquals(cty.StringVal("web-family")) {
		t.Errorf("family = %#v, want web-family from the child module's output", got)
	}
	for _, in := range cfg.Instances {
		if in.Type != "aws_ecs_task_definition" {
			t.Errorf("instance %s is of a type not asked for", in.Address)
		}
	}

	// Without Types, the role is evaluated: its problem is reported.
	cfg, diags = load(t, "types", Options{})
	instance(t, cfg, "aws_iam_role.task")
	if !strings.Contains(diags.Error(), "no_such_function") {
		t.Errorf("without Types, diagnostics %v; want the role's call of an unknown function", diags)
	}
}
