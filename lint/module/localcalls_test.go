package module

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLocalCalls: the local sources of a module's calls, in native syntax and JSON, resolved to real
// directories; remote sources, override files, other attributes and strings that merely look like paths are
// not calls. A file with a syntax error still gives its calls.
func TestLocalCalls(t *testing.T) {
	top := t.TempDir()
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	for _, d := range []string{"mods/a", "mods/b", "mods/c", "mods/d", "mods/e", "mods/f", "stack"} {
		if err := os.MkdirAll(filepath.Join(top, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(top, "mods", "e"), filepath.Join(top, "mods", "link")); err != nil {
		t.Fatal(err)
	}
	stack := filepath.Join(top, "stack")
	write(t, stack, "main.tf", `module "a" {
  source = "../mods/a"
}
module "a_again" {
  source = "../mods/a/"
}
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}
module "self" {
  source = "./"
}
module "linked" {
  source = "../mods/link"
}
module "missing" {
  source = "../mods/none"
}
variable "x" {
  default = "../mods/d"
}
module "inline" { source="../mods/f" }
resource "terraform_data" "x" {
  input = { resource_source = "../mods/d", sources = "../mods/d", source_x = "../mods/d" }
}
locals {
  y = file("${path.module}/../mods/d/x.json")
}
`)
	write(t, stack, "calls.tf.json", `{"module": {"b": {"source": "../mods/b"}}}`)
	write(t, stack, "broken.tf", "module \"c\" {\n  source = \"../mods/c\"\n}\nresource \"x\" {\n")
	write(t, stack, "override.tf", "module \"a\" {\n  source = \"../mods/d\"\n}\n")
	want := []string{top + "/mods/a", top + "/mods/b", top + "/mods/c", top + "/mods/e", top + "/mods/f", stack}
	for i := range want {
		want[i] = filepath.FromSlash(want[i])
	}
	if got := LocalCalls(stack, 0); !slices.Equal(got, want) {
		t.Errorf("LocalCalls = %q, want %q", got, want)
	}
	if got := LocalCalls(filepath.Join(top, "mods", "a"), 0); len(got) != 0 {
		t.Errorf("a module without calls: %q", got)
	}
	if got := LocalCalls(filepath.Join(top, "nothing"), 0); len(got) != 0 {
		t.Errorf("a missing directory: %q", got)
	}
}

// TestConfigCalled: Config.Called names the called modules that have instances, whatever the depth, and not
// one whose only call has count = 0.
func TestConfigCalled(t *testing.T) {
	top := t.TempDir()
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	write(t, top, "main.tf", `module "svc" {
  source = "./svc"
}
module "off" {
  source = "./off"
  count  = 0
}
module "each" {
  source   = "./each"
  for_each = toset(["a", "b"])
}
`)
	write(t, top, "svc/main.tf", "module \"td\" {\n  source = \"../td\"\n}\n")
	write(t, top, "td/main.tf", "")
	write(t, top, "off/main.tf", "")
	write(t, top, "each/main.tf", "")
	cfg, diags := Load(top, Options{})
	noErrors(t, diags)
	want := []string{filepath.Join(top, "each"), filepath.Join(top, "svc"), filepath.Join(top, "td")}
	if !slices.Equal(cfg.Called, want) {
		t.Errorf("Called = %q, want %q", cfg.Called, want)
	}
}

// TestLocalSources: what the text scan takes for a local source, and what it leaves (the answer is a hint:
// Load decides what a module calls).
func TestLocalSources(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{`source = "./a"`, []string{"./a"}},
		{"source\t=\t\"../b\"", []string{"../b"}},
		{`module "x" { source = "." }`, []string{"."}},
		{`{"module": {"x": {"source" : ".."}}}`, []string{".."}},
		{`source = "hashicorp/consul/aws"`, nil},
		{`source = "git::https://example.com/x.git"`, nil},
		{`source = "./${var.x}"`, nil},
		{`source = "./a\x"`, nil},
		{`source = <<EOT` + "\n./a\nEOT", nil},
		{`data_source = "./a"`, nil},
		{`sources = "./a"`, nil},
		{`source == "./a"`, nil},
		{`source = "./a`, nil},
		{`source = "./a` + "\n" + `"`, nil},
		{`source`, nil},
		{`source = "./a" source = "./b"`, []string{"./a", "./b"}},
	} {
		if got := localSources([]byte(c.src)); !slices.Equal(got, c.want) {
			t.Errorf("localSources(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}
