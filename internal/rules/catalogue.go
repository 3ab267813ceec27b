package rules

import (
	"regexp"
	"sort"
)

// DocsBase is where the rule pages are published.
const DocsBase = "https://github.com/ecskit/terraform-provider-ecskit/blob/main/docs/rules/"

// Scope says what kind of rule an entry of the catalogue is, and so which
// program runs it.
type Scope string

// The scopes, in the order the catalogue lists them.
const (
	// TaskScope: a task-definition rule of this package; both programs run it.
	TaskScope Scope = "task"
	// ConfigScope: a configuration rule (lint/configrules); only ecslint runs it.
	ConfigScope Scope = "config"
	// IgnoreScope: ecslint's check of its own ignore comments (lint/ignore).
	IgnoreScope Scope = "ignore"
)

var scopeOrder = map[Scope]int{TaskScope: 0, ConfigScope: 1, IgnoreScope: 2}

// AppliesTo names the programs that run rules of the scope, as the rule
// pages say it.
func (s Scope) AppliesTo() string {
	if s == TaskScope {
		return "provider data sources and ecslint"
	}
	return "ecslint"
}

// Meta is what is known about a rule besides its check: the data from which
// `ecslint rules`, the rule formats' metadata (SARIF and others), the rule
// index and the header of each rule page are made.
type Meta struct {
	// Name is the stable public ID, used in ignore lists and configuration.
	Name string
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Title is the diagnostic summary: "Invalid Fargate CPU/memory combination".
	Title string
	// Summary is one line for the catalogue: what the rule catches.
	Summary string
	// Since is the ecskit version that brought the rule.
	Since string
	// Scope is the kind of rule; register and the other packages' register
	// functions set it.
	Scope Scope
	// Sources are the AWS documentation pages the rule rests on; the
	// page's Source section cites each.
	Sources []string
}

// Link is the rule's documentation page.
func (m *Meta) Link() string { return DocsBase + m.Name + ".md" }

// Heading is the diagnostic summary with the rule name, so users can look
// the rule up and ignore it by name.
func (m *Meta) Heading() string { return m.Title + " (" + m.Name + ")" }

// entry is one rule of the catalogue: its metadata, and the rule as the
// package that runs it holds it (a *Rule for task rules).
type entry struct {
	meta *Meta
	impl any
}

// catalogue is the one registry of rules, of every scope. A program holds
// the rules of the packages it links: the provider the task rules, ecslint
// also its configuration rules and ignore_comment.
var catalogue = map[string]*entry{}

var (
	namePattern    = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	versionPattern = regexp.MustCompile(`^\d+\.\d+\.\d+$`)
)

// declare adds a rule to the catalogue. A malformed or duplicate rule is a
// programming error that every test run catches, so it panics.
func declare(m *Meta, impl any) {
	switch {
	case !namePattern.MatchString(m.Name):
		panic("rules: rule name " + m.Name + " is not snake_case")
	case catalogue[m.Name] != nil:
		panic("rules: duplicate rule " + m.Name)
	case m.Title == "" || m.Summary == "":
		panic("rules: rule " + m.Name + " lacks a title or summary")
	case !versionPattern.MatchString(m.Since):
		panic("rules: rule " + m.Name + " has no version in Since")
	}
	if _, ok := scopeOrder[m.Scope]; !ok {
		panic("rules: rule " + m.Name + " has an unknown scope")
	}
	catalogue[m.Name] = &entry{meta: m, impl: impl}
}

// Declare adds to the catalogue a rule that another package runs: a
// configuration rule of ecslint (ConfigScope) or ignore_comment
// (IgnoreScope); impl is the rule as that package holds it, which
// Implementations gives back. The rule's own file calls it once.
func Declare(m *Meta, impl any) {
	if m.Scope == TaskScope {
		panic("rules: task rule " + m.Name + " declared outside the rules package")
	}
	declare(m, impl)
}

// Implementations returns the rules of one scope as their packages declared
// them, sorted by name.
func Implementations(s Scope) []any {
	var out []any
	for _, e := range entries() {
		if e.meta.Scope == s {
			out = append(out, e.impl)
		}
	}
	return out
}

func entries() []*entry {
	out := make([]*entry, 0, len(catalogue))
	for _, e := range catalogue {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].meta, out[j].meta
		if a.Scope != b.Scope {
			return scopeOrder[a.Scope] < scopeOrder[b.Scope]
		}
		return a.Name < b.Name
	})
	return out
}

// Catalogue returns the metadata of every rule the program holds: the task
// rules, then the configuration rules, then ignore_comment, each kind sorted
// by name.
func Catalogue() []*Meta {
	var out []*Meta
	for _, e := range entries() {
		out = append(out, e.meta)
	}
	return out
}

// LookupMeta returns the metadata of the rule called name, of any scope, or
// nil.
func LookupMeta(name string) *Meta {
	if e := catalogue[name]; e != nil {
		return e.meta
	}
	return nil
}

// Implementation returns the rule called name as its package declared it, if
// it is of scope s; else nil.
func Implementation(name string, s Scope) any {
	if e := catalogue[name]; e != nil && e.meta.Scope == s {
		return e.impl
	}
	return nil
}
