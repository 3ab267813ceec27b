// Package format writes ecslint's results in each output format. Formatters
// are registered by name in Formatters, so a format is added by adding one
// entry (and its file).
package format

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// Report is the result of one ecslint run.
type Report struct {
	// Findings are sorted with findings.Sort.
	Findings []findings.Finding
	// Errors are problems of the run itself (parse errors, unreadable paths,
	// values of the wrong type) and warnings about what could not be
	// evaluated, with ranges where there is a source.
	Errors hcl.Diagnostics
	// Files holds every file a range may point into, by the file name used
	// in the ranges, for printing source lines. A JSON file needs only Bytes.
	Files map[string]*hcl.File
	// Rules describes every rule a finding may name, sorted by name, for
	// formats that carry rule metadata (sarif).
	Rules []Rule
	// Version is ecslint's version.
	Version string
}

// Rule is one rule's metadata.
type Rule struct {
	Name     string
	Summary  string
	Severity rules.Severity
	Link     string
}

// Options tunes a formatter.
type Options struct {
	// Color turns on ANSI colours (text only).
	Color bool
}

// Formatter writes a report.
type Formatter func(w io.Writer, r *Report, opts Options) error

// Formatters maps each --format name to its formatter.
var Formatters = map[string]Formatter{
	"text":       Text,
	"json":       JSON,
	"sarif":      SARIF,
	"checkstyle": Checkstyle,
	"junit":      JUnit,
	"compact":    Compact,
	"gitlab":     GitLab,
}

// Names returns the format names in sorted order.
func Names() []string {
	names := make([]string, 0, len(Formatters))
	for n := range Formatters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func severityName(s hcl.DiagnosticSeverity) string {
	switch s {
	case hcl.DiagError:
		return "error"
	case hcl.DiagWarning:
		return "warning"
	}
	return "notice"
}

// location is where a finding is for one-line formats: file:line:column, or
// the resource address when the finding has no source (plan JSON).
func location(f findings.Finding) string {
	if f.Range.Filename == "" {
		return f.Address
	}
	return fmt.Sprintf("%s:%d:%d", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column)
}

// diagText is a diagnostic's summary and detail as one sentence or two.
func diagText(d *hcl.Diagnostic) string {
	if d.Detail == "" {
		return d.Summary
	}
	return strings.TrimSuffix(d.Summary, ".") + ": " + d.Detail
}

// callerText says what the i-th caller of a finding is: a module call, or,
// last of a finding moved out of an installed module, the place inside it.
func callerText(f findings.Finding, i int) string {
	if c := f.Callers[i]; c.Inside {
		return "inside the module: " + c.Address
	}
	return "through the call of " + f.Callers[i].Address
}
