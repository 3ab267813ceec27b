package lint_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// Hostile input through the real command line, lint.Run: each case must end with a clear error or finding and
// never a panic. A hang fails through go test's -timeout.

type hostileReport struct {
	Issues []struct {
		Rule    struct{ Name string }
		Message string
	}
	Errors []struct {
		Summary, Message, Detail string
		Range                    *struct{ Filename string }
	}
}

// runJSON runs ecslint with --format json and decodes its report.
func runJSON(t *testing.T, args ...string) (int, hostileReport, string) {
	t.Helper()
	var out, errOut strings.Builder
	code := lint.Run(append([]string{"--format", "json"}, args...), &out, &errOut)
	var rep hostileReport
	if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
		t.Fatalf("exit %d; output is not JSON (%v):\n%s\nstderr: %s", code, err, out.String(), errOut.String())
	}
	return code, rep, out.String() + errOut.String()
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// wantError checks that the run failed with an error whose text contains every one of words.
func wantError(t *testing.T, code int, rep hostileReport, all string, words ...string) {
	t.Helper()
	if code != lint.ExitFailed || len(rep.Errors) == 0 {
		t.Fatalf("exit %d with %d errors, want exit %d with an error:\n%s", code, len(rep.Errors), lint.ExitFailed, all)
	}
	low := strings.ToLower(all)
	for _, w := range words {
		if !strings.Contains(low, strings.ToLower(w)) {
			t.Errorf("the errors do not mention %q:\n%s", w, all)
		}
	}
}

func TestHostileHugeFile(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, "resource \"aws_security_group\" \"sg%d\" {\n  name = \"sg-%d\"\n  ingress {\n    from_port   = %d\n    to_port     = %d\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\"]\n  }\n}\n", i, i, i%65535, i%65535)
	}
	writeFile(t, filepath.Join(dir, "main.tf"), b.String())
	code, rep, all := runJSON(t, dir)
	wantError(t, code, rep, all, "main.tf")
}

func TestHostileDeepJSON(t *testing.T) {
	dir := t.TempDir()
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	writeFile(t, filepath.Join(dir, "td.json"), `{"containerDefinitions": `+deep+`}`)
	code, rep, all := runJSON(t, filepath.Join(dir, "td.json"))
	wantError(t, code, rep, all, "td.json", "deep")

	mod := filepath.Join(dir, "mod")
	writeFile(t, filepath.Join(mod, "main.tf.json"), `{"locals": {"x": `+deep+`}, "resource": {"aws_ecs_task_definition": {"t": {
		"family": "f", "container_definitions": "${jsonencode(local.x)}"}}}}`)
	code, rep, all = runJSON(t, mod)
	wantError(t, code, rep, all, "main.tf.json")
}

func TestHostileDeepHCL(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), "locals {\n  x = "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n}\n"+
		`resource "aws_ecs_task_definition" "t" {
  family                = "f"
  container_definitions = jsonencode(local.x)
}
`)
	code, rep, all := runJSON(t, dir)
	wantError(t, code, rep, all, "main.tf")
}

func TestHostileCyclicLocals(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `locals {
  a = local.b
  b = local.c
  c = local.a
}
resource "aws_ecs_task_definition" "t" {
  family                = local.a
  container_definitions = jsonencode([{ name = local.b, image = "i" }])
}
`)
	code, rep, all := runJSON(t, dir)
	wantError(t, code, rep, all, "cycle", "local.a", "local.b", "local.c")
}

func TestHostileSelfCallingModule(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `module "again" {
  source = "./"
}
`)
	writeFile(t, filepath.Join(dir, "a", "main.tf"), `module "b" {
  source = "../b"
}
`)
	writeFile(t, filepath.Join(dir, "b", "main.tf"), `module "a" {
  source = "../a"
}
`)
	code, rep, all := runJSON(t, dir)
	wantError(t, code, rep, all, "module", "itself")
	code, rep, all = runJSON(t, "--recursive", dir)
	wantError(t, code, rep, all, "module")
}

func TestHostileSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "stack", "main.tf"), `module "loop" {
  source = "./loop/loop/loop"
}
`)
	for _, link := range [][2]string{{".", "stack/loop"}, {"b", "a"}, {"a", "b"}} {
		if err := os.Symlink(link[0], filepath.Join(dir, link[1])); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "c", "main.tf"), `locals {
  x = file("${path.module}/../a")
}
`)
	code, rep, all := runJSON(t, "--recursive", dir)
	// stack/loop/loop/loop is stack itself: a module calling itself. c reads a link that points to itself
	// through b: a warning, and the value is unknown.
	wantError(t, code, rep, all, "itself", "../a")
}

func TestHostileFileOutsideRoot(t *testing.T) {
	top := t.TempDir()
	// ../../secret from the module is a named pipe: opening it for reading would block, so a read hangs the
	// test instead of passing silently.
	if err := syscall.Mkfifo(filepath.Join(top, "secret"), 0o600); err != nil {
		t.Skipf("cannot create a named pipe: %v", err)
	}
	mod := filepath.Join(top, "repo", "mod")
	writeFile(t, filepath.Join(mod, "main.tf"), `resource "aws_ecs_task_definition" "passwd" {
  family                = "a"
  container_definitions = file("/etc/passwd")
}
resource "aws_ecs_task_definition" "secret" {
  family                = "b"
  container_definitions = file("../../secret")
}
resource "aws_ecs_task_definition" "templated" {
  family                = "c"
  container_definitions = templatefile("${path.module}/../../secret", {})
}
`)
	for _, args := range [][]string{{mod}, {"--recursive", filepath.Join(top, "repo")}} {
		code, rep, all := runJSON(t, args...)
		wantError(t, code, rep, all, "outside")
		if strings.Contains(all, "root:") {
			t.Errorf("the output shows /etc/passwd:\n%s", all)
		}
	}
}

func TestHostileNonUTF8(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), "resource \"aws_ecs_task_definition\" \"t\" {\n  family = \"f\xff\xfe\"\n  \xc3\x28 = 1\n}\n")
	code, rep, all := runJSON(t, dir)
	wantError(t, code, rep, all, "main.tf", "utf-8")

	// In JSON, invalid bytes inside a string become U+FFFD, as in encoding/json; the name is then reported.
	writeFile(t, filepath.Join(dir, "td.json"), "[{\"name\": \"a\xff\", \"image\": \"i\", \"memory\": 128}]")
	code, rep, all = runJSON(t, filepath.Join(dir, "td.json"))
	if code != lint.ExitFindings || len(rep.Issues) != 1 || rep.Issues[0].Rule.Name != "name_format" {
		t.Errorf("exit %d, want %d with one name_format finding:\n%s", code, lint.ExitFindings, all)
	}
}

func TestHostileTenThousandContainers(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(`{"family": "big", "containerDefinitions": [`)
	for i := range 10000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"name": "c%d", "image": "i", "memory": 128, "essential": true, "portMappings": [{"containerPort": %d}]}`, i, 1+i%65535)
	}
	b.WriteString("]}")
	writeFile(t, filepath.Join(dir, "td.json"), b.String())
	code, rep, all := runJSON(t, filepath.Join(dir, "td.json"))
	if code != lint.ExitFindings {
		t.Fatalf("exit %d, want %d:\n%.2000s", code, lint.ExitFindings, all)
	}
	found := false
	for _, is := range rep.Issues {
		found = found || is.Rule.Name == "container_limit"
	}
	if !found {
		t.Errorf("no container_limit finding:\n%.2000s", all)
	}
}

// TestHostileHugeNumbers: 1e9999999 is ten bytes, and writing it as text takes a minute (found by FuzzDecode).
// In every place a number enters ecslint, such a number ends with a clear warning or error, and nothing writes
// it out in full.
func TestHostileHugeNumbers(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "td.json"), `{"family": "f", "containerDefinitions": [{"name": "a", "image": "i", "memory": 2E12201122}]}`)
	code, rep, all := runJSON(t, filepath.Join(dir, "td.json"))
	wantError(t, code, rep, all, "td.json", "2e+12201122")

	mod := filepath.Join(dir, "mod")
	writeFile(t, filepath.Join(mod, "main.tf"), `variable "from_vars" {
  type = number
}
variable "from_flag" {
  type = number
}
locals {
  literal = 1e9999999
  decoded = jsondecode("{\"memory\": 2E12201122}")
}
resource "aws_ecs_task_definition" "t" {
  family = "f"
  container_definitions = jsonencode([
    { name = "a", image = "i", memory = local.literal },
    { name = "b", image = "i", memory = local.decoded.memory },
    { name = "c", image = "i", memory = var.from_vars, cpu = var.from_flag },
    { name = "d", image = "i", memory = pow(10, 99999) },
  ])
}
`)
	writeFile(t, filepath.Join(mod, "terraform.tfvars"), "from_vars = -1e-9999999\n")
	code, rep, all = runJSON(t, "--var", "from_flag=1e9999999", mod)
	if code == lint.ExitOK && len(rep.Errors) == 0 {
		t.Fatalf("exit %d without a word about the numbers:\n%s", code, all)
	}
	for _, w := range []string{"main.tf", "terraform.tfvars", "var.from_flag", "beyond"} {
		if !strings.Contains(all, w) {
			t.Errorf("the report does not mention %q:\n%s", w, all)
		}
	}

	writeFile(t, filepath.Join(dir, "json", "main.tf.json"), `{"locals": {"x": 1e9999999}}`)
	code, rep, all = runJSON(t, filepath.Join(dir, "json"))
	wantError(t, code, rep, all, "main.tf.json", "range")
}

// TestHostileEncodedTimesCount: a file of a few hundred bytes encodes a value of 1,000 containers once per
// instance of a count of 10,000: 800 MB of JSON and ten million containers to check. ecslint stops encoding after
// module.MaxJSONBytes and checking after 20,000 containers, and says so (this took minutes and 9 GB before).
func TestHostileEncodedTimesCount(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `locals {
  big = [for i in range(1000) : { name = "container-${i}", image = "registry.example.com/team/app:1.0.0" }]
}
resource "aws_ecs_task_definition" "t" {
  count                 = 10000
  family                = "f${count.index}"
  container_definitions = jsonencode(local.big)
}
`)
	code, _, all := runJSON(t, dir)
	if code == lint.ExitFailed {
		t.Fatalf("exit %d:\n%.2000s", code, all)
	}
	// Both bounds are reached: the JSON text encoded, and the containers checked.
	for _, w := range []string{"stops encoding JSON after 16 MiB", "more than 20000 container definitions"} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q:\n%.2000s", w, all)
		}
	}
}
