package ignore

import "github.com/ecskit/terraform-provider-ecskit/internal/rules"

// RuleName is the rule under which problems with ignore comments are reported.
const RuleName = "ignore_comment"

// Rule is ignore_comment in the catalogue of rules (internal/rules): ecslint's check of its own ignore
// comments.
var Rule = &rules.Meta{
	Name:     RuleName,
	Severity: rules.Warning,
	Title:    "Ignore comment that does not apply",
	Summary:  "an ecslint-ignore comment that names an unknown rule, names none, or suppresses nothing",
	Since:    "0.1.0",
	Scope:    rules.IgnoreScope,
}

func init() { rules.Declare(Rule, Rule) }
