package tree

import (
	"math/big"
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"},
		{"-0", "-0"},
		{"512", "512"},
		{"0.25", "0.25"},
		{"1e6", "1e+06"},
		{"1.7976931348623157e308", "1.7976931348623157e+308"},
		{"2E12201122", "2e+12201122"}, // found by FuzzDecode: formatting it exactly took 40 s
		{"-3.5e9999999", "-3.5e+9999999"},
		{"1e-9999999", "1e-9999999"},
	} {
		f, _, err := big.ParseFloat(tt.in, 10, 512, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatNumber(f); got != tt.want {
			t.Errorf("FormatNumber(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestHugeNumbersInJSON: a task-definition JSON with a number far beyond any double parses, describes and
// converts to JSON values without writing it out in full.
func TestHugeNumbersInJSON(t *testing.T) {
	n, diags := ParseJSON([]byte(`{"memory": 2E12201122, "cpu": 1e-9999999}`), "td.json")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := n.Get("memory").Describe(); got != "the number 2e+12201122" {
		t.Errorf("Describe = %q", got)
	}
	v, ok := n.Interface()
	if !ok {
		t.Fatal("not known")
	}
	m := v.(map[string]any)
	for k, want := range map[string]string{"memory": "2e+12201122", "cpu": "1e-9999999"} {
		if got := string(m[k].(interface{ String() string }).String()); !strings.EqualFold(got, want) {
			t.Errorf("%s = %s, want %s", k, got, want)
		}
	}
	if InRange(n.Get("memory").Num) || InRange(n.Get("cpu").Num) {
		t.Error("InRange accepts numbers beyond a double")
	}
}

func TestMayHoldHugeNumber(t *testing.T) {
	for src, want := range map[string]bool{
		`{"memory": 512, "cpu": "1 vCPU"}`:   false,
		`{"memory": 2E12201122}`:             true,
		`x = 1e-400`:                         true,
		`x = 1.5e+300`:                       true,
		`x = 1e30`:                           false,
		`name = "e1234"`:                     false, // no digit before the e
		strings.Repeat("9", 300):             true,
		"a = " + strings.Repeat("9", 299):    false,
		`image = "repo@sha256:0e1234abc"`:    true, // a false alarm: the caller looks closer
		`{"a": 1}` + strings.Repeat(" ", 10): false,
	} {
		if got := MayHoldHugeNumber([]byte(src)); got != want {
			t.Errorf("MayHoldHugeNumber(%.40q) = %t, want %t", src, got, want)
		}
	}
}
