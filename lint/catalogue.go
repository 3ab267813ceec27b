package lint

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/format"
	"github.com/ecskit/terraform-provider-ecskit/lint/ignore"
)

// catalogueEntry is one rule as `ecslint rules` lists it.
type catalogueEntry struct {
	name, scope, summary string
	severity             rules.Severity
}

// catalogue lists the task-definition rules, then the configuration rules,
// then ignore_comment.
func catalogue() []catalogueEntry {
	var out []catalogueEntry
	for _, r := range rules.All() {
		out = append(out, catalogueEntry{name: r.Name, scope: "task", severity: r.Severity, summary: r.Summary})
	}
	for _, r := range configrules.All() {
		out = append(out, catalogueEntry{name: r.Name, scope: "config", severity: r.Severity, summary: r.Summary})
	}
	out = append(out, catalogueEntry{name: ignore.RuleName, scope: "ignore", severity: rules.Warning,
		summary: "an ecslint-ignore comment that names an unknown rule, names none, or suppresses nothing"})
	return out
}

// writeCatalogue prints `ecslint rules`: name, scope, severity, summary.
func writeCatalogue(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSCOPE\tSEVERITY\tSUMMARY")
	for _, e := range catalogue() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.name, e.scope, e.severity, e.summary)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nTask rules run on every task definition; config rules look at several resources of a module;")
	fmt.Fprintln(w, "ignore_comment checks the ecslint-ignore comments themselves.")
	fmt.Fprintln(w, "Each rule's page: "+rules.DocsBase+"<rule>.md")
}

// knownRule reports whether name is a rule of ecslint: a task or
// configuration rule, or ignore_comment.
func knownRule(name string) bool {
	return rules.Lookup(name) != nil || configrules.Lookup(name) != nil || name == ignore.RuleName
}

// ruleInfos is the catalogue for formats that carry rule metadata.
func ruleInfos() []format.Rule {
	var out []format.Rule
	for _, e := range catalogue() {
		out = append(out, format.Rule{Name: e.name, Summary: e.summary, Severity: e.severity, Link: rules.DocsBase + e.name + ".md"})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
