package tffunc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/ecskit/terraform-provider-ecskit/internal/functions"
)

// withEcskitProvider builds the provider from this tree and makes terraform use it through dev_overrides (a
// CLI configuration in TF_CLI_CONFIG_FILE for the rest of the test), as lint's terraform tests and
// scripts/demo.sh do; nothing is downloaded. It returns terraform's binary. Skipped without TF_ACC: it builds
// and runs the provider, as the provider's acceptance tests do.
func withEcskitProvider(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("builds the ecskit provider and runs it under terraform; set TF_ACC=1 (make test does)")
	}
	bin := terraformBinary(t)
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-ecskit"), "github.com/ecskit/terraform-provider-ecskit")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := filepath.Join(t.TempDir(), "terraformrc")
	cfg := "provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/ecskit/ecskit\" = \"" + dir + "\"\n  }\n  direct {}\n}\n"
	if err := os.WriteFile(rc, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_CLI_CONFIG_FILE", rc)
	return bin
}

// knownDiagDifferences are the failing calls whose diagnostics differ on purpose between ecslint and
// Terraform, with the reason; the test checks that they still differ.
var knownDiagDifferences = map[string]string{
	`provider::ecskit::fargate_size([1024], 2048)`: "the message of a type conversion is go-cty's, and ecslint's go-cty " +
		"is newer than Terraform 1.11's: it adds \", but have tuple\"",
}

// TestEcskitFunctions evaluates every call in testdata/ecskit_calls.txt with ecslint's function table and with
// terraform console running the ecskit provider built from this tree, and compares them as TestConsole does
// (failure, type, value). Then it plans the calls that fail, one output each, and compares terraform's
// diagnostics with ecslint's: summary, detail and the place in the file, line and column.
func TestEcskitFunctions(t *testing.T) {
	bin := withEcskitProvider(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "ecskit"))); err != nil {
		t.Fatal(err)
	}
	ctx := &hcl.EvalContext{Functions: Functions(nil)}
	ctx.Variables = map[string]cty.Value{"local": consoleLocals(t, dir, ctx)}
	calls := readConsoleCalls(t, "ecskit_calls.txt")
	failing := compareWithConsole(t, bin, dir, calls, ctx)
	if len(failing) == 0 || len(failing) == len(calls) {
		t.Fatalf("%d of %d calls fail in Terraform; the test needs both kinds", len(failing), len(calls))
	}

	// The failing calls, one output each, in a file of their own.
	var src strings.Builder
	lines := map[int]string{} // the line of each output's value, to its call
	line := 1
	for i, expr := range failing {
		fmt.Fprintf(&src, "output \"e%04d\" {\n  value = %s\n}\n", i, expr)
		lines[line+1] = expr
		line += 3
	}
	if err := os.WriteFile(filepath.Join(dir, "errors.tf"), []byte(src.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	tfDiags := planErrors(t, bin, dir)

	f, diags := hclsyntax.ParseConfig([]byte(src.String()), "errors.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		attr := b.Body.Attributes["value"]
		at := attr.Expr.Range().Start.Line
		_, diags := attr.Expr.Value(ctx)
		var got []string
		for _, d := range diags {
			got = append(got, diagString(d.Severity == hcl.DiagError, d.Summary, d.Detail, d.Subject))
		}
		want := tfDiags[at]
		if reason, known := knownDiagDifferences[lines[at]]; known {
			if strings.Join(got, "\n") == strings.Join(want, "\n") {
				t.Errorf("%s: ecslint's diagnostics now are Terraform's; drop it from knownDiagDifferences (%s)", lines[at], reason)
			}
		} else if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n ecslint:   %s\n terraform: %s", lines[at], strings.Join(got, "\n            "), strings.Join(want, "\n            "))
		}
		delete(tfDiags, at)
	}
	for at, d := range tfDiags {
		t.Errorf("terraform reports at errors.tf line %d, where no call is: %s", at, d)
	}
}

func diagString(isError bool, summary, detail string, rng *hcl.Range) string {
	sev := "warning"
	if isError {
		sev = "error"
	}
	place := "(no place)"
	if rng != nil {
		place = fmt.Sprintf("%s:%d,%d-%d,%d", rng.Filename, rng.Start.Line, rng.Start.Column, rng.End.Line, rng.End.Column)
	}
	return fmt.Sprintf("%s %s: %s: %s", place, sev, summary, detail)
}

// planErrors runs terraform plan -json in dir and returns its diagnostics about errors.tf by the line they start
// on (the warning about dev_overrides is left out).
func planErrors(t *testing.T, bin, dir string) map[int][]string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := terraformCmd(bin, dir, "", "plan", "-json", "-input=false", "-lock=false")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err == nil {
		t.Fatalf("terraform plan succeeded on calls that fail in terraform console:\n%s", stdout.String())
	}
	type pos struct{ Line, Column int }
	out := map[int][]string{}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var msg struct {
			Type       string `json:"type"`
			Diagnostic struct {
				Severity, Summary, Detail string
				Range                     *struct {
					Filename   string
					Start, End pos
				}
			} `json:"diagnostic"`
		}
		if err := json.Unmarshal(sc.Bytes(), &msg); err != nil {
			t.Fatalf("terraform plan -json wrote a line that is not JSON: %v\n%s", err, sc.Text())
		}
		d := msg.Diagnostic
		if msg.Type != "diagnostic" || d.Summary == "Provider development overrides are in effect" {
			continue
		}
		if d.Range == nil || d.Range.Filename != "errors.tf" {
			t.Fatalf("terraform plan reports a problem outside errors.tf: %s: %s %s\n%s", d.Severity, d.Summary, d.Detail, stderr.String())
		}
		r := &hcl.Range{Filename: d.Range.Filename, Start: hcl.Pos{Line: d.Range.Start.Line, Column: d.Range.Start.Column},
			End: hcl.Pos{Line: d.Range.End.Line, Column: d.Range.End.Column}}
		out[r.Start.Line] = append(out[r.Start.Line], diagString(d.Severity == "error", d.Summary, d.Detail, r))
	}
	if len(out) == 0 {
		t.Fatalf("terraform plan failed without diagnostics:\n%s%s", stdout.String(), stderr.String())
	}
	return out
}

// TestEcskitSignatures: ecslint has exactly the functions the provider declares (`terraform providers schema
// -json`), with the same parameters, variadic parameter and return type.
func TestEcskitSignatures(t *testing.T) {
	bin := withEcskitProvider(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "ecskit"))); err != nil {
		t.Fatal(err)
	}
	out, err := terraformCmd(bin, dir, "", "providers", "schema", "-json").Output()
	if err != nil {
		t.Fatalf("terraform providers schema -json: %v", err)
	}
	type param struct {
		Name string          `json:"name"`
		Type json.RawMessage `json:"type"`
	}
	var schema struct {
		Providers map[string]struct {
			Functions map[string]struct {
				Parameters []param         `json:"parameters"`
				Variadic   *param          `json:"variadic_parameter"`
				Return     json.RawMessage `json:"return_type"`
			} `json:"functions"`
		} `json:"provider_schemas"`
	}
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	if err := json.Unmarshal(lines[len(lines)-1], &schema); err != nil {
		t.Fatalf("terraform providers schema -json: %v", err)
	}
	declared := schema.Providers["registry.terraform.io/ecskit/ecskit"].Functions
	if len(declared) == 0 {
		t.Fatal("the provider declares no functions")
	}
	fns := Functions(nil)
	var ours []string
	for name := range fns {
		if n, ok := strings.CutPrefix(name, functions.Namespace); ok {
			ours = append(ours, n)
		}
	}
	sort.Strings(ours)
	var theirs []string
	for name := range declared {
		theirs = append(theirs, name)
	}
	sort.Strings(theirs)
	if strings.Join(ours, " ") != strings.Join(theirs, " ") {
		t.Fatalf("ecslint has the ecskit functions %v, the provider declares %v", ours, theirs)
	}
	typ := func(raw json.RawMessage) cty.Type {
		ty, err := ctyjson.UnmarshalType(raw)
		if err != nil {
			t.Fatalf("type %s: %v", raw, err)
		}
		return ty
	}
	sig := func(params []function.Parameter, varParam *function.Parameter, ret cty.Type) string {
		var b strings.Builder
		for _, p := range params {
			fmt.Fprintf(&b, "%s %s, ", p.Name, typeString(p.Type))
		}
		if varParam != nil {
			fmt.Fprintf(&b, "%s... %s", varParam.Name, typeString(varParam.Type))
		}
		return b.String() + ") " + typeString(ret)
	}
	for _, name := range theirs {
		d := declared[name]
		var params []function.Parameter
		for _, p := range d.Parameters {
			params = append(params, function.Parameter{Name: p.Name, Type: typ(p.Type)})
		}
		var varParam *function.Parameter
		if d.Variadic != nil {
			varParam = &function.Parameter{Name: d.Variadic.Name, Type: typ(d.Variadic.Type)}
		}
		want := sig(params, varParam, typ(d.Return))
		fn := fns[functions.Namespace+name]
		args := make([]cty.Type, len(fn.Params()))
		for i, p := range fn.Params() {
			args[i] = p.Type
		}
		ret, err := fn.ReturnType(args)
		if err != nil {
			t.Fatal(err)
		}
		if got := sig(fn.Params(), fn.VarParam(), ret); got != want {
			t.Errorf("%s: ecslint's signature (%s, the provider's (%s", name, got, want)
		}
	}
}

func TestEcskitLocalNames(t *testing.T) {
	for src, want := range map[string]bool{
		"ecskit/ecskit": true, "registry.terraform.io/ecskit/ecskit": true, "registry.opentofu.org/EcsKit/ecskit": true,
		"hashicorp/aws": false, "ecskit/other": false, "ecskit": false, "a/b/ecskit/ecskit": false, "": false,
	} {
		if got := IsEcskitSource(src); got != want {
			t.Errorf("IsEcskitSource(%q) = %v, want %v", src, got, want)
		}
	}
	if fn, ok := EcskitFunction("provider::ek::fargate_size", []string{"x", "ek"}); !ok || fn.VarParam() == nil || fn.VarParam().Name != "operating_system_family" {
		t.Errorf("provider::ek::fargate_size with ek the ecskit provider is not fargate_size")
	}
	for _, name := range []string{"provider::ek::fargate_sise", "provider::other::fargate_size"} {
		if _, ok := EcskitFunction(name, []string{"ek"}); ok {
			t.Errorf("EcskitFunction(%q) is a function", name)
		}
	}
	for name, want := range map[string]bool{"provider::aws::arn_parse": true, "provider::ecskit::x": false,
		"provider::terraform::encode_expr": false, "core::abs": false, "abs": false} {
		if got := OtherProvider(name); got != want {
			t.Errorf("OtherProvider(%q) = %v, want %v", name, got, want)
		}
	}
}
