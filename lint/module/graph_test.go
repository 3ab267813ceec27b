package module

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The module every graph case calls: an output that passes its input through, and one that does not read it.
const echoModule = `
variable "in" {
  default = null
}
output "echo" {
  value = var.in
}
output "lit" {
  value = "lit"
}
resource "terraform_data" "r" {
  input = var.in
}
`

// graphCases are configurations built from terraform_data, with whether Terraform reports a cycle for them
// (checked against the real binary by TestGraphAgainstTerraform).
var graphCases = []struct {
	name  string
	main  string
	cycle bool
}{
	{"modules read each other's unrelated outputs", `
module "a" {
  source = "./m"
  in     = module.b.lit
}
module "b" {
  source = "./m"
  in     = module.a.lit
}`, false},
	{"modules pass each other's inputs back", `
module "a" {
  source = "./m"
  in     = module.b.echo
}
module "b" {
  source = "./m"
  in     = module.a.echo
}`, true},
	{"a module reads its own unrelated output", `
module "a" {
  source = "./m"
  in     = module.a.lit
}`, false},
	{"a module reads its own input back", `
module "a" {
  source = "./m"
  in     = module.a.echo
}`, true},
	{"for_each from the other module's output", `
module "a" {
  source   = "./m"
  for_each = toset([module.b.lit])
  in       = each.key
}
module "b" {
  source = "./m"
  in     = module.a["lit"].echo
}`, false},
	{"count from the module's own output", `
module "a" {
  source = "./m"
  count  = module.a[0].lit == "lit" ? 1 : 0
}`, true},
	{"whole module as an input of the other", `
module "a" {
  source = "./m"
  count  = length(module.b.lit)
}
module "b" {
  source = "./m"
  in     = module.a
}`, false},
	{"whole module read into its own input", `
locals {
  n = length(module.a)
}
module "a" {
  source = "./m"
  count  = 2
  in     = local.n
}`, true},
	{"local through a module's unrelated output", `
locals {
  x = module.a.lit
}
module "a" {
  source = "./m"
  in     = local.x
}`, false},
	{"locals", `
locals {
  x = local.y
  y = local.x
}`, true},
}

func writeGraphCase(t *testing.T, main string) string {
	dir := t.TempDir()
	write(t, dir, "main.tf", main)
	write(t, dir, "m/main.tf", echoModule)
	return dir
}

// TestGraph: ecslint reports a reference cycle exactly where Terraform does, and evaluates everything else.
func TestGraph(t *testing.T) {
	for _, c := range graphCases {
		t.Run(c.name, func(t *testing.T) {
			cfg, diags := Load(writeGraphCase(t, c.main), Options{})
			cyc := findDiag(diags, hcl.DiagError, "Reference cycle")
			if (cyc != nil) != c.cycle {
				t.Errorf("ecslint cycle = %v, Terraform's = %v: %v", cyc != nil, c.cycle, diags)
			}
			if !c.cycle && len(diags) != 0 {
				t.Errorf("diagnostics: %v", diags)
			}
			if len(cfg.Instances) == 0 && strings.Contains(c.main, "module") {
				t.Error("no instance from the modules")
			}
		})
	}
}

// TestGraphValues: two modules reading each other's outputs evaluate fully.
func TestGraphValues(t *testing.T) {
	cfg, diags := Load(writeGraphCase(t, graphCases[0].main), Options{})
	noErrors(t, diags)
	for _, addr := range []string{"module.a.terraform_data.r", "module.b.terraform_data.r"} {
		if got := instance(t, cfg, addr).Body.Value("input"); !got.RawEquals(cty.StringVal("lit")) {
			t.Errorf("%s input = %#v, want \"lit\"", addr, got)
		}
	}
	// In a real cycle only the values in it are unknown: the other output still reaches its reader.
	cfg, _ = Load(writeGraphCase(t, `
module "a" {
  source = "./m"
  in     = module.b.echo
}
module "b" {
  source = "./m"
  in     = module.a.echo
}
resource "terraform_data" "x" {
  input = module.a.lit
}`), Options{})
	if got := instance(t, cfg, "terraform_data.x").Body.Value("input"); !got.RawEquals(cty.StringVal("lit")) {
		t.Errorf("terraform_data.x input = %#v; a cycle elsewhere in module.a must not hide module.a.lit", got)
	}
	if got := instance(t, cfg, "module.a.terraform_data.r").Body.Value("input"); got.IsKnown() {
		t.Errorf("module.a input in a cycle = %#v, want unknown", got)
	}
}

// TestGraphAgainstTerraform checks graphCases' "Terraform says cycle" against terraform validate (or tofu
// validate): terraform_data needs no provider download.
func TestGraphAgainstTerraform(t *testing.T) {
	tf := terraformBinary(t)
	for _, c := range graphCases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeGraphCase(t, c.main)
			run(t, dir, tf, "init", "-input=false", "-backend=false")
			cmd := exec.Command(tf, "validate", "-no-color")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			says := strings.Contains(string(out), "Cycle:")
			if says != c.cycle {
				t.Errorf("%s validate: cycle %v, the case says %v (err %v):\n%s", tf, says, c.cycle, err, out)
			}
			if !says && err != nil {
				t.Errorf("%s validate failed: %v\n%s", tf, err, out)
			}
		})
	}
}

// TestDeterministicDiagnostics: Load gives the same diagnostics in the same order every time: warnings from
// many attributes, module arguments and variables, and which cycle is named.
func TestDeterministicDiagnostics(t *testing.T) {
	dir := writeGraphCase(t, `
module "a" {
  source = "./m"
  in     = module.b.echo
  nope1  = 1
  nope2  = 2
  nope3  = 3
}
module "b" {
  source = "./m"
  in     = module.a.echo
}
locals {
  p = local.q
  q = local.r
  r = local.p
}
resource "r" "x" {
  a = nosuch1()
  b = nosuch2()
  c = nosuch3()
  d = nosuch4()
  e = nosuch5()
  f = nosuch6()
}
`)
	var first string
	for i := 0; i < 30; i++ {
		_, diags := Load(dir, Options{})
		var b strings.Builder
		for _, d := range diags {
			b.WriteString(d.Summary + "|" + d.Detail)
			if d.Subject != nil {
				b.WriteString("|" + d.Subject.String())
			}
			b.WriteString("\n")
		}
		if i == 0 {
			first = b.String()
			if strings.Count(first, "Reference cycle") != 2 || strings.Count(first, "nosuch") < 6 || strings.Count(first, "Unsupported argument") != 3 {
				t.Fatalf("diagnostics lack the expected problems:\n%s", first)
			}
		} else if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, b.String(), first)
		}
	}
}

// TestStaticTreeBound: modules that call the next one twice, 20 deep, would make a million module paths; the
// object budget stops the tree, with an error, before the graph is built over it.
func TestStaticTreeBound(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 20; i++ {
		sub := strings.Repeat("m/", i)
		write(t, dir, sub+"main.tf", "variable \"in\" {\n  default = 1\n}\nmodule \"a\" {\n  source = \"./m\"\n  in = var.in\n}\nmodule \"b\" {\n  source = \"./m\"\n  in = module.a.out\n}\noutput \"out\" {\n  value = var.in\n}\n")
	}
	write(t, dir, strings.Repeat("m/", 20)+"main.tf", "variable \"in\" {}\noutput \"out\" {\n  value = var.in\n}\n")
	_, diags := Load(dir, Options{})
	if findDiag(diags, hcl.DiagError, "Configuration too large") == nil {
		t.Errorf("no budget error: %v", diags)
	}
}
