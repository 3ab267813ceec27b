package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestInstallWritesTheManifestTerraformWould builds a module repository with a tag and a root module that calls
// it from the registry (with a subdirectory), through a local module, and calls a module that is not in the
// corpus; the manifest must key nested calls as Terraform does and leave the missing one out.
func TestInstallWritesTheManifestTerraformWould(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	corpus := t.TempDir()
	mod := filepath.Join(corpus, "acme+terraform-aws-thing")
	writeFiles(t, mod, map[string]string{
		"modules/service/main.tf": "module \"inner\" {\n  source = \"../inner\"\n}\n",
		"modules/inner/main.tf":   "resource \"terraform_data\" \"x\" {}\n",
		"main.tf":                 "# the package root\n",
	})
	git(t, mod, "init", "-q")
	git(t, mod, "add", ".")
	git(t, mod, "commit", "-q", "-m", "one")
	git(t, mod, "tag", "v1.2.3")
	// A later commit that must not be what is installed.
	writeFiles(t, mod, map[string]string{"modules/inner/main.tf": "# changed after the tag\n"})
	git(t, mod, "commit", "-q", "-am", "two")

	root := filepath.Join(corpus, "acme+root", "env", "prod")
	writeFiles(t, root, map[string]string{
		"main.tf": `module "svc" {
  source  = "acme/thing/aws//modules/service"
  version = "~> 1.0"
}
module "other" {
  source = "hashicorp/other/aws"
}
module "wrap" {
  source = "./mods/wrap"
}
`,
		"mods/wrap/main.tf": "module \"deep\" {\n  source = \"registry.terraform.io/acme/thing/aws\"\n  version = \"1.2.3\"\n}\n",
	})
	entries, report, err := installRoot(root, corpus, []install{{Root: "acme/root", Path: "env/prod",
		Source: "acme/thing/aws", Version: "1.2.3", Repo: "acme/terraform-aws-thing", Rev: "v1.2.3"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []manifestEntry{
		{Key: "", Source: "", Dir: "."},
		{Key: "svc", Source: "registry.terraform.io/acme/thing/aws//modules/service", Version: "1.2.3", Dir: ".terraform/modules/svc/modules/service"},
		{Key: "svc.inner", Source: "../inner", Dir: ".terraform/modules/svc/modules/inner"},
		{Key: "wrap", Source: "./mods/wrap", Dir: "mods/wrap"},
		{Key: "wrap.deep", Source: "registry.terraform.io/acme/thing/aws", Version: "1.2.3", Dir: ".terraform/modules/wrap.deep"},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("entries:\n%+v\nwant\n%+v", entries, want)
	}
	if !strings.Contains(report, "module.other: hashicorp/other/aws not in the corpus, left out") {
		t.Errorf("report does not say that module.other was left out:\n%s", report)
	}
	b, err := os.ReadFile(filepath.Join(root, ".terraform", "modules", "modules.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Modules []manifestEntry }
	if err := json.Unmarshal(b, &m); err != nil || !reflect.DeepEqual(m.Modules, want) {
		t.Errorf("modules.json %s (%v), want the entries above", b, err)
	}
	got, err := os.ReadFile(filepath.Join(root, ".terraform", "modules", "svc", "modules", "inner", "main.tf"))
	if err != nil || !strings.Contains(string(got), "terraform_data") {
		t.Errorf("the installed module is not the tagged revision: %q (%v)", got, err)
	}
}

func TestReadReposRejectsBadLines(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ text, err string }{
		{"acme/one 0123456789012345678901234567890123456789\n", ""},
		{"acme/one 0123\n", "expected \"owner/name commit\""},
		{"acme/one 0123456789012345678901234567890123456789\nacme/one 0123456789012345678901234567890123456789\n", "already listed at line 1"},
		{"# nothing\n", "lists no repositories"},
	} {
		p := filepath.Join(dir, "list.txt")
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		repos, err := readRepos(p)
		switch {
		case c.err == "" && (err != nil || len(repos) != 1 || repos[0].Dir() != "acme+one"):
			t.Errorf("%q: %v %+v", c.text, err, repos)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one containing %q", c.text, err, c.err)
		}
	}
}

// TestCorpusListsParse keeps the committed lists readable by the measurement.
func TestCorpusListsParse(t *testing.T) {
	repos, err := readRepos("../realcode.txt")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range repos {
		listed[r.Name] = true
	}
	rows, lines, err := readFields("../realcode-installs.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range rows {
		if len(f) != 6 || !listed[f[0]] || !listed[f[4]] {
			t.Errorf("realcode-installs.txt:%d: %q: want 6 fields, and ROOT and REPO listed in realcode.txt", lines[i], strings.Join(f, " "))
		}
	}
}
