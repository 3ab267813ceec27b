package module

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

const reusableVars = `
variable "cpu" {
  type    = number
  default = 100
}
variable "family" {
  default = "svc"
}
locals {
  size = var.cpu * 2
}
resource "r" "x" {
  cpu     = var.cpu
  size    = local.size
  family  = var.family
  literal = 100
}
`

// TestRootOrReusable: in a module without provider, backend or cloud configuration, a variable the run does
// not set is unknown whatever its default; a provider block, a backend or a cloud block makes the directory a
// root module whose defaults are values; Options.Root overrides the detection; values set by the run count.
func TestRootOrReusable(t *testing.T) {
	yes, no := true, false
	cases := []struct {
		name, extra  string
		file, extraF string
		opts         Options
		reusable     bool
		cpu          cty.Value
	}{
		{name: "no provider: reusable", reusable: true, cpu: cty.UnknownVal(cty.Number)},
		{name: "required_providers alone: reusable", extra: "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\" }\n  }\n}\n",
			reusable: true, cpu: cty.UnknownVal(cty.Number)},
		{name: "provider block: root", extra: "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n", cpu: cty.NumberIntVal(100)},
		{name: "backend: root", extra: "terraform {\n  backend \"s3\" {}\n}\n", cpu: cty.NumberIntVal(100)},
		{name: "cloud: root", extra: "terraform {\n  cloud {\n    organization = \"o\"\n  }\n}\n", cpu: cty.NumberIntVal(100)},
		{name: "backend in JSON: root", extraF: "backend.tf.json", extra: `{"terraform": {"backend": {"local": {}}}}`, cpu: cty.NumberIntVal(100)},
		{name: "Root forced true", opts: Options{Root: &yes}, cpu: cty.NumberIntVal(100)},
		{name: "Root forced false", extra: "provider \"aws\" {}\n", opts: Options{Root: &no}, reusable: true, cpu: cty.UnknownVal(cty.Number)},
		{name: "reusable, set by -var", opts: Options{Vars: []string{"cpu=256"}}, reusable: true, cpu: cty.NumberIntVal(256)},
		{name: "reusable, set by terraform.tfvars", extraF: "terraform.tfvars", extra: "cpu = 512\n", reusable: true, cpu: cty.NumberIntVal(512)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "main.tf", reusableVars)
			if c.extra != "" {
				name := c.extraF
				if name == "" {
					name = "extra.tf"
				}
				write(t, dir, name, c.extra)
			}
			cfg, diags := Load(dir, c.opts)
			noErrors(t, diags)
			if cfg.Reusable != c.reusable {
				t.Errorf("Reusable = %v, want %v", cfg.Reusable, c.reusable)
			}
			body := instance(t, cfg, "r.x").Body
			if got := body.Value("cpu"); !got.RawEquals(c.cpu) {
				t.Errorf("cpu = %#v, want %#v", got, c.cpu)
			}
			// What depends on the variable follows it; a literal is a value either way.
			if got := body.Value("size"); got.IsKnown() != c.cpu.IsKnown() {
				t.Errorf("size = %#v; known must be %v", got, c.cpu.IsKnown())
			}
			if got := body.Value("family"); got.IsKnown() == c.reusable {
				t.Errorf("family = %#v (default of an untyped variable), reusable %v", got, c.reusable)
			}
			if got := body.Value("literal"); !got.RawEquals(cty.NumberIntVal(100)) {
				t.Errorf("literal = %#v, want 100", got)
			}
		})
	}
}

// TestReusableChildDefaults: a module called by a root module gets its unset variables' defaults, as in
// Terraform: only the loaded directory's own variables are its callers' choice.
func TestReusableChildDefaults(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "main.tf", "module \"m\" {\n  source = \"./m\"\n}\n")
	write(t, dir, "m/main.tf", reusableVars)
	cfg, diags := Load(dir, Options{})
	noErrors(t, diags)
	if !cfg.Reusable {
		t.Error("the root without provider is reusable")
	}
	if got := instance(t, cfg, "module.m.r.x").Body.Value("cpu"); !got.RawEquals(cty.NumberIntVal(100)) {
		t.Errorf("module.m cpu = %#v, want its default 100", got)
	}
}
