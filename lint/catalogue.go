package lint

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
)

// catalogueEntry is one rule as `ecslint rules` lists it.
type catalogueEntry struct {
	name, scope, summary string
	severity             rules.Severity
}

// catalogue lists the task-definition rules, then the configuration rules.
func catalogue() []catalogueEntry {
	var out []catalogueEntry
	for _, r := range rules.All() {
		out = append(out, catalogueEntry{name: r.Name, scope: "task", severity: r.Severity, summary: r.Summary})
	}
	for _, r := range configrules.All() {
		out = append(out, catalogueEntry{name: r.Name, scope: "config", severity: r.Severity, summary: r.Summary})
	}
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
	fmt.Fprintln(w, "\nTask rules run on every task definition; config rules look at several resources of a module.")
	fmt.Fprintln(w, "Each rule's page: "+rules.DocsBase+"<rule>.md")
}
