package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rulepages"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// issue is a finding as ecslint's JSON output and baseline give it.
type issue struct {
	Rule     string
	Severity string
	Message  string
	File     string
	Line     int
	Column   int
	Place    string
}

// lintExample runs ecslint in process on the example, written to a file of its own: a task definition to
// taskdef.json, Terraform to main.tf. It returns the findings, each with its place from the baseline that the
// same run writes.
func lintExample(t *testing.T, e rulepages.Example) []issue {
	t.Helper()
	dir := t.TempDir()
	name, src := "main.tf", []byte(e.HCL())
	if e.Lang == "json" {
		var err error
		name = "taskdef.json"
		if src, err = e.JSON(); err != nil {
			t.Fatalf("the example (page line %d) in full: %v", e.Line, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
		t.Fatal(err)
	}
	target := dir
	if e.Lang == "json" {
		target = filepath.Join(dir, name)
	}
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	var stdout, stderr bytes.Buffer
	code := lint.Run([]string{"--format", "json", "--write-baseline", baseline, target}, &stdout, &stderr)
	var rep struct {
		Issues []struct {
			Rule struct {
				Name, Severity string
			}
			Message string
			Range   struct {
				Filename string
				Start    struct{ Line, Column int }
			}
		}
		Errors []struct{ Summary, Message string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("exit %d, output is not JSON (%v):\n%s%s", code, err, stdout.String(), stderr.String())
	}
	for _, e := range rep.Errors {
		t.Errorf("ecslint cannot read the example: %s: %s", e.Summary, e.Message)
	}
	if t.Failed() {
		t.FailNow()
	}
	var base struct {
		Findings []struct {
			Rule, Place, Message string
		}
	}
	b, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatalf("exit %d, no baseline: %v\n%s", code, err, stderr.String())
	}
	if err := json.Unmarshal(b, &base); err != nil {
		t.Fatal(err)
	}
	var out []issue
	for _, i := range rep.Issues {
		out = append(out, issue{Rule: i.Rule.Name, Severity: i.Rule.Severity, Message: i.Message,
			File: filepath.Base(i.Range.Filename), Line: i.Range.Start.Line, Column: i.Range.Start.Column})
	}
	// The baseline lists the same findings, sorted otherwise; give each issue the place of an entry with its
	// rule and message.
	used := make([]bool, len(base.Findings))
	for k := range out {
		for j, f := range base.Findings {
			if !used[j] && f.Rule == out[k].Rule && f.Message == out[k].Message {
				out[k].Place, used[j] = f.Place, true
				break
			}
		}
	}
	return out
}

// namedPlace is the place of a task rule's finding as ecslint reports it: the API path with containers named
// (rules.Place).
func namedPlace(t *testing.T, src []byte, path string) string {
	t.Helper()
	n, diags := tree.ParseJSON(src, "taskdef.json")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	td, errs := taskdef.Decode(n)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return rules.Place(td, path)
}

// TestPageExamplesThroughEcslint runs each rule page's failing and passing examples through ecslint: the
// failing example gives exactly the findings of the rule that the page quotes (message, and place or
// position where the page gives one), the passing example none of the rule. The provider runs the task
// rules' examples too (provider/rule_pages_test.go).
func TestPageExamplesThroughEcslint(t *testing.T) {
	for _, m := range rules.Catalogue() {
		t.Run(m.Name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(templates, m.Name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := rulepages.ParseExamples(string(b))
			if err != nil {
				t.Fatalf("templates/rules/%s.md: %v", m.Name, err)
			}
			wantLang := "hcl"
			if m.Scope == rules.TaskScope {
				wantLang = "json"
			}
			if ex.Failing.Lang != wantLang || ex.Passing.Lang != wantLang {
				t.Errorf("the examples of a %s rule are %s, not %s and %s", m.Scope, wantLang, ex.Failing.Lang, ex.Passing.Lang)
			}
			t.Run("failing", func(t *testing.T) {
				got := lintExample(t, ex.Failing)
				src, _ := ex.Failing.JSON()
				used := make([]bool, len(got))
				quoted := 0
				for _, q := range ex.Findings {
					rule := q.Rule
					if rule == "" {
						rule = m.Name
					}
					if rule == m.Name {
						quoted++
					}
					if m.Scope == rules.TaskScope && !q.Placed {
						t.Errorf("the page does not say where ecskit reports %q (a line \"ecskit reports, at `path`:\" above it)", q.Message)
					}
					found := false
					for k, g := range got {
						if used[k] || g.Rule != rule || !q.Matches(g.Message) {
							continue
						}
						found, used[k] = true, true
						if q.Placed && g.Place != namedPlace(t, src, q.Place) {
							t.Errorf("%s: the page says at %s, ecslint reports at %s", rule, q.Place, g.Place)
						}
						if q.File != "" && (g.File != q.File || g.Line != q.Line || g.Column != q.Column || g.Severity != q.Severity) {
							t.Errorf("%s: the page says %s:%d:%d: %s, ecslint reports %s:%d:%d: %s", rule, q.File, q.Line, q.Column, q.Severity, g.File, g.Line, g.Column, g.Severity)
						}
						break
					}
					if !found {
						t.Errorf("the page quotes a finding of %s that ecslint does not report:\n%s\necslint reports:\n%s", rule, q.Message, issues(got))
					}
				}
				if n := count(got, m.Name); n != quoted {
					t.Errorf("ecslint reports %d findings of %s, the page quotes %d:\n%s", n, m.Name, quoted, issues(got))
				}
			})
			t.Run("passing", func(t *testing.T) {
				got := lintExample(t, ex.Passing)
				if count(got, m.Name) > 0 {
					t.Errorf("the passing example gives findings of %s:\n%s", m.Name, issues(got))
				}
			})
		})
	}
}

func count(is []issue, rule string) int {
	n := 0
	for _, i := range is {
		if i.Rule == rule {
			n++
		}
	}
	return n
}

func issues(is []issue) string {
	var b strings.Builder
	for _, i := range is {
		b.WriteString("  " + i.Rule + " at " + i.Place + ": " + i.Message + "\n")
	}
	return b.String()
}
