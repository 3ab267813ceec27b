// Package rulepages reads and writes the rule pages (templates/rules/*.md): it makes the parts of the pages
// that come from the rules' metadata (the header of each page and the tables of the index, README.md) and reads
// a page's failing and passing examples so that tests can run them.
//
// A page is Markdown. Its first lines are its header, made from the rule's metadata:
//
//	# rule_name
//
//	**Severity:** error · **Applies to:** provider data sources and ecslint · **Since:** 0.1.0
//
// Everything below is written by hand: a lead paragraph, then the sections Why, Failing example, Passing
// example, How to fix and Source (Sections), in that order.
package rulepages

import (
	"fmt"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// Sections are the sections every rule page has, in order.
var Sections = []string{"Why", "Failing example", "Passing example", "How to fix", "Source"}

// severityLine starts the last line of a page's header.
const severityLine = "**Severity:** "

// Header is the header of m's page: its title line and its severity line.
func Header(m *rules.Meta) string {
	return "# " + m.Name + "\n\n" + severityLine + m.Severity.String() + " · **Applies to:** " + m.Scope.AppliesTo() +
		" · **Since:** " + m.Since + "\n"
}

// SetHeader returns the page with its header made from m: the lines up to and including the severity line
// are replaced.
func SetHeader(page string, m *rules.Meta) (string, error) {
	if !strings.HasPrefix(page, "# ") {
		return "", fmt.Errorf("the page of %s does not start with its title line (# %s)", m.Name, m.Name)
	}
	lines := strings.SplitAfter(page, "\n")
	for i, l := range lines {
		if i > 3 {
			break
		}
		if strings.HasPrefix(l, severityLine) {
			return Header(m) + strings.Join(lines[i+1:], ""), nil
		}
	}
	return "", fmt.Errorf("the page of %s has no severity line (%s…) among its first lines", m.Name, severityLine)
}

// indexTable is the head of each table of the index.
const indexTable = "| rule | severity | catches |\n|---|---|---|\n"

// indexScopes are the kinds of rule the index's tables list, in order.
var indexScopes = []rules.Scope{rules.TaskScope, rules.ConfigScope, rules.IgnoreScope}

// Row is the line of the index that lists m.
func Row(m *rules.Meta) string {
	return "| [`" + m.Name + "`](" + m.Name + ".md) | " + m.Severity.String() + " | " +
		strings.ReplaceAll(m.Summary, "|", `\|`) + " |\n"
}

// SetIndex returns the index page with its three tables (task rules, configuration rules, ecslint's own rule)
// made from the catalogue; the text around them stays.
func SetIndex(index string, catalogue []*rules.Meta) (string, error) {
	var b strings.Builder
	rest := index
	for _, s := range indexScopes {
		i := strings.Index(rest, indexTable)
		if i < 0 {
			return "", fmt.Errorf("the rule index has no table for the %s rules (a table starting %q)", s, strings.SplitN(indexTable, "\n", 2)[0])
		}
		b.WriteString(rest[:i] + indexTable)
		rest = rest[i+len(indexTable):]
		for strings.HasPrefix(rest, "|") {
			end := strings.IndexByte(rest, '\n')
			if end < 0 {
				end = len(rest) - 1
			}
			rest = rest[end+1:]
		}
		for _, m := range catalogue {
			if m.Scope == s {
				b.WriteString(Row(m))
			}
		}
	}
	if strings.Contains(rest, indexTable) {
		return "", fmt.Errorf("the rule index has more than %d tables", len(indexScopes))
	}
	b.WriteString(rest)
	return b.String(), nil
}
