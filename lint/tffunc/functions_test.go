package tffunc

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// TestUnknowable: the functions whose results are known only at apply return unknown values of their type, and
// nothing else in the table returns an unknown value for known arguments (TestConsole checks the rest).
func TestUnknowable(t *testing.T) {
	fns := Functions(nil)
	calls := map[string][]cty.Value{
		"bcrypt":        {cty.StringVal("secret")},
		"plantimestamp": nil,
		"timestamp":     nil,
		"uuid":          nil,
	}
	if len(calls) != len(Unknowable) {
		t.Fatalf("Unknowable is %v; this test covers %d functions", Unknowable, len(calls))
	}
	for _, name := range Unknowable {
		args, ok := calls[name]
		if !ok {
			t.Fatalf("no call for %s", name)
		}
		v, err := fns[name].Call(args)
		if err != nil || v.IsKnown() || v.Type() != cty.String {
			t.Errorf("%s(%v) = %#v, %v; want an unknown string", name, args, v, err)
		}
	}
}

// TestLookupDefaults: lookup with a null default returns null, as Terraform does (go-cty's lookup refuses it).
func TestLookupDefaults(t *testing.T) {
	cases := map[string]cty.Value{
		`lookup({ a = 1 }, "b", null)`:               cty.NullVal(cty.DynamicPseudoType),
		`lookup(tomap({ a = "x" }), "b", null)`:      cty.NullVal(cty.String),
		`lookup(tomap({ a = "x" }), "a", null)`:      cty.StringVal("x"),
		`lookup({ a = 1 }, "a", null)`:               cty.NumberIntVal(1),
		`lookup({ a = 1, b = "x" }, "c", "d")`:       cty.StringVal("d"),
		`lookup(tomap({ a = 1 }), "z", "2")`:         cty.NumberIntVal(2),
		`lookup({ a = { b = true } }, "a", null).b`:  cty.True,
		`coalesce(lookup({}, "k", null), "default")`: cty.StringVal("default"),
	}
	for src, want := range cases {
		got, diags := eval(t, src, Functions(nil))
		if diags.HasErrors() || !got.RawEquals(want) {
			t.Errorf("%s = %#v (%s), want %#v", src, got, diags.Error(), want)
		}
	}
	for _, src := range []string{`lookup({ a = 1 }, "b")`, `lookup(tomap({ a = 1 }), "b", "x")`, `lookup("s", "a", 1)`} {
		if _, diags := eval(t, src, Functions(nil)); !diags.HasErrors() {
			t.Errorf("%s: no error", src)
		}
	}
}

func eval(t *testing.T, src string, fns map[string]function.Function) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", src, diags.Error())
	}
	return expr.Value(&hcl.EvalContext{Functions: fns})
}

// oddValues are arguments no function should panic on.
var oddValues = []cty.Value{
	cty.NullVal(cty.DynamicPseudoType),
	cty.DynamicVal,
	cty.UnknownVal(cty.String),
	cty.NullVal(cty.String),
	cty.StringVal(""),
	cty.StringVal("~"),
	cty.StringVal("../../../etc/passwd"),
	cty.StringVal("/"),
	cty.StringVal("**"),
	cty.StringVal("${x}"),
	cty.StringVal("10.0.0.0/8"),
	cty.StringVal("::/0"),
	cty.StringVal("2017-11-22T00:00:00Z"),
	cty.StringVal("UTF-16"),
	cty.StringVal("\xff\xfe"),
	cty.NumberIntVal(-1),
	cty.NumberIntVal(0),
	cty.NumberIntVal(1 << 40),
	cty.NumberFloatVal(0.5),
	cty.MustParseNumberVal("1e400"),
	cty.True,
	cty.StringVal("x").Mark(Sensitive),
	cty.EmptyObjectVal,
	cty.EmptyTupleVal,
	cty.ListValEmpty(cty.String),
	cty.SetValEmpty(cty.Number),
	cty.MapValEmpty(cty.Bool),
	cty.ListVal([]cty.Value{cty.UnknownVal(cty.String)}),
	cty.ListVal([]cty.Value{cty.NullVal(cty.Bool)}),
	cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.StringVal("a"), cty.NullVal(cty.DynamicPseudoType)}),
	cty.ObjectVal(map[string]cty.Value{"a": cty.UnknownVal(cty.List(cty.String)), "b": cty.NullVal(cty.Number)}),
	cty.MapVal(map[string]cty.Value{"k": cty.ListVal([]cty.Value{cty.StringVal("v")})}),
}

// TestOddArguments calls every function with every odd value in each position, up to three arguments: no call
// may panic (a panic in the evaluator stops ecslint), whether it returns a value or an error.
func TestOddArguments(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	files, err := NewFiles(dir, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	fns := Functions(files)
	names := make([]string, 0, len(fns))
	for name := range fns {
		if !strings.HasPrefix(name, "core::") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	valid := cty.StringVal("f.txt")
	for _, name := range names {
		fn := fns[name]
		call := func(args []cty.Value) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s%#v panics: %v", name, args, r)
				}
			}()
			_, _ = fn.Call(args)
		}
		call(nil)
		for _, a := range oddValues {
			call([]cty.Value{a})
			for _, b := range oddValues {
				call([]cty.Value{a, b})
				call([]cty.Value{valid, a, b})
				call([]cty.Value{a, valid, b})
			}
		}
	}
}

// TestFilesetStaysInside: fileset lists only inside the allowed directory, whatever the pattern or the links.
func TestFilesetStaysInside(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "root")
	outside := filepath.Join(parent, "outside")
	for _, d := range []string{filepath.Join(root, "sub"), outside} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(root, "a.txt"), filepath.Join(root, "sub", "b.txt"), filepath.Join(outside, "secret.txt")} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "sub", "secret-link.txt")); err != nil {
		t.Fatal(err)
	}
	files, err := NewFiles(root, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := files.Glob(".", "**")
	if want := "a.txt sub/b.txt"; err != nil || strings.Join(got, " ") != want {
		t.Errorf(`Glob(".", "**") = %q, %v; want %s (nothing through the links out)`, got, err, want)
	}
	for _, c := range [][2]string{{"..", "*"}, {".", "../*"}, {"sub", "../../outside/*"}, {"link", "*"}, {"/", "*"}} {
		if names, err := files.Glob(c[0], c[1]); !errors.Is(err, ErrOutside) {
			t.Errorf("Glob(%q, %q) = %q, %v; want ErrOutside", c[0], c[1], names, err)
		}
	}
}

// TestYAMLAliasBomb: a YAML document whose aliases stand for a billion values is refused, quickly.
func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	_, err := Functions(nil)["yamldecode"].Call([]cty.Value{cty.StringVal(b.String())})
	if err == nil || !strings.Contains(err.Error(), "aliases") {
		t.Errorf("yamldecode of a billion laughs: %v, want an error about aliases", err)
	}
	v, err := Functions(nil)["yamldecode"].Call([]cty.Value{cty.StringVal("a: &x [1, 2]\nb: *x\n")})
	if err != nil || v.GetAttr("b").LengthInt() != 2 {
		t.Errorf("yamldecode with a small alias: %#v, %v", v, err)
	}
}

// FuzzFunctions evaluates any expression with the whole function table over a directory of files: no panic.
// Seeds are the calls of testdata/console_calls.txt.
func FuzzFunctions(f *testing.F) {
	src, err := os.ReadFile(filepath.Join("testdata", "console_calls.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		if line = strings.TrimPrefix(strings.TrimSpace(line), "!unknown "); line != "" && !strings.HasPrefix(line, "#") {
			f.Add(line)
		}
	}
	files, err := NewFiles(filepath.Join("testdata", "console"), "", 0)
	if err != nil {
		f.Fatal(err)
	}
	fns := Functions(files)
	f.Fuzz(func(t *testing.T, src string) {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "fuzz.tf", hcl.InitialPos)
		if diags.HasErrors() {
			return
		}
		_, _ = expr.Value(&hcl.EvalContext{Functions: fns})
	})
}
