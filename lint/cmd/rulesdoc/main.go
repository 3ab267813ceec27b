// Command rulesdoc makes the parts of the rule pages that come from the rules' metadata: the header of each
// page in templates/rules and the tables of the rule index, templates/rules/README.md (see internal/rulepages).
// `make generate` runs it before tfplugindocs copies the pages to docs/rules.
//
//	go run ./lint/cmd/rulesdoc [-dir templates/rules]
//
// It lives beside ecslint because ecslint's catalogue holds every rule: the task rules of internal/rules, the
// configuration rules of lint/configrules and ignore_comment of lint/ignore.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/rulepages"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	_ "github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	_ "github.com/ecskit/terraform-provider-ecskit/lint/ignore"
)

// indexName is the rule index among the pages.
const indexName = "README.md"

func main() {
	dir := flag.String("dir", filepath.Join("templates", "rules"), "the directory of the rule pages")
	flag.Parse()
	files, err := generate(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rulesdoc: "+err.Error())
		os.Exit(1)
	}
	for _, name := range sortedKeys(files) {
		p := filepath.Join(*dir, name)
		if old, err := os.ReadFile(p); err == nil && string(old) == files[name] {
			continue
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "rulesdoc: "+err.Error())
			os.Exit(1)
		}
		fmt.Println("rulesdoc: wrote " + p)
	}
}

// generate returns the contents every page of dir must have: each rule's page with its header made from the
// catalogue, and the index with its tables. A rule without a page, or a page without a rule, is an error.
func generate(dir string) (map[string]string, error) {
	out := map[string]string{}
	catalogue := rules.Catalogue()
	var problems []string
	for _, m := range catalogue {
		name := m.Name + ".md"
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			problems = append(problems, fmt.Sprintf("rule %s has no page: write %s (copy the sections of another rule's page)", m.Name, filepath.Join(dir, name)))
			continue
		}
		page, err := rulepages.SetHeader(string(b), m)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		out[name] = page
	}
	b, err := os.ReadFile(filepath.Join(dir, indexName))
	if err != nil {
		return nil, err
	}
	index, err := rulepages.SetIndex(string(b), catalogue)
	if err != nil {
		return nil, err
	}
	out[indexName] = index
	pages, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		if _, ok := out[filepath.Base(p)]; !ok && rules.LookupMeta(strings.TrimSuffix(filepath.Base(p), ".md")) == nil {
			problems = append(problems, fmt.Sprintf("%s is the page of no rule: remove it, or name it after its rule", p))
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return out, nil
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
