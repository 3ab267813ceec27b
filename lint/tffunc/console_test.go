package tffunc

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// terraformBinary returns the terraform binary the tests compare with: TF_ACC_TERRAFORM_PATH, else terraform on
// PATH. It skips the test when there is none, or when it is not Terraform (OpenTofu has other functions).
func terraformBinary(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no terraform binary: set TF_ACC_TERRAFORM_PATH or put terraform on PATH (make test does) to compare ecslint's functions with Terraform's")
		}
	}
	out, err := terraformCmd(bin, t.TempDir(), "", "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	if !bytes.HasPrefix(out, []byte("Terraform v")) {
		t.Skipf("%s is not Terraform (%q); the function comparison needs Terraform", bin, strings.SplitN(string(out), "\n", 2)[0])
	}
	return bin
}

func terraformCmd(bin, dir, stdin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	cmd.Stdin = strings.NewReader(stdin)
	return cmd
}

// consoleCall is one line of testdata/console_calls.txt or testdata/ecskit_calls.txt.
type consoleCall struct {
	line    int
	expr    string
	unknown bool // ecslint returns an unknown value where Terraform knows one
}

func readConsoleCalls(t *testing.T, name string) []consoleCall {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var calls []consoleCall
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := consoleCall{line: n, expr: line}
		if rest, ok := strings.CutPrefix(line, "!unknown "); ok {
			c.expr, c.unknown = rest, true
		}
		calls = append(calls, c)
	}
	return calls
}

// knownDifferences are the calls on which ecslint and Terraform disagree on purpose, with the reason. The test
// checks that they still differ, so that the list stays true.
var knownDifferences = map[string]string{
	`templatestring("Hello, $${name}", { name = "x" })`: "Terraform refuses a template that is not a reference to a named value, " +
		"a check on the expression's text that a function cannot make; ecslint renders it",
}

// TestConsole evaluates every call in testdata/console_calls.txt with ecslint's function table and with
// `terraform console` in a copy of testdata/console, and compares whether it fails, the type of its result and
// the result itself (as jsonencode writes it, exactly). terraform console prints only the value of the last
// expression it reads, so all calls go into one expression; its type comes from a second run, through the
// console's type function, which must be the outermost call.
func TestConsole(t *testing.T) {
	bin := terraformBinary(t)
	dir := consoleDir(t)
	files, err := NewFiles(dir, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	ctx := &hcl.EvalContext{Functions: Functions(files)}
	ctx.Variables = map[string]cty.Value{"local": consoleLocals(t, dir, ctx)}
	failing := compareWithConsole(t, bin, dir, readConsoleCalls(t, "console_calls.txt"), ctx)
	t.Logf("%d fail in both Terraform and ecslint:\n%s", len(failing), strings.Join(failing, "\n"))
}

// compareWithConsole evaluates calls with ctx and with terraform console in dir, reports every difference as
// an error, and returns the calls that fail in Terraform.
func compareWithConsole(t *testing.T, bin, dir string, calls []consoleCall, ctx *hcl.EvalContext) []string {
	t.Helper()
	var vals, types strings.Builder
	// terraform console reads one expression a line: each is written on one line.
	vals.WriteString("jsonencode({ ")
	types.WriteString("type({ ")
	for i, c := range calls {
		fmt.Fprintf(&vals, "c%04d = [can(%[2]s), try(nonsensitive(%[2]s), null), try(issensitive(%[2]s), null)], ", i, c.expr)
		fmt.Fprintf(&types, "c%04d = try(%s, null), ", i, c.expr)
	}
	vals.WriteString("})\n")
	types.WriteString("})\n")

	tfVals := consoleJSON(t, bin, dir, vals.String())
	tfTypes := consoleTypes(t, bin, dir, types.String())

	var failing []string
	for i, c := range calls {
		key := fmt.Sprintf("c%04d", i)
		var tf []json.RawMessage
		if err := json.Unmarshal(tfVals[key], &tf); err != nil || len(tf) != 3 {
			t.Fatalf("line %d: terraform's result %s: %v", c.line, tfVals[key], err)
		}
		tfOK := string(tf[0]) == "true"
		expr, diags := hclsyntax.ParseExpression([]byte(c.expr), "console_calls.txt", hcl.Pos{Line: c.line, Column: 1, Byte: 0})
		if diags.HasErrors() {
			t.Errorf("line %d: %s", c.line, diags.Error())
			continue
		}
		got, diags := expr.Value(ctx)
		ok := !diags.HasErrors()
		if !tfOK {
			failing = append(failing, c.expr)
		}
		diff := compareCall(c, tfOK, tf[1], tf[2], tfTypes[key], ok, got, diags)
		if reason, known := knownDifferences[c.expr]; known {
			if diff == "" {
				t.Errorf("line %d: %s: ecslint now agrees with Terraform; drop it from knownDifferences (%s)", c.line, c.expr, reason)
			}
			continue
		}
		if diff != "" {
			t.Errorf("line %d: %s: %s", c.line, c.expr, diff)
		}
	}
	t.Logf("%d calls compared", len(calls))
	return failing
}

// compareCall returns what differs between Terraform's result and ecslint's, or "".
func compareCall(c consoleCall, tfOK bool, tfJSON, tfSens json.RawMessage, tfType string, ok bool, got cty.Value, diags hcl.Diagnostics) string {
	switch {
	case tfOK && !ok:
		return fmt.Sprintf("Terraform returns %s, ecslint fails: %s", tfJSON, diags.Error())
	case !tfOK && ok:
		return fmt.Sprintf("Terraform fails, ecslint returns %#v", got)
	case !ok:
		return ""
	}
	if gotType := typeString(got.Type()); gotType != tfType {
		return fmt.Sprintf("type %s, Terraform's is %s", gotType, tfType)
	}
	// issensitive, as terraform console answers it (null when it fails or is unknown there).
	if tfSens := string(tfSens); tfSens != "null" && (got.IsKnown() || got.HasMark(Sensitive)) {
		if mine := strconv.FormatBool(got.HasMark(Sensitive)); mine != tfSens {
			return fmt.Sprintf("issensitive is %s, Terraform's is %s", mine, tfSens)
		}
	}
	// Terraform's value is written through nonsensitive: the value's own mark is dropped.
	if v, marks := got.Unmark(); marks != nil {
		delete(marks, Sensitive)
		got = v.WithMarks(marks)
	}
	if c.unknown {
		if got.IsWhollyKnown() {
			return fmt.Sprintf("marked !unknown, but ecslint knows the value %#v", got)
		}
		return ""
	}
	if !got.IsWhollyKnown() {
		return fmt.Sprintf("ecslint's value is unknown, Terraform's is %s", tfJSON)
	}
	b, err := ctyjson.Marshal(got, got.Type())
	if err != nil {
		return fmt.Sprintf("cannot write ecslint's value %#v as JSON: %v", got, err)
	}
	if !bytes.Equal(b, tfJSON) {
		return fmt.Sprintf("ecslint returns %s, Terraform %s", b, tfJSON)
	}
	return ""
}

// consoleDir copies testdata/console into a temporary directory and adds an RSA key and a ciphertext for
// rsadecrypt (made here, so that no private key is kept in the repository).
func consoleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "console"))); err != nil {
		t.Fatal(err)
	}
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, []byte("secret text"))
	if err != nil {
		t.Fatal(err)
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	for name, b := range map[string][]byte{"key.pem": keyPEM, "cipher.b64": []byte(base64.StdEncoding.EncodeToString(ct))} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// consoleLocals evaluates the locals of testdata/console/main.tf for ecslint, as terraform console does.
func consoleLocals(t *testing.T, dir string, ctx *hcl.EvalContext) cty.Value {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	locals := map[string]cty.Value{}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type != "locals" {
			continue
		}
		for name, attr := range b.Body.Attributes {
			v, diags := attr.Expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			locals[name] = v
		}
	}
	return cty.ObjectVal(locals)
}

// consoleJSON runs terraform console on the jsonencode expression and returns the JSON of each call.
func consoleJSON(t *testing.T, bin, dir, expr string) map[string]json.RawMessage {
	t.Helper()
	out := runConsole(t, bin, dir, expr)
	s, err := strconv.Unquote(strings.TrimSpace(out))
	if err != nil {
		t.Fatalf("terraform console did not print one quoted string (%v):\n%s", err, out)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("terraform console's jsonencode result is not a JSON object: %v", err)
	}
	return m
}

// consoleTypes runs terraform console on the type expression and returns the type of each call, as typeString
// writes types.
func consoleTypes(t *testing.T, bin, dir, expr string) map[string]string {
	t.Helper()
	out := runConsole(t, bin, dir, expr)
	compact := strings.Join(strings.Fields(out), "")
	inner, ok := strings.CutPrefix(compact, "object({")
	if ok {
		inner, ok = strings.CutSuffix(inner, "})")
	}
	if !ok {
		t.Fatalf("terraform console did not print an object type:\n%s", out)
	}
	types := map[string]string{}
	for _, attr := range splitTopLevel(inner) {
		name, ty, ok := strings.Cut(attr, ":")
		if !ok {
			t.Fatalf("cannot read %q in terraform console's type output", attr)
		}
		types[name] = strings.ReplaceAll(ty, ",)", ")") // list(tuple([…]),) when written on several lines
	}
	return types
}

// splitTopLevel splits s at the commas outside brackets, dropping the empty piece after a trailing comma.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}

func runConsole(t *testing.T, bin, dir, expr string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := terraformCmd(bin, dir, expr, "console")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("terraform console: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// typeString writes a type as terraform console's type function does, without spaces.
func typeString(ty cty.Type) string {
	switch {
	case ty == cty.DynamicPseudoType:
		return "dynamic"
	case ty.IsPrimitiveType():
		return ty.FriendlyName()
	case ty.IsListType():
		return "list(" + typeString(ty.ElementType()) + ")"
	case ty.IsSetType():
		return "set(" + typeString(ty.ElementType()) + ")"
	case ty.IsMapType():
		return "map(" + typeString(ty.ElementType()) + ")"
	case ty.IsTupleType():
		var b strings.Builder
		b.WriteString("tuple([")
		for _, et := range ty.TupleElementTypes() {
			b.WriteString(typeString(et) + ",")
		}
		return b.String() + "])"
	case ty.IsObjectType():
		names := make([]string, 0, len(ty.AttributeTypes()))
		for n := range ty.AttributeTypes() {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		b.WriteString("object({")
		for _, n := range names {
			label := n
			if !hclsyntax.ValidIdentifier(n) {
				label = strconv.Quote(n)
			}
			b.WriteString(label + ":" + typeString(ty.AttributeType(n)) + ",")
		}
		return b.String() + "})"
	}
	return ty.FriendlyName()
}

// TestFunctionList: ecslint has every function `terraform metadata functions -json` lists, and none that Terraform
// lacks (a configuration calling one fails in Terraform).
func TestFunctionList(t *testing.T) {
	bin := terraformBinary(t)
	out, err := terraformCmd(bin, t.TempDir(), "", "metadata", "functions", "-json").Output()
	if err != nil {
		t.Fatalf("terraform metadata functions -json: %v", err)
	}
	var meta struct {
		Signatures map[string]json.RawMessage `json:"function_signatures"`
	}
	if err := json.Unmarshal(out, &meta); err != nil || len(meta.Signatures) == 0 {
		t.Fatalf("terraform metadata functions -json: no function_signatures (%v)", err)
	}
	fns := Functions(nil)
	for name := range meta.Signatures {
		if _, ok := fns[name]; !ok {
			t.Errorf("Terraform has function %s, ecslint does not", name)
		}
	}
	for name := range fns {
		if _, ok := meta.Signatures[name]; !ok && !strings.HasPrefix(name, "provider::") { // TestEcskitFunctions has ecskit's
			t.Errorf("ecslint has function %s, Terraform does not", name)
		}
	}
}

// TestConsoleCoversEveryFunction: every function is called in testdata/console_calls.txt (the ecskit provider's
// in testdata/ecskit_calls.txt), but plantimestamp, which terraform console does not offer (TestUnknowable
// covers it).
func TestConsoleCoversEveryFunction(t *testing.T) {
	var all strings.Builder
	for _, c := range append(readConsoleCalls(t, "console_calls.txt"), readConsoleCalls(t, "ecskit_calls.txt")...) {
		all.WriteString(" " + c.expr)
	}
	text := all.String()
	for name := range Functions(nil) {
		if strings.HasPrefix(name, "core::") || name == "plantimestamp" {
			continue
		}
		if !regexp.MustCompile(`(^|[^a-z0-9_:])` + regexp.QuoteMeta(name) + `\(`).MatchString(text) {
			t.Errorf("testdata/console_calls.txt calls no %s", name)
		}
	}
}
