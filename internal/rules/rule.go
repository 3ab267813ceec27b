// Package rules is ecskit's catalogue of task-definition rules: the one place
// each rule lives. The Terraform provider and ecslint both run these rules on
// a taskdef.TaskDefinition and present the findings in their own way.
//
// A rule is a value: its metadata (Meta: a stable public name, a default
// severity, a title, a one-line summary, the version it came in, its AWS
// sources) and a check. Each rule is declared in a file named after it, with
// its table test beside it. The catalogue (catalogue.go) holds the metadata
// of every rule of both programs, ecslint's configuration rules included.
package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// Severity is how bad a finding is.
type Severity int

// The severities, from most to least severe.
const (
	Error Severity = iota
	Warning
	Notice
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "notice"
}

// ParseSeverity reads "error", "warning" or "notice".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "notice":
		return Notice, nil
	}
	return 0, fmt.Errorf("unknown severity %q: use error, warning or notice", s)
}

// Rule is one task-definition check of the catalogue: its metadata and its
// check.
type Rule struct {
	Meta
	// Check inspects the task definition and reports findings on the pass.
	Check func(*Pass)
}

// Finding is one problem found by a rule.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Message  string
	// Path is the place in the task definition, in API terms:
	// containerDefinitions[0].portMappings[0].hostPort. Empty for the whole task.
	Path string
	// Place is Path with the container named where its name is known
	// (containerDefinitions["web"].portMappings[0].hostPort; see Place), so
	// that it stays the same when containers are reordered.
	Place string
	// Range is the source range when the front door knows it.
	Range hcl.Range
}

// PortRange is an inclusive range of ports.
type PortRange struct{ From, To int }

// Contains reports whether p is in the range.
func (r PortRange) Contains(p int) bool { return p >= r.From && p <= r.To }

func (r PortRange) String() string { return fmt.Sprintf("%d-%d", r.From, r.To) }

// DefaultDynamicPortRange covers the ECS-optimized AMI's ephemeral range
// (32768–60999) and Docker's fallback (49153–65535); see ecs-facts 7.2.
var DefaultDynamicPortRange = PortRange{32768, 65535}

// Config tunes the rules.
type Config struct {
	// DynamicPortRange is the host port range for dynamic port mapping.
	DynamicPortRange PortRange
	// Skip reports whether a rule is turned off.
	Skip func(name string) bool
}

// Pass is one rule looking at one task definition.
type Pass struct {
	TD       *taskdef.TaskDefinition
	Config   Config
	rule     *Rule
	findings []Finding
}

// Report records a finding at the given place with the rule's severity.
//
// terraform plan prints a finding's message in clear text, whatever the
// configuration marks sensitive, so a message quotes only what the redacted
// copies show (compose.Field.Redact): names, images, numbers, flags,
// enumerations, paths, ARNs and the keys of maps. It never quotes free text
// (environment values, command, entry point and health-check arguments,
// Docker label and log option values, unknown members); it says what is
// wrong with it instead. leak_test.go checks every rule's cases.
func (p *Pass) Report(at taskdef.Locator, format string, args ...any) {
	p.ReportSeverity(p.rule.Severity, at, format, args...)
}

// ReportSeverity records a finding with a severity of its own: a rule whose
// case is disputed in AWS's own sources reports a warning, never an error.
func (p *Pass) ReportSeverity(sev Severity, at taskdef.Locator, format string, args ...any) {
	m := at.Loc()
	if sev < p.rule.Severity {
		sev = p.rule.Severity
	}
	p.findings = append(p.findings, Finding{Rule: p.rule, Severity: sev, Message: fmt.Sprintf(format, args...), Path: m.Path, Place: Place(p.TD, m.Path), Range: m.Range})
}

// register adds a task rule to the catalogue; each rule file calls it once.
func register(r *Rule) *Rule {
	if r.Check == nil {
		panic("rules: task rule " + r.Name + " has no check") // a programming error caught by every test run
	}
	r.Scope = TaskScope
	declare(&r.Meta, r)
	return r
}

// All returns the task rules sorted by name.
func All() []*Rule {
	var out []*Rule
	for _, r := range Implementations(TaskScope) {
		out = append(out, r.(*Rule))
	}
	return out
}

// Lookup returns the task rule called name, or nil.
func Lookup(name string) *Rule {
	r, _ := Implementation(name, TaskScope).(*Rule)
	return r
}

// Run checks td with every rule not skipped and returns the findings in a
// stable order: by source position, then path, then rule name.
func Run(td *taskdef.TaskDefinition, cfg Config) []Finding {
	if cfg.DynamicPortRange == (PortRange{}) {
		cfg.DynamicPortRange = DefaultDynamicPortRange
	}
	var out []Finding
	for _, r := range All() {
		if cfg.Skip != nil && cfg.Skip(r.Name) {
			continue
		}
		p := &Pass{TD: td, Config: cfg, rule: r}
		r.Check(p)
		out = append(out, p.findings...)
	}
	Sort(out)
	return out
}

// Sort orders findings by file, line, column, path and rule name.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Rule.Name < b.Rule.Name
	})
}
