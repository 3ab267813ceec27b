package lint

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// sortDiags orders the errors of a run so that the output is the same bytes
// whatever the order in which they were found (modules are checked by
// several workers; one evaluation can meet the same cycle from either end):
// those without a source first, then by file and position; then severity
// (errors first), summary and detail.
func sortDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	sort.SliceStable(diags, func(i, j int) bool { return diagLess(diags[i], diags[j]) })
	return diags
}

func diagLess(a, b *hcl.Diagnostic) bool {
	if (a.Subject == nil) != (b.Subject == nil) {
		return a.Subject == nil
	}
	if a.Subject != nil {
		if c := compareRanges(*a.Subject, *b.Subject); c != 0 {
			return c < 0
		}
	}
	if a.Severity != b.Severity {
		return a.Severity == hcl.DiagError
	}
	if a.Summary != b.Summary {
		return a.Summary < b.Summary
	}
	return a.Detail < b.Detail
}

// compareRanges orders ranges by file name, then start, then end.
func compareRanges(a, b hcl.Range) int {
	switch {
	case a.Filename != b.Filename:
		return cmpString(a.Filename, b.Filename)
	case a.Start.Byte != b.Start.Byte:
		return a.Start.Byte - b.Start.Byte
	case a.Start.Line != b.Start.Line:
		return a.Start.Line - b.Start.Line
	case a.Start.Column != b.Start.Column:
		return a.Start.Column - b.Start.Column
	case a.End.Byte != b.End.Byte:
		return a.End.Byte - b.End.Byte
	case a.End.Line != b.End.Line:
		return a.End.Line - b.End.Line
	}
	return a.End.Column - b.End.Column
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
