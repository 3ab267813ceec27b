package module

import (
	"slices"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestSensitive: issensitive, sensitive and nonsensitive see a variable declared sensitive as Terraform does;
// the values kept are unmarked and known, and their strings are listed in Config.Sensitive.
func TestSensitive(t *testing.T) {
	cfg, diags := load(t, "sensitive", Options{})
	noErrors(t, diags)
	body := instance(t, cfg, "test_sensitive.s").Body
	for attr, want := range map[string]cty.Value{
		"password":        cty.StringVal("secret-password"),
		"token":           cty.StringVal("secret-token"),
		"is_var":          cty.True,
		"is_plain":        cty.False,
		"is_fn":           cty.True,
		"nonsensitive":    cty.StringVal("secret-password"),
		"is_nonsensitive": cty.False,
		"length":          cty.NumberIntVal(15),
		"json":            cty.StringVal(`{"p":"secret-password"}`),
	} {
		if got := body.Value(attr); !got.RawEquals(want) {
			t.Errorf("%s = %#v, want %#v", attr, got, want)
		}
	}
	for _, s := range []string{"secret-password", "secret-token", `{"p":"secret-password"}`} {
		if !slices.Contains(cfg.Sensitive, s) {
			t.Errorf("Sensitive %q lacks %q", cfg.Sensitive, s)
		}
	}
	if slices.Contains(cfg.Sensitive, "plain-value") {
		t.Errorf("Sensitive %q holds a value that is not sensitive", cfg.Sensitive)
	}
}
