package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rulepages"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

var (
	root      = filepath.Join("..", "..", "..")
	templates = filepath.Join(root, "templates", "rules")
	docs      = filepath.Join(root, "docs", "rules")
)

// TestGeneratedPagesCurrent: the headers of the rule pages and the index's tables are what the catalogue makes
// of them, and docs/rules is tfplugindocs' copy of templates/rules. Run `make generate` when it fails.
func TestGeneratedPagesCurrent(t *testing.T) {
	want, err := generate(templates)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != len(rules.Catalogue())+1 {
		t.Errorf("generate made %d pages for %d rules and the index", len(want), len(rules.Catalogue()))
	}
	for _, name := range sortedKeys(want) {
		for _, dir := range []string{templates, docs} {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("%v: run `make generate`", err)
				continue
			}
			if string(got) != want[name] {
				t.Errorf("%s is not what the rules' metadata makes of it: run `make generate`", filepath.Join(dir, name))
			}
		}
	}
	entries, err := os.ReadDir(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("docs/rules/%s is not in templates/rules: run `make generate`", e.Name())
		}
	}
}

// TestGenerateRefusesMissingAndStrayPages: a rule needs its page, and a page its rule.
func TestGenerateRefusesMissingAndStrayPages(t *testing.T) {
	dir := t.TempDir()
	pages, err := filepath.Glob(filepath.Join(templates, "*.md"))
	if err != nil || len(pages) == 0 {
		t.Fatal(pages, err)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := generate(dir); err != nil {
		t.Fatalf("a copy of the pages: %v", err)
	}
	if err := os.Rename(filepath.Join(dir, "essential_container.md"), filepath.Join(dir, "essential_containers.md")); err != nil {
		t.Fatal(err)
	}
	_, err = generate(dir)
	if err == nil || !strings.Contains(err.Error(), "rule essential_container has no page") || !strings.Contains(err.Error(), "essential_containers.md is the page of no rule") {
		t.Errorf("a renamed page: %v", err)
	}
}

// The files beside which each kind of rule is declared, relative to the module root.
var ruleDirs = map[rules.Scope]string{rules.TaskScope: "internal/rules", rules.ConfigScope: "lint/configrules"}

var awsLink = regexp.MustCompile(`https://docs\.aws\.amazon\.com/[^\s,;)` + "`" + `]+`)

// TestEveryRulePage: what the generator cannot make. Every rule is declared in its own file with its test
// beside it; its page has every section in order, says more than its header, and its Source section cites
// exactly the AWS pages of the rule's metadata.
func TestEveryRulePage(t *testing.T) {
	for _, m := range rules.Catalogue() {
		if dir, ok := ruleDirs[m.Scope]; ok {
			for _, f := range []string{m.Name + ".go", m.Name + "_test.go"} {
				if _, err := os.Stat(filepath.Join(root, dir, f)); err != nil {
					t.Errorf("rule %s: %v", m.Name, err)
				}
			}
			if len(m.Sources) == 0 {
				t.Errorf("rule %s names no AWS source in its metadata", m.Name)
			}
		}
		b, err := os.ReadFile(filepath.Join(templates, m.Name+".md"))
		if err != nil {
			t.Error(err)
			continue
		}
		page := string(b)
		lead := strings.TrimPrefix(page, rulepages.Header(m))
		if lead == page || !strings.HasPrefix(lead, "\n") || strings.HasPrefix(lead, "\n\n") || strings.HasPrefix(lead, "\n#") {
			t.Errorf("page of %s: the header is not followed by a blank line and a lead paragraph", m.Name)
		}
		last := -1
		for _, s := range rulepages.Sections {
			i := strings.Index(page, "\n## "+s+"\n")
			if i < 0 || i < last {
				t.Errorf("page of %s lacks section %q or has it out of order", m.Name, s)
			}
			last = i
		}
		source := ""
		if i := strings.Index(page, "\n## Source\n"); i >= 0 {
			source = page[i:]
		}
		var cited []string
		for _, u := range awsLink.FindAllString(source, -1) {
			if u = strings.TrimSuffix(u, "."); !slices.Contains(cited, u) {
				cited = append(cited, u)
			}
		}
		if !slices.Equal(cited, m.Sources) {
			t.Errorf("page of %s: the Source section cites the AWS pages\n%s\nbut the rule's Sources are\n%s", m.Name, strings.Join(cited, "\n"), strings.Join(m.Sources, "\n"))
		}
	}
}
