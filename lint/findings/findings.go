// Package findings holds what ecslint reports: a finding with its rule,
// severity, message and source range (or resource address, for plan JSON),
// and the sorting every output format relies on.
package findings

import (
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// Finding is one problem ecslint reports.
type Finding struct {
	// Rule is the rule's public name, e.g. "dynamic_port_security_group".
	Rule string
	// Severity after configuration overrides.
	Severity rules.Severity
	// Link is the rule's documentation page.
	Link string
	// Message is a full sentence that says what is wrong and how to fix it.
	Message string
	// Range is where the finding is in the source; Filename is empty when no source is known.
	Range hcl.Range
	// Address is the Terraform address of the resource, when known
	// (module.svc.aws_ecs_service.this).
	Address string
}

// Sort orders findings by file (by resource address when there is no file),
// line, column, rule and message, so every
// run prints the same output.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Filename == "" && a.Address != b.Address {
			return a.Address < b.Address // findings from plan JSON without a source
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return a.Message < b.Message
	})
}
