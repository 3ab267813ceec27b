// Package configrules holds ecslint's configuration rules: checks that need more than one resource of a
// Terraform configuration (a service with its task definition, target groups, load balancers, security groups
// and container instances). The task-definition rules live in internal/rules; these run only in ecslint.
//
// Every rule works on the resource graph (graph.go), which links resources through the expressions that refer
// to each other. Whatever cannot be followed or is unknown makes a rule silent: only certain mistakes are
// reported.
package configrules

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// Rule is one configuration rule: its metadata, in the catalogue of internal/rules, and its check.
type Rule struct {
	rules.Meta
	check func(g *graph, opts Options, r *report)
}

// Options tunes the configuration rules.
type Options struct {
	// DynamicPortRange is the host port range for dynamic port mapping; the zero value means
	// rules.DefaultDynamicPortRange.
	DynamicPortRange rules.PortRange
	// Skip reports whether a rule is turned off.
	Skip func(name string) bool
	// TaskDefinitions are the task definitions already decoded by the caller: aws_ecs_task_definition resources
	// and ecskit_task_definition data sources (ecslint's task rules decode every one, and compose each data
	// source once), so that Check need not decode them again. A resource that refers to an
	// ecskit_task_definition data source is still decoded by Check, which looks through the reference.
	TaskDefinitions map[*module.Instance]*taskdef.TaskDefinition
}

// register adds a configuration rule to the one catalogue of rules (internal/rules); each rule file calls it
// once.
func register(r *Rule) *Rule {
	if r.check == nil {
		panic("configrules: rule " + r.Name + " has no check") // a programming error caught by every test run
	}
	r.Scope = rules.ConfigScope
	rules.Declare(&r.Meta, r)
	return r
}

// All returns the configuration rules sorted by name.
func All() []*Rule {
	var out []*Rule
	for _, r := range rules.Implementations(rules.ConfigScope) {
		out = append(out, r.(*Rule))
	}
	return out
}

// Check runs every configuration rule not skipped over cfg and returns the findings sorted.
func Check(cfg *module.Config, opts Options) []findings.Finding {
	if opts.DynamicPortRange == (rules.PortRange{}) {
		opts.DynamicPortRange = rules.DefaultDynamicPortRange
	}
	g := newGraph(cfg, opts.TaskDefinitions)
	var out []findings.Finding
	for _, r := range All() {
		if opts.Skip != nil && opts.Skip(r.Name) {
			continue
		}
		rep := &report{rule: r}
		r.check(g, opts, rep)
		out = append(out, rep.findings...)
	}
	findings.Sort(out)
	return out
}

// report collects one rule's findings.
type report struct {
	rule     *Rule
	findings []findings.Finding
}

// add records a finding with the rule's severity about the resource at addr; about is what identifies it there
// (findings.Finding.About): the attribute or block it is about and the resources it links, never a message.
func (r *report) add(rng hcl.Range, addr string, about []string, format string, args ...any) {
	r.addSeverity(r.rule.Severity, rng, addr, about, format, args...)
}

// addSeverity records a finding with its own severity, never more severe than the rule's: cases that AWS's own
// sources dispute are warnings.
func (r *report) addSeverity(sev rules.Severity, rng hcl.Range, addr string, about []string, format string, args ...any) {
	if sev < r.rule.Severity {
		sev = r.rule.Severity
	}
	r.findings = append(r.findings, findings.Finding{
		Rule: r.rule.Name, Severity: sev, Link: r.rule.Link(),
		Message: fmt.Sprintf(format, args...), Range: rng, Address: addr, About: about,
	})
}

func itoa(i int) string { return strconv.Itoa(i) }
