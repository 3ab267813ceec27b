package module

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The module an installed call brings: a task definition sized by its caller, and a remote call of its own.
const installedECS = `
variable "cpu" {}
module "service" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "5.11.0"
  name    = "svc-${var.cpu}"
}
resource "aws_ecs_task_definition" "this" {
  family = "app"
  cpu    = var.cpu
}
output "family" {
  value = aws_ecs_task_definition.this.family
}
output "cpu" {
  value = var.cpu
}
`

const installedService = `
variable "name" {}
resource "aws_ecs_service" "this" {
  name = var.name
}
`

const rootCallsECS = `
module "ecs" {
  source  = "terraform-aws-modules/ecs/aws"
  version = "~> 5.0"
  cpu     = 256
}
resource "r" "x" {
  cpu = module.ecs.cpu
}
`

// manifestFor writes an installed tree for rootCallsECS: .terraform/modules/ecs with its nested
// service module, and the manifest, with host as the registry host the installer recorded.
func manifestFor(t *testing.T, dir, host, version string) {
	t.Helper()
	write(t, dir, "main.tf", rootCallsECS)
	write(t, dir, ".terraform/modules/ecs/main.tf", installedECS)
	write(t, dir, ".terraform/modules/ecs.service/modules/service/main.tf", installedService)
	write(t, dir, ".terraform/modules/modules.json", `{"Modules":[{"Key":"","Source":"","Dir":"."},
{"Key":"ecs","Source":"`+host+`/terraform-aws-modules/ecs/aws","Version":"`+version+`","Dir":".terraform/modules/ecs"},
{"Key":"ecs.service","Source":"`+host+`/terraform-aws-modules/ecs/aws//modules/service","Version":"5.11.0","Dir":".terraform/modules/ecs.service/modules/service"}]}`)
}

func TestInstalledModules(t *testing.T) {
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		t.Run(host, func(t *testing.T) {
			dir := t.TempDir()
			manifestFor(t, dir, host, "5.11.0")
			cfg, diags := Load(dir, Options{})
			noErrors(t, diags)
			if len(diags) != 0 {
				t.Errorf("diagnostics: %v", diags)
			}
			td := instance(t, cfg, "module.ecs.aws_ecs_task_definition.this")
			if got := td.Body.Value("cpu"); !got.RawEquals(cty.NumberIntVal(256)) {
				t.Errorf("cpu inside the installed module = %#v, want the caller's 256", got)
			}
			if len(td.Calls) != 1 || !td.Calls[0].Installed || td.Calls[0].Version != "~> 5.0" ||
				td.Calls[0].Dir != filepath.Join(dir, ".terraform", "modules", "ecs") || td.Calls[0].Args["cpu"].Start.Line != 5 {
				t.Errorf("calls = %+v", td.Calls)
			}
			if !strings.HasSuffix(td.DefRange.Filename, filepath.Join(".terraform", "modules", "ecs", "main.tf")) {
				t.Errorf("DefRange = %s, want the installed file", td.DefRange)
			}
			// Two levels deep: the installed module's own remote call, keyed ecs.service.
			svc := instance(t, cfg, "module.ecs.module.service.aws_ecs_service.this")
			if got := svc.Body.Value("name"); !got.RawEquals(cty.StringVal("svc-256")) {
				t.Errorf("nested installed module: name = %#v", got)
			}
			if len(svc.Calls) != 2 || svc.Calls[1].Address != "module.ecs.module.service" || !svc.Calls[1].Installed {
				t.Errorf("nested calls = %+v", svc.Calls)
			}
			// Outputs of installed modules flow back to the caller.
			if got := instance(t, cfg, "r.x").Body.Value("cpu"); !got.RawEquals(cty.NumberIntVal(256)) {
				t.Errorf("module.ecs.cpu = %#v", got)
			}
		})
	}
}

func TestInstalledModuleWarnings(t *testing.T) {
	cases := []struct {
		name    string
		prepare func(t *testing.T, dir string)
		want    []string // summary and parts of the warning; nil: no warning, the module is loaded
	}{
		{"no manifest", func(t *testing.T, dir string) {
			write(t, dir, "main.tf", rootCallsECS)
		}, []string{"Remote module not loaded", "is not installed", "Run terraform init"}},
		{"no entry", func(t *testing.T, dir string) {
			manifestFor(t, dir, "registry.terraform.io", "5.11.0")
			write(t, dir, "main.tf", strings.Replace(rootCallsECS, `module "ecs"`, `module "cluster"`, 1))
		}, []string{"Remote module not loaded", `"cluster"`, "is not in", "Run terraform init"}},
		{"source changed", func(t *testing.T, dir string) {
			manifestFor(t, dir, "registry.terraform.io", "5.11.0")
			write(t, dir, "main.tf", strings.Replace(rootCallsECS, "terraform-aws-modules/ecs/aws", "cloudposse/ecs-cluster/aws", 1))
		}, []string{"Installed module out of date", `installed from "registry.terraform.io/terraform-aws-modules/ecs/aws"`, "Run terraform init"}},
		{"version no longer allowed", func(t *testing.T, dir string) {
			manifestFor(t, dir, "registry.terraform.io", "4.1.3")
		}, []string{"Installed module out of date", `version 4.1.3 was installed, and the call asks for "~> 5.0"`}},
		{"installed directory gone", func(t *testing.T, dir string) {
			manifestFor(t, dir, "registry.terraform.io", "5.11.0")
			if err := os.RemoveAll(filepath.Join(dir, ".terraform", "modules", "ecs")); err != nil {
				t.Fatal(err)
			}
		}, []string{"Remote module not loaded", "cannot be read"}},
		{"manifest not JSON", func(t *testing.T, dir string) {
			write(t, dir, "main.tf", rootCallsECS)
			write(t, dir, ".terraform/modules/modules.json", "{")
		}, []string{"Unreadable module manifest", "Run terraform init again"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.prepare(t, dir)
			cfg, diags := Load(dir, Options{})
			noErrors(t, diags)
			if d := findDiag(diags, hcl.DiagWarning, c.want...); d == nil {
				t.Fatalf("no warning %q: %v", c.want, diags)
			}
			for _, in := range cfg.Instances {
				if in.Module != "" {
					t.Errorf("%s loaded from a module that is not installed as called", in.Address)
				}
			}
			if got := instance(t, cfg, "r.x").Body.Value("cpu"); got.IsKnown() {
				t.Errorf("module.ecs.cpu = %#v, want unknown", got)
			}
		})
	}
	t.Run("call_module_type local", func(t *testing.T) {
		dir := t.TempDir()
		manifestFor(t, dir, "registry.terraform.io", "5.11.0")
		cfg, diags := Load(dir, Options{CallModuleType: CallLocal})
		if len(diags) != 0 || len(cfg.Instances) != 1 {
			t.Errorf("installed module followed under local: %v, %d instances", diags, len(cfg.Instances))
		}
	})
}

func TestNormalSource(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"terraform-aws-modules/ecs/aws", "terraform-aws-modules/ecs/aws"},
		{"registry.terraform.io/terraform-aws-modules/ecs/aws", "terraform-aws-modules/ecs/aws"},
		{"registry.opentofu.org/terraform-aws-modules/ecs/aws//modules/service", "terraform-aws-modules/ecs/aws//modules/service"},
		{"app.terraform.io/org/ecs/aws", "app.terraform.io/org/ecs/aws"},
		{"github.com/org/repo", "git::https://github.com/org/repo.git"},
		{"github.com/org/repo.git//modules/x?ref=v1", "git::https://github.com/org/repo.git//modules/x?ref=v1"},
		{"github.com/org/repo/modules/x", "git::https://github.com/org/repo.git//modules/x"},
		{"git@github.com:org/repo.git?ref=v2", "git::ssh://git@github.com/org/repo.git?ref=v2"},
		{"git::https://example.com/repo.git?ref=v1", "git::https://example.com/repo.git?ref=v1"},
	} {
		if got := normalSource(c.in); got != c.want {
			t.Errorf("normalSource(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// terraformBinary returns the Terraform-compatible CLI of the acceptance tests (TF_ACC_TERRAFORM_PATH, as
// scripts/find-terraform.sh sets it), else terraform or tofu on PATH; the test is skipped without one.
func terraformBinary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"terraform", "tofu"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no terraform or tofu binary (set TF_ACC_TERRAFORM_PATH, or eval \"$(scripts/find-terraform.sh)\")")
	return ""
}

// run runs a command in dir, failing the test with its output on error.
func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// gitModuleRepo makes a git repository in a temporary directory holding files, tagged v1.0.0, and returns its
// path; the test is skipped without git.
func gitModuleRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed; it serves the module that terraform init installs")
	}
	repo := t.TempDir()
	for name, text := range files {
		write(t, repo, name, text)
	}
	run(t, repo, "git", "init", "-q")
	run(t, repo, "git", "add", "-A")
	run(t, repo, "git", "-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-q", "-m", "module")
	run(t, repo, "git", "tag", "v1.0.0")
	return repo
}

// TestTerraformInitGitModule installs modules with the real terraform (or tofu) from a local git repository
// (git::file://, which installs offline) and loads what it installed: a call of the repository's root with a
// ref, a call of a subdirectory, and a remote call inside a local module (key c.d), each with the caller's
// inputs, and the repository's own local call (a.inner) below its remote caller.
func TestTerraformInitGitModule(t *testing.T) {
	repo := gitModuleRepo(t, map[string]string{
		"main.tf": `
variable "cpu" {}
module "inner" {
  source = "./modules/svc"
  cpu    = var.cpu * 2
}
resource "terraform_data" "x" {
  input = var.cpu
}
output "cpu" {
  value = var.cpu
}
`,
		"modules/svc/main.tf": `
variable "cpu" {
  default = 1
}
resource "terraform_data" "y" {
  input = var.cpu
}
`,
	})
	tf := terraformBinary(t)
	src := "git::file://" + filepath.ToSlash(repo)
	root := t.TempDir()
	write(t, root, "main.tf", `
module "a" {
  source = "`+src+`?ref=v1.0.0"
  cpu    = 256
}
module "b" {
  source = "`+src+`//modules/svc?ref=v1.0.0"
  cpu    = 512
}
module "c" {
  source = "./local"
}
resource "terraform_data" "out" {
  input = module.a.cpu
}
`)
	write(t, root, "local/main.tf", `
module "d" {
  source = "`+src+`"
  cpu    = 1024
}
`)
	// terraform get installs modules and nothing else: no provider, no network.
	run(t, root, tf, "get")

	cfg, diags := Load(root, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics after %s get: %v", filepath.Base(tf), diags)
	}
	for addr, want := range map[string]int64{
		"module.a.terraform_data.x":                       256,
		"module.a.module.inner.terraform_data.y":          512,
		"module.b.terraform_data.y":                       512,
		"module.c.module.d.terraform_data.x":              1024,
		"module.c.module.d.module.inner.terraform_data.y": 2048,
		"terraform_data.out":                              256,
	} {
		if got := instance(t, cfg, addr).Body.Value("input"); !got.RawEquals(cty.NumberIntVal(want)) {
			t.Errorf("%s input = %#v, want %d", addr, got, want)
		}
	}
	x := instance(t, cfg, "module.c.module.d.terraform_data.x")
	if len(x.Calls) != 2 || x.Calls[0].Installed || !x.Calls[1].Installed || x.Calls[1].Source != src {
		t.Errorf("calls of module.c.module.d = %+v", x.Calls)
	}

	// A call changed after init: the installed copy is out of date, and is not read.
	write(t, root, "main.tf", strings.Replace(readFile(t, filepath.Join(root, "main.tf")), "?ref=v1.0.0\"\n  cpu    = 256", "?ref=main\"\n  cpu    = 256", 1))
	cfg, diags = Load(root, Options{})
	if findDiag(diags, hcl.DiagWarning, "Installed module out of date", `"a"`) == nil {
		t.Errorf("no out-of-date warning for module.a: %v", diags)
	}
	for _, in := range cfg.Instances {
		if strings.HasPrefix(in.Address, "module.a.") {
			t.Errorf("%s loaded from an out-of-date installation", in.Address)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
