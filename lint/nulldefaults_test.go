package lint

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// TestRootNullDefaultsAsTerraform: the warnings ecslint gives on testdata/root-null-defaults (a root module whose
// null defaults reach coalesce and replace in the module it calls) are the errors terraform plan gives there,
// place for place. Terraform cannot install the AWS provider here, so the module's aws_ resources are left out
// of terraform's copy; every warning is about a local, which terraform evaluates without them.
func TestRootNullDefaultsAsTerraform(t *testing.T) {
	tf := terraform(t)
	src := filepath.Join("testdata", "root-null-defaults")

	var stdout, stderr bytes.Buffer
	Run([]string{"--format", "json", "--recursive", src}, &stdout, &stderr)
	var out struct {
		Errors []struct {
			Summary, Severity string
			Range             *struct {
				Filename string
				Start    struct{ Line int }
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("ecslint's JSON output: %v\n%s", err, stderr.String())
	}
	var ours []string
	for _, e := range out.Errors {
		if e.Range == nil || e.Severity != "warning" {
			t.Fatalf("unexpected diagnostic %+v", e)
		}
		rel, err := filepath.Rel(src, e.Range.Filename)
		if err != nil {
			t.Fatal(err)
		}
		ours = append(ours, filepath.ToSlash(rel)+":"+strconv.Itoa(e.Range.Start.Line)+": "+e.Summary)
	}

	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	withoutAWSResources(t, filepath.Join(work, "mod", "main.tf"))
	root := filepath.Join(work, "root")
	if o, err := tf(root, "init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("terraform init: %v\n%s", err, o)
	}
	plan, err := tf(root, "plan", "-json", "-input=false", "-var", "service_name=web")
	if err == nil {
		t.Fatalf("terraform plan succeeded:\n%s", plan)
	}
	var theirs []string
	for _, line := range strings.Split(plan, "\n") {
		var msg struct {
			Type       string
			Diagnostic struct {
				Severity, Summary string
				Range             *struct {
					Filename string
					Start    struct{ Line int }
				}
			}
		}
		if json.Unmarshal([]byte(line), &msg) != nil || msg.Type != "diagnostic" || msg.Diagnostic.Severity != "error" {
			continue
		}
		d := msg.Diagnostic
		if d.Range == nil {
			t.Fatalf("terraform plan: %s without a place", d.Summary)
		}
		rel := filepath.ToSlash(filepath.Clean(filepath.Join("root", d.Range.Filename)))
		theirs = append(theirs, rel+":"+strconv.Itoa(d.Range.Start.Line)+": "+d.Summary)
	}
	sort.Strings(ours)
	sort.Strings(theirs)
	if len(ours) == 0 || strings.Join(ours, "\n") != strings.Join(theirs, "\n") {
		t.Errorf("ecslint warns:\n%s\nterraform plan fails with:\n%s", strings.Join(ours, "\n"), strings.Join(theirs, "\n"))
	}
}

// withoutAWSResources drops the resource blocks of hashicorp/aws types from the file.
func withoutAWSResources(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclwrite.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, b := range f.Body().Blocks() {
		if b.Type() == "resource" && strings.HasPrefix(b.Labels()[0], "aws_") {
			f.Body().RemoveBlock(b)
		}
	}
	if err := os.WriteFile(path, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
