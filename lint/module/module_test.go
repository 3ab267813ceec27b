package module

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// load loads testdata/<dir> and fails the test on a nil Config.
func load(t *testing.T, dir string, opts Options) (*Config, hcl.Diagnostics) {
	t.Helper()
	cfg, diags := Load(filepath.Join("testdata", dir), opts)
	if cfg == nil {
		t.Fatalf("Load(%s) returned a nil Config", dir)
	}
	return cfg, diags
}

func instance(t *testing.T, cfg *Config, addr string) *Instance {
	t.Helper()
	for _, in := range cfg.Instances {
		if in.Address == addr {
			return in
		}
	}
	var have []string
	for _, in := range cfg.Instances {
		have = append(have, in.Address)
	}
	t.Fatalf("no instance %s; have %v", addr, have)
	return nil
}

func noErrors(t *testing.T, diags hcl.Diagnostics) {
	t.Helper()
	if diags.HasErrors() {
		t.Fatalf("unexpected errors: %s", diags.Error())
	}
}

// findDiag returns the first diagnostic whose summary and detail contain all of parts.
func findDiag(diags hcl.Diagnostics, sev hcl.DiagnosticSeverity, parts ...string) *hcl.Diagnostic {
	for _, d := range diags {
		text := d.Summary + " " + d.Detail
		if d.Subject != nil {
			text += " " + d.Subject.String()
		}
		ok := d.Severity == sev
		for _, p := range parts {
			ok = ok && strings.Contains(text, p)
		}
		if ok {
			return d
		}
	}
	return nil
}

func TestVariables(t *testing.T) {
	dir := filepath.Join("testdata", "vars")
	opts := Options{
		VarFiles: []string{filepath.Join(dir, "extra.tfvars")},
		Vars:     []string{`d=from-var`, `literal=[1, 2]`, `ports=[8080]`},
	}
	cfg, diags := Load(dir, opts)
	noErrors(t, diags)
	body := instance(t, cfg, "test_values.v").Body
	cases := []struct {
		attr string
		want cty.Value
	}{
		{"a", cty.StringVal("from-terraform-tfvars")},               // tfvars beats default
		{"b", cty.StringVal("from-a-auto")},                         // auto.tfvars beats terraform.tfvars
		{"c", cty.StringVal("from-b-auto-json")},                    // later auto file (lexical order) wins
		{"d", cty.StringVal("from-var")},                            // -var beats -var-file
		{"ports", cty.ListVal([]cty.Value{cty.NumberIntVal(8080)})}, // typed: -var parsed as HCL
		{"literal", cty.StringVal("[1, 2]")},                        // string type: -var taken literally
		{"settings", cty.ObjectVal(map[string]cty.Value{"cpu": cty.NumberIntVal(256), "memory": cty.NumberIntVal(512)})},
		{"no_value", cty.UnknownVal(cty.String)},
		{"no_type_no_value", cty.DynamicVal},
		{"derived", cty.UnknownVal(cty.String)},
	}
	for _, c := range cases {
		t.Run(c.attr, func(t *testing.T) {
			got := body.Value(c.attr)
			if got.IsKnown() != c.want.IsKnown() || !got.Type().Equals(c.want.Type()) || (got.IsWhollyKnown() && !got.RawEquals(c.want)) {
				t.Errorf("%s = %#v, want %#v", c.attr, got, c.want)
			}
		})
	}

	t.Run("var file conversion", func(t *testing.T) {
		cfg, diags := Load(dir, Options{VarFiles: []string{filepath.Join(dir, "extra.tfvars")}})
		noErrors(t, diags)
		got := instance(t, cfg, "test_values.v").Body.Value("ports")
		want := cty.ListVal([]cty.Value{cty.NumberIntVal(80), cty.NumberIntVal(443)})
		if !got.RawEquals(want) {
			t.Errorf("ports = %#v, want %#v", got, want)
		}
	})

	errCases := []struct {
		name string
		vars []string
		want []string
	}{
		{"type mismatch", []string{`ports=["x"]`}, []string{"Invalid value for variable", `"ports"`, "list(number)"}},
		{"undeclared", []string{`nope=1`}, []string{"undeclared", `"nope"`}},
		{"no equals", []string{`d`}, []string{"name=value"}},
		{"bad expression", []string{`ports=[`}, []string{"Missing expression", "<value for var.ports>:1,2"}},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			_, diags := Load(dir, Options{Vars: c.vars})
			if findDiag(diags, hcl.DiagError, c.want...) == nil {
				t.Errorf("no error containing %q in %v", c.want, diags)
			}
		})
	}
}
