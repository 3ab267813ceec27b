package module

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func TestFunctions(t *testing.T) {
	cfg, diags := load(t, "funcs", Options{})
	if d := findDiag(diags, hcl.DiagWarning, "not_a_function", "unknown"); d == nil || d.Subject.Start.Line != 48 {
		t.Errorf("no warning on line 48 for an unknown function: %v", diags)
	}
	noErrors(t, diags)
	body := instance(t, cfg, "test_funcs.f").Body
	cases := []struct {
		attr string
		want cty.Value
	}{
		{"from_file", cty.StringVal("from-file")},
		{"sensitive", cty.StringVal("secret")}, // read as any value, its marks removed (TestSensitive)
		{"rendered_name", cty.StringVal("web")},
		{"rendered_port", cty.NumberIntVal(8080)},
		{"rendered_env", cty.NumberIntVal(2)},
		{"exists", cty.True},
		{"missing", cty.False},
		{"merged", cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.NumberIntVal(2)})},
		{"concat", cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2), cty.NumberIntVal(3)})},
		{"lookup", cty.StringVal("dflt")},
		{"try", cty.StringVal("fallback")},
		{"can", cty.False},
		{"coalesce", cty.StringVal("c")},
		{"format", cty.StringVal("img:3")},
		{"join_split", cty.StringVal("a,b,c")},
		{"length_str", cty.NumberIntVal(5)},
		{"replace_re", cty.StringVal("a#b#c")},
		{"element", cty.StringVal("y")},
		{"tonumber", cty.NumberIntVal(42)},
		{"tostring", cty.StringVal("7")},
		{"sum", cty.NumberFloatVal(6.5)},
		{"one", cty.StringVal("only")},
		{"alltrue", cty.True},
		{"anytrue", cty.True},
		{"startswith", cty.True},
		{"endswith", cty.True},
		{"strcontains", cty.True},
		{"base64", cty.StringVal("hi")},
		{"sha256", cty.StringVal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")},
		{"md5", cty.StringVal("900150983cd24fb0d6963f7d28e17f72")},
		{"cidrsubnet", cty.StringVal("10.0.2.0/24")},
		{"cidrhost", cty.StringVal("10.0.2.5")},
		{"cidrhost_neg", cty.StringVal("10.0.2.254")},
		{"cidrsubnet6", cty.StringVal("fd00:fd12:3456:7800:a200::/72")},
		{"regex", cty.StringVal("web")},
		{"workspace", cty.StringVal("default")},
		{"path_module", cty.StringVal(".")},
		{"path_root", cty.StringVal(".")},
	}
	for _, c := range cases {
		got := body.Value(c.attr)
		if !got.RawEquals(c.want) {
			t.Errorf("%s = %#v, want %#v", c.attr, got, c.want)
		}
	}
	for _, attr := range []string{"timestamp", "unknown_func"} {
		if body.Value(attr).IsKnown() {
			t.Errorf("%s = %#v, want unknown", attr, body.Value(attr))
		}
	}
	if got := body.Value("range"); got.LengthInt() != 3 {
		t.Errorf("range(3) = %#v", got)
	}
	if got := body.Value("flatten"); got.LengthInt() != 3 {
		t.Errorf("flatten = %#v", got)
	}
}

func TestFileAccessStaysInsideRoot(t *testing.T) {
	cfg, diags := load(t, "escape/root", Options{})
	body := instance(t, cfg, "test_escape.e").Body
	for _, attr := range []string{"passwd", "parent", "deep", "exists", "template"} {
		a := body.Attributes[attr]
		if a.Value.IsKnown() {
			t.Errorf("%s = %#v; a read outside the root must stay unknown", attr, a.Value)
		}
		found := false
		for _, d := range diags {
			if d.Severity == hcl.DiagError && d.Subject != nil && d.Subject.Start.Line == a.Range.Start.Line &&
				strings.Contains(d.Detail, "outside the linted directory") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no error saying the path is outside the linted directory: %v", attr, diags)
		}
	}
	if got := body.Value("guarded"); !got.RawEquals(cty.StringVal("refused")) {
		t.Errorf("try(file(outside), ...) = %#v, want the fallback", got)
	}
	for _, v := range body.Attributes {
		if v.Value.IsKnown() && strings.Contains(v.Value.GoString(), "top secret") {
			t.Errorf("%s leaked the secret", v.Name)
		}
	}

	t.Run("allowed dir widens the boundary", func(t *testing.T) {
		cfg, _ := Load(filepath.Join("testdata", "escape", "root"), Options{AllowedDir: filepath.Join("testdata", "escape")})
		if got := instance(t, cfg, "test_escape.e").Body.Value("parent"); !got.RawEquals(cty.StringVal("top secret\n")) {
			t.Errorf("parent = %#v with AllowedDir set to its parent", got)
		}
	})

	t.Run("symlink out of the root", func(t *testing.T) {
		outside := t.TempDir()
		secret := filepath.Join(outside, "secret.json")
		if err := os.WriteFile(secret, []byte(`"s"`), 0o600); err != nil {
			t.Fatal(err)
		}
		root := t.TempDir()
		if err := os.Symlink(secret, filepath.Join(root, "link.json")); err != nil {
			t.Skip("symlinks unavailable:", err)
		}
		if err := os.Symlink("loop2", filepath.Join(root, "loop1")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("loop1", filepath.Join(root, "loop2")); err != nil {
			t.Fatal(err)
		}
		src := `resource "r" "x" {
  link = file("link.json")
  loop = file("loop1")
}
`
		if err := os.WriteFile(filepath.Join(root, "main.tf"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, diags := Load(root, Options{})
		body := instance(t, cfg, "r.x").Body
		if body.Value("link").IsKnown() || findDiag(diags, hcl.DiagError, "outside the linted directory") == nil {
			t.Errorf("a symlink leaving the root was followed: %#v %v", body.Value("link"), diags)
		}
		if body.Value("loop").IsKnown() || findDiag(diags, hcl.DiagWarning, "loop1") == nil {
			t.Errorf("a symlink loop did not give an unknown value and a warning: %v", diags)
		}
	})

	t.Run("size cap", func(t *testing.T) {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "big.txt"), make([]byte, 2048), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "main.tf"), []byte(`resource "r" "x" { v = file("big.txt") }`), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, diags := Load(root, Options{MaxFileSize: 1024})
		if instance(t, cfg, "r.x").Body.Value("v").IsKnown() || findDiag(diags, hcl.DiagWarning, "larger than the limit of 1024 bytes") == nil {
			t.Errorf("a file above the cap was read: %v", diags)
		}
	})
}
