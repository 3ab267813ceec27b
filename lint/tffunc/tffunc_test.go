package tffunc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestFilesResolve(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "root")
	if err := os.MkdirAll(filepath.Join(root, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(root, "sub", "in.txt"), filepath.Join(parent, "out.txt")} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files, err := NewFiles(root, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path    string
		outside bool
		missing bool
	}{
		{"sub/in.txt", false, false},
		{filepath.Join(root, "sub", "in.txt"), false, false},
		{"sub/../sub/in.txt", false, false},
		{"../out.txt", true, false},
		{"../../etc/passwd", true, false},
		{"/etc/passwd", true, false},
		{"../root-sibling/missing", true, false},
		{"sub/missing.txt", false, true},
	}
	for _, c := range cases {
		_, err := files.Read(c.path)
		switch {
		case c.outside && !errors.Is(err, ErrOutside):
			t.Errorf("Read(%q) = %v, want ErrOutside", c.path, err)
		case c.missing && (err == nil || errors.Is(err, ErrOutside)):
			t.Errorf("Read(%q) = %v, want a missing-file error", c.path, err)
		case !c.outside && !c.missing && err != nil:
			t.Errorf("Read(%q) = %v, want success", c.path, err)
		}
	}
}

func TestFunctionsWithoutFiles(t *testing.T) {
	fns := Functions(nil)
	if _, err := fns["file"].Call([]cty.Value{cty.StringVal("x")}); err == nil {
		t.Error("file without a Files must fail")
	}
}

func TestCIDR(t *testing.T) {
	cases := []struct {
		name string
		call func() (cty.Value, error)
		want string
	}{
		{"subnet", func() (cty.Value, error) {
			return cidrSubnetFunc.Call([]cty.Value{cty.StringVal("10.1.0.0/16"), cty.NumberIntVal(4), cty.NumberIntVal(15)})
		}, "10.1.240.0/20"},
		{"host", func() (cty.Value, error) {
			return cidrHostFunc.Call([]cty.Value{cty.StringVal("10.12.112.0/20"), cty.NumberIntVal(268)})
		}, "10.12.113.12"},
		{"netmask", func() (cty.Value, error) { return cidrNetmaskFunc.Call([]cty.Value{cty.StringVal("172.16.0.0/12")}) }, "255.240.0.0"},
	}
	for _, c := range cases {
		got, err := c.call()
		if err != nil || got.AsString() != c.want {
			t.Errorf("%s = %#v, %v; want %s", c.name, got, err, c.want)
		}
	}
	bad := [][]cty.Value{
		{cty.StringVal("10.0.0.0/30"), cty.NumberIntVal(4), cty.NumberIntVal(0)},   // too many bits
		{cty.StringVal("10.0.0.0/16"), cty.NumberIntVal(2), cty.NumberIntVal(4)},   // netnum too large
		{cty.StringVal("10.0.0.0/16"), cty.NumberIntVal(-1), cty.NumberIntVal(0)},  // negative newbits
		{cty.StringVal("nonsense"), cty.NumberIntVal(1), cty.NumberIntVal(0)},      // not a prefix
		{cty.StringVal("10.0.0.0/16"), cty.NumberIntVal(1e9), cty.NumberIntVal(0)}, // huge newbits
	}
	for _, args := range bad {
		if _, err := cidrSubnetFunc.Call(args); err == nil {
			t.Errorf("cidrsubnet%v succeeded, want an error", args)
		}
	}
}

// TestHugeNumbers: numbers beyond a double (1e9999999 takes minutes to write as text) are refused by the
// functions that make numbers, and the cidr functions say so quickly.
func TestHugeNumbers(t *testing.T) {
	fns := Functions(nil)
	huge := cty.MustParseNumberVal("1e9999999")
	for name, args := range map[string][]cty.Value{
		"jsondecode": {cty.StringVal(`{"memory": 2E12201122}`)},
		"tonumber":   {cty.StringVal("1e9999999")},
		"parseint":   {cty.StringVal("1" + strings.Repeat("0", 400)), cty.NumberIntVal(10)},
		"pow":        {cty.NumberIntVal(10), cty.NumberIntVal(400)},
	} {
		if _, err := fns[name].Call(args); err == nil || !strings.Contains(err.Error(), "beyond") {
			t.Errorf("%s(%v): error %v, want one about a number out of range", name, args, err)
		}
	}
	for name, args := range map[string][]cty.Value{
		"jsondecode": {cty.StringVal(`{"memory": 512, "digest": "0e123456"}`)},
		"tonumber":   {cty.StringVal("1e300")},
		"pow":        {cty.NumberIntVal(2), cty.NumberIntVal(64)},
	} {
		if _, err := fns[name].Call(args); err != nil {
			t.Errorf("%s(%v): %v, want a value", name, args, err)
		}
	}
	_, err := cidrSubnetFunc.Call([]cty.Value{cty.StringVal("10.0.0.0/16"), cty.NumberIntVal(8), huge})
	if err == nil || !strings.Contains(err.Error(), "1e+9999999") {
		t.Errorf("cidrsubnet with netnum 1e9999999: %v", err)
	}
	_, err = cidrHostFunc.Call([]cty.Value{cty.StringVal("10.0.0.0/16"), huge})
	if err == nil || !strings.Contains(err.Error(), "1e+9999999") {
		t.Errorf("cidrhost with hostnum 1e9999999: %v", err)
	}
}
