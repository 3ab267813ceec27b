package module

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func TestCallChain(t *testing.T) {
	cfg, diags := load(t, "modules", Options{})
	noErrors(t, diags)
	if in := instance(t, cfg, `aws_lb_target_group.tg["api"]`); len(in.Calls) != 0 {
		t.Errorf("a root module instance has calls %+v", in.Calls)
	}
	td := instance(t, cfg, `module.svc["web"].module.td.aws_ecs_task_definition.this`)
	if len(td.Calls) != 2 {
		t.Fatalf("calls = %+v, want module.svc[\"web\"] then module.td", td.Calls)
	}
	outer, inner := td.Calls[0], td.Calls[1]
	if outer.Name != "svc" || outer.Address != `module.svc["web"]` || outer.Source != "./modules/svc" || outer.Installed ||
		outer.Dir != filepath.Join("testdata", "modules", "modules", "svc") {
		t.Errorf("outer call = %+v", outer)
	}
	if outer.DefRange.Filename != filepath.Join("testdata", "modules", "main.tf") || outer.DefRange.Start.Line != 4 {
		t.Errorf("outer call DefRange = %s, want main.tf line 4", outer.DefRange)
	}
	if r := outer.Args["port"]; r.Start.Line != 8 || !strings.HasSuffix(r.Filename, "main.tf") {
		t.Errorf("outer Args[port] = %s, want main.tf line 8", r)
	}
	if inner.Name != "td" || inner.Address != `module.svc["web"].module.td` || inner.Source != "../td" ||
		inner.DefRange.Filename != filepath.Join("testdata", "modules", "modules", "svc", "main.tf") {
		t.Errorf("inner call = %+v", inner)
	}
	if r := inner.Args["family"]; r.Start.Line != 9 {
		t.Errorf("inner Args[family] = %s, want line 9", r)
	}
	// The variable the container definitions came from, to trace a finding back to td's "port" argument.
	if got := td.Body.Attributes["container_definitions"].Vars; !slices.Equal(got, []string{"port"}) {
		t.Errorf("container_definitions reads %v, want [port]", got)
	}
}

func TestAttributeVarsThroughLocals(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "main.tf", `
variable "a" {}
variable "b" {}
variable "c" {}
locals {
  x = var.a
  y = "${local.x}-${var.b}"
}
resource "r" "x" {
  v = [local.y, var.c, var.a, "lit"]
  w = "lit"
}
`)
	cfg, diags := Load(dir, Options{})
	noErrors(t, diags)
	body := instance(t, cfg, "r.x").Body
	if got := body.Attributes["v"].Vars; !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("Vars = %v, want [a b c]", got)
	}
	if got := body.Attributes["w"].Vars; got != nil {
		t.Errorf("a literal reads %v", got)
	}
}

func TestCallModuleType(t *testing.T) {
	for _, c := range []struct {
		typ        string
		local, bad bool
	}{{"", true, false}, {"all", true, false}, {"local", true, false}, {"none", false, false}, {"some", true, true}} {
		cfg, diags := load(t, "modules", Options{CallModuleType: c.typ})
		if got := findDiag(diags, hcl.DiagError, "Invalid call_module_type") != nil; got != c.bad {
			t.Errorf("%q: error %v, want %v: %v", c.typ, got, c.bad, diags)
		}
		n := len(cfg.InstancesOf(Managed, "aws_ecs_service"))
		if want := map[bool]int{true: 3, false: 0}[c.local]; n != want {
			t.Errorf("%q: %d services from local modules, want %d", c.typ, n, want)
		}
		if !c.local && len(diags) != 0 {
			t.Errorf("%q: calls not followed on request gave diagnostics: %v", c.typ, diags)
		}
	}
	// Under "local" a remote call is not followed, and not warned about.
	_, diags := load(t, "remote", Options{CallModuleType: "local"})
	if findDiag(diags, hcl.DiagWarning, "Remote module") != nil {
		t.Errorf("remote call warned about under call_module_type local: %v", diags)
	}
}

// write writes a file under dir, creating its directory.
func write(t *testing.T, dir, name, text string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
