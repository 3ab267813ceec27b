package lint

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/format"

	// Besides the task rules, ecslint's catalogue holds the rules these packages declare in it.
	_ "github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	_ "github.com/ecskit/terraform-provider-ecskit/lint/ignore"
)

// writeCatalogue prints `ecslint rules`: name, scope, severity, summary; the task rules, then the configuration
// rules, then ignore_comment.
func writeCatalogue(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSCOPE\tSEVERITY\tSUMMARY")
	for _, m := range rules.Catalogue() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Name, m.Scope, m.Severity, m.Summary)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nTask rules run on every task definition; config rules look at several resources of a module;")
	fmt.Fprintln(w, "ignore_comment checks the ecslint-ignore comments themselves.")
	fmt.Fprintln(w, "Each rule's page: "+rules.DocsBase+"<rule>.md")
}

// knownRule reports whether name is a rule of ecslint: a task or
// configuration rule, or ignore_comment.
func knownRule(name string) bool { return rules.LookupMeta(name) != nil }

// ruleInfos is the catalogue for formats that carry rule metadata.
func ruleInfos() []format.Rule {
	var out []format.Rule
	for _, m := range rules.Catalogue() {
		out = append(out, format.Rule{Name: m.Name, Summary: m.Summary, Severity: m.Severity, Link: m.Link()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
