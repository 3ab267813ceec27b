package lint

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// moduleRun checks the task definitions of one loaded module tree.
type moduleRun struct {
	r     *runner       // read only: modules are checked concurrently
	out   *moduleResult // what the checks found
	cfg   *module.Config
	files *tffunc.Files // resolves file("…") paths as the loader did
	// taskData holds the ecskit_task_definition data sources by module
	// instance and name (dataKey), composed holds their compositions, for the
	// resources built from their outputs.
	taskData map[string][]*module.Instance
	composed map[*module.Instance]*compose.TaskResult
	// decoded holds the task definitions the rules saw (of resources and
	// data sources), for the configuration rules
	// (configrules.Options.TaskDefinitions).
	decoded map[*module.Instance]*taskdef.TaskDefinition
	// containers counts the container definitions checked, against maxContainers.
	containers int
	overBudget bool
}

// budget counts n more containers to check against maxContainers; false, with a warning the first time,
// when they are too many.
func (m *moduleRun) budget(n int, in *module.Instance) bool {
	if m.containers += n; m.containers <= maxContainers {
		return true
	}
	if !m.overBudget {
		m.overBudget = true
		m.out.addError(&hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Too many containers to check",
			Detail:  fmt.Sprintf("The task definitions of this module hold more than %d container definitions in all (a count of task definitions with many containers each?); ecslint checks no more of them.", maxContainers),
			Subject: in.DefRange.Ptr()})
	}
	return false
}

// maxContainers bounds the container definitions checked in one module (with its local modules): 2,000 task
// definitions of the ten containers ECS allows. A few lines can ask for more (a count of 10,000 task definitions
// of 1,000 containers each), and checking them all would take minutes and gigabytes.
const maxContainers = 20000

// check is the module's one pass once it is loaded and evaluated: the
// task-definition rules on every task definition (checkTaskDefinitions: the
// ecskit data sources as the loader composed them, each
// aws_ecs_task_definition decoded once), then the configuration rules on the
// same decoded task definitions, then the findings in called modules placed
// through the calls.
func (m *moduleRun) check() {
	m.checkTaskDefinitions()
	m.out.findings = append(m.out.findings, configrules.Check(m.cfg, m.r.configRules(m.decoded))...)
	throughCalls(m.cfg, m.out.findings)
}

// checkTaskDefinitions runs the task-definition rules on every
// aws_ecs_task_definition resource and ecskit data source of cfg.
func (m *moduleRun) checkTaskDefinitions() {
	m.taskData = map[string][]*module.Instance{}
	m.composed = map[*module.Instance]*compose.TaskResult{}
	m.decoded = map[*module.Instance]*taskdef.TaskDefinition{}
	for _, in := range m.cfg.Instances {
		if in.Mode != module.Data || in.Body == nil {
			continue
		}
		switch in.Type {
		case "ecskit_task_definition":
			m.checkTaskData(in)
		case "ecskit_container_definition":
			m.checkContainerData(in)
		}
	}
	for _, in := range m.cfg.InstancesOf(module.Managed, "aws_ecs_task_definition") {
		if in.Body != nil {
			m.checkResource(in)
		}
	}
}

// dataKey identifies the data block name in the module instance module; its
// instances (count, for_each) share it.
func dataKey(module, name string) string { return module + "\x00" + name }

// checkTaskData reports the composition of an ecskit_task_definition, which
// the loader made when it evaluated the data source (dataSources); it is made
// here for a data source the loader did not evaluate (in a reference cycle, or
// with a body that does not decode).
func (m *moduleRun) checkTaskData(in *module.Instance) {
	res, _ := in.Result.(*compose.TaskResult)
	if res == nil {
		res = composeTask(in, m.r.rulesConfig())
	}
	for _, p := range res.Problems {
		m.out.addError(problemDiag(p, in.DefRange))
	}
	m.addDecodeErrors(res.DecodeErrors, in.DefRange)
	for _, f := range res.Findings {
		m.out.addFinding(f, in.DefRange, in.Address)
	}
	k := dataKey(in.Module, in.Name)
	m.taskData[k] = append(m.taskData[k], in)
	m.composed[in] = res
	if res.TD != nil {
		m.decoded[in] = res.TD
	}
}

// checkContainerData reports the problems of an ecskit_container_definition,
// composed as checkTaskData's.
func (m *moduleRun) checkContainerData(in *module.Instance) {
	res, _ := in.Result.(*compose.ContainerResult)
	if res == nil {
		res = composeContainer(in)
	}
	for _, p := range res.Problems {
		m.out.addError(problemDiag(p, in.DefRange))
	}
	m.addDecodeErrors(res.Errors, in.DefRange)
}

func problemDiag(p compose.Problem, fallback hcl.Range) *hcl.Diagnostic {
	rng := p.Range
	if rng.Filename == "" {
		rng = fallback
	}
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: p.Summary, Detail: p.Detail, Subject: rng.Ptr()}
}

// addDecodeErrors reports values of the wrong type. They are not rule
// findings: the input does not have the shape of a task definition at all,
// as with a syntax error, so they are errors of the run (exit code 2).
func (m *moduleRun) addDecodeErrors(errs taskdef.Errors, fallback hcl.Range) {
	for _, d := range errs.Diagnostics() {
		if d.Subject == nil {
			d.Subject = fallback.Ptr()
		}
		m.out.addError(d)
	}
}

// checkResource checks one aws_ecs_task_definition.
func (m *moduleRun) checkResource(in *module.Instance) {
	cfgTree := coerce(in.Body.Tree(taskBlocks, in.DefRange), compose.TaskFields)
	input := compose.TaskAttributes(cfgTree)
	if input.Kind != tree.Object {
		return
	}
	// Without container_definitions (which Terraform requires) the containers
	// are not known: they are not reported as missing.
	defs, keyRange := &tree.Node{Kind: tree.Unknown, Range: in.DefRange}, in.DefRange
	if attr := in.Body.Attributes["container_definitions"]; attr != nil {
		// The value jsonencode received tells the number of containers before any tree is built.
		if v := attr.JSONArg; v != cty.NilVal && v.IsKnown() && !v.IsNull() && (v.Type().IsTupleType() || v.Type().IsListType()) && !m.budget(v.LengthInt(), in) {
			return
		}
		defs, keyRange = m.containerDefinitions(attr), attr.Range
		if attr.JSONArg == cty.NilVal && defs.Kind == tree.Array && !m.budget(len(defs.Elems), in) {
			return
		}
	}
	input.Fields = append(input.Fields, tree.Field{Key: "containerDefinitions", KeyRange: keyRange, Value: defs})
	td, errs := decode(input)
	m.addDecodeErrors(errs, in.DefRange)
	m.decoded[in] = td
	reported := m.dataFindings(in)
	for _, f := range rules.Run(td, m.r.rulesConfig()) {
		if !reported[rulePlace{f.Rule.Name, f.Place}] {
			m.out.addFinding(f, in.DefRange, in.Address)
		}
	}
}

// rulePlace identifies a finding in a task definition: its rule and its place
// (rules.Finding.Place), as a baseline does.
type rulePlace struct{ rule, place string }

// dataFindings returns the findings of the ecskit_task_definition data
// sources the resource refers to. Such a resource registers the task
// definition the data source composed, whose findings were reported on the
// data source: the same rule at the same place of that task definition is not
// reported again on the resource. Its other findings (an attribute the
// resource sets itself, differently) are its own.
func (m *moduleRun) dataFindings(in *module.Instance) map[rulePlace]bool {
	if len(m.taskData) == 0 {
		return nil // no ecskit_task_definition in the module: nothing to look for
	}
	var out map[rulePlace]bool
	for _, a := range in.Body.Attributes {
		for _, tr := range a.Expr.Variables() {
			for _, d := range m.referencedData(in, tr) {
				for _, f := range m.composed[d].Findings {
					if out == nil {
						out = map[rulePlace]bool{}
					}
					out[rulePlace{f.Rule.Name, f.Place}] = true
				}
			}
		}
	}
	return out
}

// referencedData returns the instances of the ecskit_task_definition data
// source that the reference tr of instance in names: the one of the literal
// key the reference gives (data.ecskit_task_definition.x["a"]); without one,
// the instance with in's own key (data.ecskit_task_definition.x[each.key] from
// a resource with the same for_each), else all of them.
func (m *moduleRun) referencedData(in *module.Instance, tr hcl.Traversal) []*module.Instance {
	if tr.RootName() != "data" || len(tr) < 3 {
		return nil
	}
	typ, ok1 := tr[1].(hcl.TraverseAttr)
	name, ok2 := tr[2].(hcl.TraverseAttr)
	if !ok1 || !ok2 || typ.Name != "ecskit_task_definition" {
		return nil
	}
	all := m.taskData[dataKey(in.Module, name.Name)]
	key := in.Key
	if len(tr) > 3 {
		if ix, ok := tr[3].(hcl.TraverseIndex); ok {
			key = ix.Key
		}
	}
	if key == cty.NilVal || !key.IsKnown() {
		return all
	}
	for _, d := range all {
		if d.Key != cty.NilVal && d.Key.IsKnown() && d.Key.Equals(key).True() {
			return []*module.Instance{d}
		}
	}
	return all
}

// taskBlocks and containerBlocks name the nested blocks of the task
// definitions (aws_ecs_task_definition and ecskit_task_definition) and of
// ecskit_container_definition, for their bodies' trees (module.Body.Tree).
var taskBlocks, containerBlocks = configrules.BlockSchemaOf(compose.TaskSchema), configrules.BlockSchemaOf(compose.ContainerSchema)

// containerDefinitions builds the tree of container_definitions with the most
// precise ranges the expression allows: the elements of a jsonencode literal,
// the lines of a heredoc or of a file read with file(); otherwise the
// attribute's expression.
func (m *moduleRun) containerDefinitions(a *module.Attribute) *tree.Node {
	rng := a.Expr.Range()
	v := a.Value
	if call, ok := a.Expr.(*hclsyntax.FunctionCallExpr); ok && len(call.Args) == 1 && !call.ExpandFinal {
		switch call.Name {
		case "jsonencode":
			// The loader kept the argument's value: walk it rather than evaluate again. It lacks the
			// argument's marks, which the JSON carries; marked JSON is evaluated again.
			if a.JSONArg != cty.NilVal && !v.IsMarked() {
				if n := fromArgValue(call.Args[0], a.Ctx, a.JSONArg, 0); n != nil {
					return n
				}
			}
			if a.JSONArg == cty.NilVal && !v.IsKnown() {
				// jsonencode failed (the loader said why): evaluating the argument again would redo
				// what the loader stopped, for every instance of a count.
				return tree.FromValue(cty.DynamicVal, rng)
			}
			if n, diags := tree.FromExpr(call.Args[0], a.Ctx); n != nil && !diags.HasErrors() {
				return n
			}
			return tree.FromValue(cty.DynamicVal, rng)
		case "file":
			if n := m.fromFile(call.Args[0], a.Ctx, v); n != nil {
				return n
			}
		}
	}
	if v.IsMarked() || !v.IsKnown() {
		return &tree.Node{Kind: tree.Unknown, Range: rng}
	}
	if v.IsNull() || v.Type() != cty.String {
		return tree.FromValue(v, rng)
	}
	s := v.AsString()
	if tmpl, ok := a.Expr.(*hclsyntax.TemplateExpr); ok && len(tmpl.Parts) == 1 {
		if lit, ok := tmpl.Parts[0].(*hclsyntax.LiteralValueExpr); ok {
			if n, ok := m.fromHeredoc(tmpl, lit); ok {
				return n
			}
		}
	}
	n, diags := tree.ParseJSON([]byte(s), rng.Filename)
	if diags.HasErrors() {
		m.out.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid container_definitions JSON",
			Detail:  "container_definitions is not valid JSON: " + diagMessage(diags[0]) + " Fix the JSON so that it is an array of container definitions.",
			Subject: rng.Ptr()})
		return &tree.Node{Kind: tree.Unknown, Range: rng}
	}
	return relocate(n, rng)
}

// fromArgValue returns the tree tree.FromExpr(expr, ctx) builds, reading the values from v, the value expr
// evaluated to, instead of evaluating again: constructors are walked for their elements' ranges, the value of
// any other expression is v's element in its place. It returns nil where v does not match the constructors;
// the caller then evaluates.
func fromArgValue(expr hcl.Expression, ctx *hcl.EvalContext, v cty.Value, depth int) *tree.Node {
	if depth > tree.MaxDepth || v.IsMarked() {
		return nil
	}
	rng := expr.Range()
	switch e := expr.(type) {
	case *hclsyntax.TupleConsExpr:
		if !v.IsKnown() || v.IsNull() || !v.Type().IsTupleType() || v.LengthInt() != len(e.Exprs) {
			return nil
		}
		n := &tree.Node{Kind: tree.Array, Range: rng, Elems: make([]*tree.Node, 0, len(e.Exprs))}
		for i, x := range e.Exprs {
			c := fromArgValue(x, ctx, v.Index(cty.NumberIntVal(int64(i))), depth+1)
			if c == nil {
				return nil
			}
			n.Elems = append(n.Elems, c)
		}
		return n
	case *hclsyntax.ObjectConsExpr:
		if !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() || len(v.Type().AttributeTypes()) != len(e.Items) {
			return nil
		}
		n := &tree.Node{Kind: tree.Object, Range: rng, Fields: make([]tree.Field, 0, len(e.Items))}
		for _, item := range e.Items {
			k, diags := item.KeyExpr.Value(ctx)
			if diags.HasErrors() || k.IsMarked() || !k.IsKnown() || k.IsNull() || k.Type() != cty.String || !v.Type().HasAttribute(k.AsString()) {
				return nil // tree.FromExpr treats such an object as one value, or keeps repeated keys
			}
			key := k.AsString()
			c := fromArgValue(item.ValueExpr, ctx, v.GetAttr(key), depth+1)
			if c == nil {
				return nil
			}
			n.Fields = append(n.Fields, tree.Field{Key: key, KeyRange: item.KeyExpr.Range(), Value: c})
		}
		return n
	}
	return tree.FromValue(v, rng)
}

// fromHeredoc parses a heredoc without interpolation from the source bytes,
// so every value keeps its line and column in the .tf file. JSON ignores the
// indentation that <<- strips, so the raw bytes parse to the same value.
func (m *moduleRun) fromHeredoc(tmpl *hclsyntax.TemplateExpr, lit *hclsyntax.LiteralValueExpr) (*tree.Node, bool) {
	f := m.cfg.Files[tmpl.SrcRange.Filename]
	lr := lit.SrcRange
	if f == nil || lr.End.Byte > len(f.Bytes) || lr.Start.Byte > lr.End.Byte || !bytes.HasPrefix(f.Bytes[tmpl.SrcRange.Start.Byte:], []byte("<<")) {
		return nil, false
	}
	raw := f.Bytes[lr.Start.Byte:lr.End.Byte]
	if bytes.Contains(raw, []byte("$${")) || bytes.Contains(raw, []byte("%%{")) {
		return nil, false
	}
	n, diags := tree.ParseJSONAt(raw, lr.Filename, lr.Start)
	if diags.HasErrors() {
		for _, d := range diags {
			m.out.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid container_definitions JSON",
				Detail: "container_definitions is not valid JSON: " + diagMessage(d) + " Fix the JSON so that it is an array of container definitions.", Subject: d.Subject})
		}
		return &tree.Node{Kind: tree.Unknown, Range: tmpl.SrcRange}, true
	}
	return n, true
}

// fromFile parses the JSON file a file("…") call read, with the file's own
// name, so findings point into the JSON file.
func (m *moduleRun) fromFile(arg hcl.Expression, ctx *hcl.EvalContext, v cty.Value) *tree.Node {
	if !v.IsKnown() || v.IsNull() || v.IsMarked() || m.files == nil {
		return nil
	}
	p, diags := arg.Value(ctx)
	if diags.HasErrors() || p.IsMarked() || !p.IsKnown() || p.IsNull() || p.Type() != cty.String {
		return nil
	}
	real, err := m.files.Resolve(p.AsString())
	if err != nil {
		return nil
	}
	src, err := m.files.Read(p.AsString())
	if err != nil {
		return nil
	}
	name := m.r.displayName(real)
	n, diags := tree.ParseJSON(src, name)
	m.out.addSource(name, src)
	if diags.HasErrors() {
		for _, d := range diags {
			m.out.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid container_definitions JSON",
				Detail: filepath.Base(real) + " is not valid JSON: " + diagMessage(d) + " Fix the JSON so that it is an array of container definitions.", Subject: d.Subject})
		}
		return &tree.Node{Kind: tree.Unknown, Range: arg.Range()}
	}
	return n
}

func diagMessage(d *hcl.Diagnostic) string {
	msg := strings.TrimSuffix(d.Summary, ".")
	if d.Detail != "" {
		msg += ": " + strings.TrimSuffix(d.Detail, ".")
	}
	return msg + "."
}

// relocate gives every node of n the range rng: positions inside a string
// computed by an expression mean nothing in the configuration file.
func relocate(n *tree.Node, rng hcl.Range) *tree.Node {
	n.Range = rng
	for i := range n.Fields {
		n.Fields[i].KeyRange = rng
		relocate(n.Fields[i].Value, rng)
	}
	for _, e := range n.Elems {
		relocate(e, rng)
	}
	return n
}

// decode decodes a task definition. A value of the wrong type is an error,
// and is then treated as unknown, so that rules do not report what follows
// from its absence (a missing container when containerDefinitions is a
// string, a missing memory when memory is "lots").
func decode(n *tree.Node) (*taskdef.TaskDefinition, taskdef.Errors) {
	td, errs := taskdef.Decode(n)
	if len(errs) == 0 {
		return td, nil
	}
	bad := map[hcl.Range]bool{}
	for _, e := range errs {
		if e.Range.Filename != "" {
			bad[e.Range] = true
		}
	}
	if len(bad) == 0 || !markUnknown(n, bad) {
		return td, errs
	}
	td, _ = taskdef.Decode(n)
	return td, errs
}

// markUnknown turns the members of n at the bad ranges into unknown values
// (the outermost one where ranges repeat, as in a relocated string) and
// reports whether it found any.
func markUnknown(n *tree.Node, bad map[hcl.Range]bool) bool {
	found := false
	mark := func(c *tree.Node) {
		if bad[c.Range] {
			*c = tree.Node{Kind: tree.Unknown, Range: c.Range}
			found = true
		} else if markUnknown(c, bad) {
			found = true
		}
	}
	for _, f := range n.Fields {
		mark(f.Value)
	}
	for _, e := range n.Elems {
		mark(e)
	}
	return found
}
