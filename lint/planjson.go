package lint

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
	"github.com/ecskit/terraform-provider-ecskit/lint/plan"
)

// lintPlan lints plan JSON (terraform show -json): the task-definition
// rules on every aws_ecs_task_definition of planned_values, in the root
// module and in every child module, with its values as planned; then the
// configuration rules on the whole plan, whose resources plan.Config links
// through the references of the plan's configuration and through known IDs
// and ARNs. Findings carry the resource address and no source range;
// placePlanFindings gives them one when the configuration directory is
// linted in the same run.
//
// Data sources are not checked by the task rules: an ecskit data source
// whose values are known in the plan was already validated by the provider
// during the plan, and one read only at apply time has unknown values.
//
// Values that the plan marks sensitive are checked like the others, and
// nothing printed quotes them. The rules' messages quote only what ecskit's
// redaction policy shows (names, images, numbers, enumerations, paths,
// ARNs); a finding or error whose text would still hold one of the plan's
// hidden values (plan.Hidden) gives the rule's title and the place in the
// task definition in its place (sensitiveMessage). Decoding errors, which
// quote the start of a wrong value, never quote a resource whose sensitive
// values hold a secret. The plan file's text is never shown.
func (r *runner) lintPlan(name string, src []byte) {
	// Text output prints the source line of an error; a plan's lines hold its values, sensitive ones
	// included, in plain text.
	delete(r.files, name)
	firstError := len(r.errors)
	p, err := plan.Parse(src)
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read plan JSON",
			Detail:  fmt.Sprintf("%s looks like a Terraform plan but cannot be read: %s. Write it with `terraform show -json PLANFILE > %s`.", name, err, name),
			Subject: &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}})
		return
	}
	firstFinding := len(r.planFindings)
	decoded := map[string]*taskdef.TaskDefinition{}
	for _, res := range p.Resources() {
		if res.Mode == "managed" && res.Type == "aws_ecs_task_definition" {
			if td := r.checkPlannedTask(name, res); td != nil {
				decoded[res.Address] = td
			}
		}
	}
	cfg := p.Config(name, configrules.Schemas, configrules.Types)
	tds := map[*module.Instance]*taskdef.TaskDefinition{}
	for _, in := range cfg.InstancesOf(module.Managed, "aws_ecs_task_definition") {
		if td := decoded[in.Address]; td != nil {
			tds[in] = td
		}
	}
	for _, f := range configrules.Check(cfg, r.configRules(tds)) {
		f.Range = hcl.Range{} // ranges name the plan file and no place in it
		r.planFindings = append(r.planFindings, f)
	}
	hidden := p.Hidden()
	for i := firstFinding; i < len(r.planFindings); i++ {
		if f := &r.planFindings[i]; quotesHidden(f.Message, hidden) {
			f.Message = sensitiveMessage(f.Rule, f.Place, "the plan")
		}
	}
	for _, d := range r.errors[firstError:] {
		if quotesHidden(d.Summary, hidden) || quotesHidden(d.Detail, hidden) {
			d.Summary = "Invalid value in plan JSON"
			d.Detail = fmt.Sprintf("In %s, a value that the plan marks sensitive is not valid; ecslint does not show it. Check the values that the configuration gives the resources of this plan.", name)
		}
	}
}

// sensitiveMessage is the message of a finding on a value that by (the
// plan, the configuration) marks sensitive: the rule's title and the place
// in the task definition, never the value.
func sensitiveMessage(rule, place, by string) string {
	title := rule
	if m := rules.LookupMeta(rule); m != nil {
		title = m.Title
	}
	if place != "" {
		title += " at " + place
	}
	return title + "; ecslint does not show the value, which " + by + " marks sensitive. See the rule's page for what to change."
}

// quotesHidden reports whether text holds one of the hidden values, as it
// is or quoted (Go's %q, JSON).
func quotesHidden(text string, hidden []string) bool {
	for _, h := range hidden {
		if strings.Contains(text, h) {
			return true
		}
		if q := strconv.Quote(h); strings.Contains(text, q[1:len(q)-1]) {
			return true
		}
		if q, err := json.Marshal(h); err == nil && strings.Contains(text, string(q[1:len(q)-1])) {
			return true
		}
	}
	return false
}

// checkPlannedTask runs the task-definition rules on one planned
// aws_ecs_task_definition: its attributes converted as for HCL
// (compose.TaskAttributes), container_definitions parsed from its JSON
// string. It returns the decoded task definition, nil when the values are
// not a task definition at all.
func (r *runner) checkPlannedTask(name string, res plan.Resource) *taskdef.TaskDefinition {
	values := dropEmptyStrings(res.Values)
	input := compose.TaskAttributes(values)
	if input.Kind != tree.Object {
		return nil
	}
	// A decoding error quotes the start of a wrong value (tree.Node.Describe): on a resource whose
	// sensitive values hold a secret, none is shown.
	sensitive := res.Hides()
	defs := &tree.Node{Kind: tree.Unknown}
	if cd := values.Get("container_definitions"); cd != nil && cd.Kind == tree.String {
		n, diags := tree.ParseJSON([]byte(cd.Str), "")
		if diags.HasErrors() {
			why := diagMessage(diags[0]) + " "
			if res.SensitiveAt("container_definitions") {
				why = "ecslint does not show it, since the plan marks it sensitive. "
			}
			r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid container_definitions JSON",
				Detail: fmt.Sprintf("In %s, container_definitions of %s is not valid JSON: %sFix the JSON so that it is an array of container definitions.", name, res.Address, why)})
		} else {
			defs = n
		}
	}
	input.Fields = append(input.Fields, tree.Field{Key: "containerDefinitions", Value: defs})
	td, errs := decode(input)
	for i, d := range errs.Diagnostics() {
		d.Subject = nil // positions inside plan values mean nothing to the reader
		if sensitive {
			where := "the task definition"
			if errs[i].Path != "" {
				where = errs[i].Path
			}
			d.Detail = fmt.Sprintf("In %s, %s: %s is not valid; ecslint does not show the value, which the plan marks sensitive. Fix it in the configuration that gives it.", name, res.Address, where)
		} else {
			d.Detail = strings.TrimSpace(fmt.Sprintf("In %s, %s: %s", name, res.Address, d.Detail))
		}
		r.addError(d)
	}
	for _, f := range rules.Run(td, r.rulesConfig()) {
		r.planFindings = append(r.planFindings, findings.Finding{Rule: f.Rule.Name, Severity: f.Severity, Link: f.Rule.Link(), Message: f.Message, Address: res.Address, Place: f.Place})
	}
	return td
}

// dropEmptyStrings removes empty strings from planned values: the AWS
// provider's SDK plans an optional string that is not set (host_path of a
// volume, task_role_arn) as "", which the API would read as a value.
// container_definitions is left whole: it is parsed as JSON.
func dropEmptyStrings(n *tree.Node) *tree.Node {
	switch n.Kind {
	case tree.Object:
		out := &tree.Node{Kind: tree.Object, Range: n.Range}
		for _, f := range n.Fields {
			if f.Value.Kind == tree.String && f.Value.Str == "" {
				continue
			}
			if f.Key != "container_definitions" {
				f.Value = dropEmptyStrings(f.Value)
			}
			out.Fields = append(out.Fields, f)
		}
		return out
	case tree.Array:
		out := &tree.Node{Kind: tree.Array, Range: n.Range}
		for _, e := range n.Elems {
			out.Elems = append(out.Elems, dropEmptyStrings(e))
		}
		return out
	}
	return n
}

// placePlanFindings adds the findings from plan JSON. When a module tree
// loaded in this run has a resource with the same address (instance keys
// ignored: module.svc["a"].aws_ecs_task_definition.this[0] matches
// module.svc[*].aws_ecs_task_definition.this), the finding is placed on that
// resource's block header (the first one linted when several trees have
// it), unless the configuration's own lint reported the same finding
// (sameFinding): then the configuration's wins and the plan's is dropped.
// The configuration's is where the fix is (the attribute or nested block,
// through the module calls, rather than the block header), and ignore
// comments and baselines know it there. Its message may differ from the
// plan's, which is why messages are not compared: a value one knows and the
// other does not (a variable's default the plan's variables replace, a
// value computed at plan time), an instance key only the plan knows
// (module.svc[*] in the configuration's message).
func (r *runner) placePlanFindings() {
	if len(r.planFindings) == 0 {
		return
	}
	reported := map[string][]findings.Finding{} // by rule and address without instance keys
	for _, f := range r.findings {
		if f.Address != "" {
			k := f.Rule + "\x00" + stripKeys(f.Address)
			reported[k] = append(reported[k], f)
		}
	}
	for _, f := range r.planFindings {
		addr := stripKeys(f.Address)
		if rng, ok := r.blocks[addr]; ok {
			if slices.ContainsFunc(reported[f.Rule+"\x00"+addr], func(c findings.Finding) bool { return sameFinding(c, f) }) {
				continue
			}
			f.Range = rng
		}
		r.addPlanned(f)
	}
	r.planFindings = nil
}

// sameFinding reports whether the configuration's finding c and the plan's
// finding p are one finding: the same rule about the same resource instance
// (sameAddress) at the same place of its task definition (Place, for task
// rules) or about the same parts and linked resources (About, for
// configuration rules, whose addresses compare as the finding's).
func sameFinding(c, p findings.Finding) bool {
	return c.Rule == p.Rule && sameAddress(c.Address, p.Address) && c.Place == p.Place &&
		slices.EqualFunc(c.About, p.About, sameAddress)
}

// sameAddress reports whether the configuration's address c and the plan's
// address p name one instance: the same names, and the same instance keys
// where both know them ([*] is a key the configuration does not know).
// Keys compare by value: the configuration writes a string key as Go
// quotes it, the plan as Terraform does (with $${ for ${). Strings that are
// not addresses (the parts of Finding.About) compare as they are.
func sameAddress(c, p string) bool {
	cs, ps := addressSteps(c), addressSteps(p)
	if len(cs) != len(ps) {
		return false
	}
	for i := range cs {
		a, b := cs[i], ps[i]
		if a.keyed != b.keyed || a.text != b.text || a.key != b.key && a.key != "*" && b.key != "*" {
			return false
		}
	}
	return true
}

// addressStep is the text of an address up to an instance key, and the key.
type addressStep struct {
	text  string
	key   string // the key's value: a string key unquoted, a number as written, * when unknown
	keyed bool
}

// addressSteps splits an address at its instance keys ([0], ["a"], [*]).
// Keys are written by Terraform with strconv-style quoting, so a "]" inside
// a quoted key does not end it.
func addressSteps(addr string) []addressStep {
	var out []addressStep
	var text strings.Builder
	start, inString, escaped := -1, false, false
	for i, c := range addr {
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case start >= 0 && c == '"':
			inString = true
		case start < 0 && c == '[':
			start = i + 1
		case start >= 0 && c == ']':
			out = append(out, addressStep{text: text.String(), key: keyValue(addr[start:i]), keyed: true})
			text.Reset()
			start = -1
		case start < 0:
			text.WriteRune(c)
		}
	}
	if start >= 0 { // an unclosed key: the rest is text
		text.WriteString(addr[start-1:])
	}
	return append(out, addressStep{text: text.String()})
}

// keyValue is the value of an instance key as written inside the brackets.
func keyValue(k string) string {
	if !strings.HasPrefix(k, `"`) {
		return k
	}
	v, err := strconv.Unquote(k)
	if err != nil {
		return k
	}
	return strings.NewReplacer("$${", "${", "%%{", "%{").Replace(v)
}

// stripKeys removes the instance keys ([0], ["a"], [*]) from an address: the
// text of its addressSteps.
func stripKeys(addr string) string {
	var b strings.Builder
	for _, s := range addressSteps(addr) {
		b.WriteString(s.text)
	}
	return b.String()
}

// hideSensitive is the plan door's guard (quotesHidden, sensitiveMessage)
// on a module's result: a finding or error whose text would quote one of
// the hidden strings of the configuration's sensitive values (variables
// declared sensitive, sensitive()) says what is wrong and where without it.
func hideSensitive(out *moduleResult, hidden []string) {
	if len(hidden) == 0 {
		return
	}
	for i := range out.findings {
		if f := &out.findings[i]; quotesHidden(f.Message, hidden) {
			f.Message = sensitiveMessage(f.Rule, f.Place, "the configuration")
		}
	}
	for _, d := range out.errors {
		if quotesHidden(d.Summary, hidden) || quotesHidden(d.Detail, hidden) {
			d.Summary = "Invalid sensitive value"
			d.Detail = "A value that the configuration marks sensitive (a variable declared sensitive, sensitive()) is not valid here; ecslint does not show it. Check the value given here."
		}
	}
}
