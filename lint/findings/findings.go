// Package findings holds what ecslint reports: a finding with its rule,
// severity, message and source range (or resource address, for plan JSON),
// and the sorting every output format relies on.
package findings

import (
	"path/filepath"
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
	// Place is where a task-definition rule's finding is in the task
	// definition, containers by name where known
	// (containerDefinitions["web"].portMappings[0].hostPort; see
	// rules.Place); empty for configuration rules and for the whole task.
	// Baselines and GitLab fingerprints match findings by it rather than
	// by line.
	Place string
	// About is what identifies a configuration rule's finding on its
	// resource, as Place does a task rule's: the part of the resource it is
	// about (an attribute, a nested block) and the other resources it links
	// (target group, load balancer, security groups, by address), in the
	// rule's own order; nil for task rules. No output format prints it; with
	// Rule, Address and Place it tells two findings apart without reading
	// their messages (a plan's findings and the configuration's, a module
	// reached twice).
	About []string
	// Callers are the module calls the finding came through, outermost
	// first; empty in the root module. A finding inside an installed module
	// (which its user cannot edit) is placed at the call in the user's code,
	// and its last caller is then the place inside the module.
	Callers []Caller
}

// Caller is one step of a finding's way through module calls.
type Caller struct {
	// Address is the module call's instance address (module.svc["a"]), or,
	// for the place inside an installed module, the resource's address.
	Address string
	// Range is the call's argument that carried the value where it can be
	// traced, else the module block's header; or the place inside the module.
	Range hcl.Range
	// Inside is true for the place inside an installed module.
	Inside bool
}

// Sort orders findings by file (by resource address when there is no file),
// start and end of the range, rule, address and message, so every run
// prints the same output.
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
		if a.Range.End.Line != b.Range.End.Line {
			return a.Range.End.Line < b.Range.End.Line
		}
		if a.Range.End.Column != b.Range.End.Column {
			return a.Range.End.Column < b.Range.End.Column
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

// Identity is what names a finding across edits: its rule, file, resource
// address and place in the task definition, and neither its line, column
// nor message, so that code moved up or down, or a message reworded, is the
// same finding. Findings with the same identity are told apart by counting.
type Identity struct {
	Rule string `json:"rule"`
	// File is the file name with forward slashes ("" for a finding of plan
	// JSON that has no source).
	File    string `json:"file,omitempty"`
	Address string `json:"address,omitempty"`
	Place   string `json:"place,omitempty"`
}

// Identity returns f's identity, its file name as in its range.
func (f Finding) Identity() Identity {
	return Identity{Rule: f.Rule, File: filepath.ToSlash(f.Range.Filename), Address: f.Address, Place: f.Place}
}

// Less orders identities by file, address, place and rule.
func (a Identity) Less(b Identity) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Address != b.Address {
		return a.Address < b.Address
	}
	if a.Place != b.Place {
		return a.Place < b.Place
	}
	return a.Rule < b.Rule
}
