package module

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

const choiceVars = `
provider "aws" {}

variable "name" {
  type    = string
  default = ""
}
variable "size" {
  type    = number
  default = 100
}
variable "tags" {
  default = {}
}
module "child" {
  source = "./child"
}
resource "r" "x" {
  name = var.name
  size = var.size
  tags = var.tags
}
`

const choiceChild = `
variable "image" {
  default = "nginx"
}
resource "r" "c" {
  image = var.image
}
`

// TestChoiceVarFiles: the variables that a variable file of the root directory read only with -var-file
// (*.tfvars, *.tfvars.json other than terraform.tfvars(.json) and *.auto.tfvars(.json)) sets are unknown
// when the run passes no -var-file and no -var; the others keep their defaults and tfvars values; with
// -var-file or -var only what is passed counts. Such files in a called module's directory change nothing.
func TestChoiceVarFiles(t *testing.T) {
	unknownName, unknownSize := cty.UnknownVal(cty.String), cty.UnknownVal(cty.Number)
	defName, defSize := cty.StringVal(""), cty.NumberIntVal(100)
	cases := []struct {
		name         string
		files        map[string]string
		opts         Options
		nameV, sizeV cty.Value
	}{
		{name: "no variable file", nameV: defName, sizeV: defSize},
		{name: "one sets name", files: map[string]string{"fixtures.us-east-2.tfvars": "name = \"eg-app\"\n"},
			nameV: unknownName, sizeV: defSize},
		{name: "JSON sets size", files: map[string]string{"prod.tfvars.json": `{"size": 512}`},
			nameV: defName, sizeV: unknownSize},
		{name: "any of two files", files: map[string]string{"dev.tfvars": "name = \"dev\"\n", "qa.tfvars": "size = 2\n"},
			nameV: unknownName, sizeV: unknownSize},
		{name: "over terraform.tfvars", files: map[string]string{"terraform.tfvars": "name = \"x\"\nsize = 7\n", "dev.tfvars": "name = \"dev\"\n"},
			nameV: unknownName, sizeV: cty.NumberIntVal(7)},
		{name: "auto-loaded files are values", files: map[string]string{"terraform.tfvars.json": `{"name": "j"}`, "a.auto.tfvars": "size = 8\n"},
			nameV: cty.StringVal("j"), sizeV: cty.NumberIntVal(8)},
		{name: "undeclared names ignored", files: map[string]string{"dev.tfvars": "region = \"eu-west-1\"\n"},
			nameV: defName, sizeV: defSize},
		{name: "-var-file given", files: map[string]string{"dev.tfvars": "name = \"dev\"\n", "other.tfvars": "size = 3\n"},
			opts: Options{VarFiles: []string{"DIR/other.tfvars"}}, nameV: defName, sizeV: cty.NumberIntVal(3)},
		{name: "-var given", files: map[string]string{"dev.tfvars": "name = \"dev\"\nsize = 4\n"},
			opts: Options{Vars: []string{"size=5"}}, nameV: defName, sizeV: cty.NumberIntVal(5)},
		{name: "in a called module's directory", files: map[string]string{"child/dev.tfvars": "image = \"\"\n"},
			nameV: defName, sizeV: defSize},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "main.tf", choiceVars)
			write(t, dir, "child/main.tf", choiceChild)
			for name, text := range c.files {
				write(t, dir, name, text)
			}
			opts := c.opts
			for i, f := range opts.VarFiles {
				if len(f) > 4 && f[:4] == "DIR/" {
					opts.VarFiles = append([]string{}, opts.VarFiles...)
					opts.VarFiles[i] = dir + f[3:]
				}
			}
			cfg, diags := Load(dir, opts)
			noErrors(t, diags)
			if len(diags) > 0 {
				t.Errorf("diagnostics: %s", diags.Error())
			}
			body := instance(t, cfg, "r.x").Body
			for _, v := range []struct {
				attr string
				want cty.Value
			}{{"name", c.nameV}, {"size", c.sizeV}} {
				if got := body.Value(v.attr); !got.RawEquals(v.want) {
					t.Errorf("%s = %#v, want %#v", v.attr, got, v.want)
				}
			}
			// No file sets tags: its default stays a value; the called module gets its own default.
			if got := body.Value("tags"); !got.IsWhollyKnown() {
				t.Errorf("tags = %#v, want its default", got)
			}
			if got := instance(t, cfg, "module.child.r.c").Body.Value("image"); !got.RawEquals(cty.StringVal("nginx")) {
				t.Errorf("module.child image = %#v, want its default nginx", got)
			}
		})
	}
}

// TestChoiceVarFileReusable: in a reusable module the variables are unknown unless the run sets them; a
// variable file for -var-file overrides what terraform.tfvars sets, so it is unknown too.
func TestChoiceVarFileReusable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "main.tf", reusableVars)
	write(t, dir, "terraform.tfvars", "cpu = 512\nfamily = \"x\"\n")
	write(t, dir, "prod.tfvars", "cpu = 1024\n")
	cfg, diags := Load(dir, Options{})
	noErrors(t, diags)
	body := instance(t, cfg, "r.x").Body
	if got := body.Value("cpu"); got.IsKnown() {
		t.Errorf("cpu = %#v, want unknown (prod.tfvars sets it)", got)
	}
	if got := body.Value("family"); !got.RawEquals(cty.StringVal("x")) {
		t.Errorf("family = %#v, want terraform.tfvars' x", got)
	}
}

// TestChoiceVarFileUnparsable: a variable file for -var-file that cannot be parsed gives a warning with its
// place (Terraform reads it only when a run names it); the variables it sets as far as it reads are unknown.
func TestChoiceVarFileUnparsable(t *testing.T) {
	for _, c := range []struct{ file, text, pos string }{
		{"dev.tfvars", "size = 3\nname = = \"x\"\n", "dev.tfvars:2,"},
		{"dev.tfvars", "size = 3\nblock {\n}\n", "dev.tfvars:2,"},
		{"dev.tfvars.json", `{"size": 3, "name": }`, "dev.tfvars.json:1,"},
	} {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "main.tf", choiceVars)
			write(t, dir, "child/main.tf", choiceChild)
			write(t, dir, c.file, c.text)
			cfg, diags := Load(dir, Options{})
			noErrors(t, diags)
			if findDiag(diags, hcl.DiagWarning, c.pos, "only when a -var-file option names it") == nil {
				t.Errorf("no warning at %s in %v", c.pos, diags)
			}
			body := instance(t, cfg, "r.x").Body
			if got := body.Value("size"); got.IsKnown() {
				t.Errorf("size = %#v, want unknown (the file sets it before the error)", got)
			}
		})
	}
}
