package plan

import (
	"encoding/json"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// Bounds that keep Config finite on any plan.
const (
	// maxRefDepth is the most module boundaries one reference is followed across.
	maxRefDepth = 2 * module.MaxModuleDepth
	// maxTargets is the most traversals one attribute's references resolve to; past it the attribute links
	// nowhere.
	maxTargets = 256
)

// Config builds from the plan the view of the configuration that the configuration rules read from HCL: one
// module.Instance per resource and data source instance of the listed types (types nil: all), addressed as the
// plan addresses them; bodies from the planned values, with the nested blocks that schemas names as blocks.
// Each attribute's expression (Expr) has the planned value and the references that the plan's configuration
// records for it, so the rules link resources as Terraform does:
//
//   - A reference to a resource of the same module instance is kept as it is.
//   - A reference to an input variable continues in the argument of the module call (module_calls), in the
//     calling module instance; a reference to a module output continues in the output's expression, in the
//     called module instance (count and for_each keys included). Expressions are configrules.ScopedExpression.
//   - A known ID or ARN (planned value or prior state) that is the id or arn of one instance of the plan links
//     to that instance, whatever the configuration wrote: a resource that already exists.
//   - A list whose elements are unknown until apply (security groups being created) is read as the
//     resources its references name, when every reference names a resource.
//
// Whatever else (locals, which the plan does not record, count.index, each.value, functions of several
// references) links nowhere, so the rules that need the link stay silent. Nested blocks are matched with
// their configuration by their constant arguments; dynamic blocks, which the plan's configuration omits,
// keep their planned values without references. Ranges name the plan file (name) and nothing in it.
func (p *Plan) Config(name string, schemas map[string]*module.BlockSchema, types map[string]bool) *module.Config {
	b := &builder{p: p, schemas: schemas,
		rng:     hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}},
		modules: map[string]string{}, ids: map[string][]*module.Instance{}, configs: map[*tfjson.ConfigModule]map[string]*tfjson.ConfigResource{},
		memo: map[memoKey][]configrules.ScopedTraversal{}}
	if p.raw.Config != nil {
		b.root = p.raw.Config.RootModule
	}
	for _, m := range p.modules {
		if steps, ok := parseModule(m); ok {
			b.modules[render(steps)] = m
		}
	}
	cfg := &module.Config{Files: map[string]*hcl.File{}}
	var pending []*pendingInstance
	for _, r := range p.resources {
		if types != nil && !types[r.Type] || r.Mode == string(tfjson.DataResourceMode) && strings.HasPrefix(r.Type, "ecskit_") {
			// ecskit data sources: their values are already in the task definitions that use them.
			continue
		}
		in := &module.Instance{Type: r.Type, Name: r.Name, Module: r.Module, Key: indexKey(r.Index), Address: r.Address, DefRange: b.rng}
		if r.Mode == string(tfjson.DataResourceMode) {
			in.Mode = module.Data
		}
		cfg.Instances = append(cfg.Instances, in)
		pending = append(pending, &pendingInstance{in: in, values: r.Values})
		b.indexIDs(in, r.Values)
	}
	for _, pi := range pending {
		sc := b.scope(pi.in.Module)
		var exprs map[string]*tfjson.Expression
		if cr := b.configResource(sc, pi.in); cr != nil {
			exprs = cr.Expressions
			if exprs == nil {
				exprs = map[string]*tfjson.Expression{}
			}
		}
		// A data source's values are what it read; a resource's are its arguments only where the
		// configuration writes them (the others are defaults and computed values, which HCL does not
		// have either).
		pi.in.Body = b.body(sc, pi.values, schemas[pi.in.Type], exprs, exprs != nil && pi.in.Mode == module.Managed, 0)
	}
	return cfg
}

type pendingInstance struct {
	in     *module.Instance
	values *tree.Node
}

type builder struct {
	p       *Plan
	schemas map[string]*module.BlockSchema
	rng     hcl.Range
	root    *tfjson.ConfigModule
	// modules maps the canonical form of each module instance address to the plan's own spelling.
	modules map[string]string
	// ids maps every known id and arn (and cluster name) to the instances that have it.
	ids     map[string][]*module.Instance
	configs map[*tfjson.ConfigModule]map[string]*tfjson.ConfigResource
	memo    map[memoKey][]configrules.ScopedTraversal
}

// indexIDs records the known id and arn of an instance, and an ECS cluster's name, which services may give
// in place of its ARN.
func (b *builder) indexIDs(in *module.Instance, values *tree.Node) {
	if values == nil || values.Kind != tree.Object {
		return
	}
	attrs := []string{"id", "arn"}
	if in.Type == "aws_ecs_cluster" {
		attrs = append(attrs, "name")
	}
	for _, a := range attrs {
		if v := values.Get(a); v != nil && v.Kind == tree.String && v.Str != "" {
			list := b.ids[v.Str]
			if len(list) == 0 || list[len(list)-1] != in {
				b.ids[v.Str] = append(list, in)
			}
		}
	}
}

// link returns the traversal to the one instance whose id or arn is s, or nil.
func (b *builder) link(s string) *configrules.ScopedTraversal {
	list := b.ids[s]
	if len(list) > 1 {
		// A data source that reads a resource of the plan has its ID too: the resource is the one meant.
		var managed []*module.Instance
		for _, in := range list {
			if in.Mode == module.Managed {
				managed = append(managed, in)
			}
		}
		list = managed
	}
	if len(list) != 1 {
		return nil
	}
	in := list[0]
	var tr hcl.Traversal
	if in.Mode == module.Data {
		tr = hcl.Traversal{hcl.TraverseRoot{Name: "data"}, hcl.TraverseAttr{Name: in.Type}}
	} else {
		tr = hcl.Traversal{hcl.TraverseRoot{Name: in.Type}}
	}
	tr = append(tr, hcl.TraverseAttr{Name: in.Name})
	if in.Key != cty.NilVal {
		tr = append(tr, hcl.TraverseIndex{Key: in.Key})
	}
	tr = append(tr, hcl.TraverseAttr{Name: "id"})
	return &configrules.ScopedTraversal{Module: in.Module, Traversal: tr}
}

// ---- module instances ----

// step is one module call of a module instance address: module.NAME[KEY].
type step struct {
	name string
	key  cty.Value // cty.NilVal without count and for_each
}

// scope is a module instance with its configuration (nil when the plan has none for it).
type scope struct {
	addr  string
	steps []step
	cfg   *tfjson.ConfigModule
}

func parseModule(addr string) ([]step, bool) {
	if addr == "" {
		return nil, true
	}
	tr, diags := hclsyntax.ParseTraversalAbs([]byte(addr), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, false
	}
	var steps []step
	for i := 0; i < len(tr); {
		if stepName(tr[i]) != "module" || i+1 >= len(tr) {
			return nil, false
		}
		s := step{name: stepName(tr[i+1]), key: cty.NilVal}
		if s.name == "" {
			return nil, false
		}
		i += 2
		if i < len(tr) {
			if ix, ok := tr[i].(hcl.TraverseIndex); ok {
				s.key = ix.Key
				i++
			}
		}
		steps = append(steps, s)
	}
	return steps, true
}

func stepName(t hcl.Traverser) string {
	switch t := t.(type) {
	case hcl.TraverseRoot:
		return t.Name
	case hcl.TraverseAttr:
		return t.Name
	}
	return ""
}

// render writes a module instance address in Terraform's form: module.a["k"].module.b[0].
func render(steps []step) string {
	var sb strings.Builder
	for i, s := range steps {
		if i > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString("module.")
		sb.WriteString(s.name)
		if s.key != cty.NilVal {
			sb.WriteString(keyString(s.key))
		}
	}
	return sb.String()
}

// keyString writes an instance key as Terraform does: [0], ["a"] with HCL's string escapes.
func keyString(k cty.Value) string {
	if !k.IsKnown() || k.IsNull() {
		return "[*]"
	}
	switch k.Type() {
	case cty.Number:
		return "[" + tree.FormatNumber(k.AsBigFloat()) + "]"
	case cty.String:
		var sb strings.Builder
		sb.WriteString(`["`)
		s := k.AsString()
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '"' || c == '\\':
				sb.WriteByte('\\')
				sb.WriteByte(c)
			case c == '\n':
				sb.WriteString(`\n`)
			case c == '\r':
				sb.WriteString(`\r`)
			case c == '\t':
				sb.WriteString(`\t`)
			case (c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{':
				sb.WriteByte(c)
				sb.WriteByte(c)
			default:
				sb.WriteByte(c)
			}
		}
		sb.WriteString(`"]`)
		return sb.String()
	}
	return "[*]"
}

// scope returns the module instance at addr with its configuration.
func (b *builder) scope(addr string) *scope {
	steps, ok := parseModule(addr)
	if !ok {
		return &scope{addr: addr}
	}
	return b.scopeOf(steps)
}

func (b *builder) scopeOf(steps []step) *scope {
	sc := &scope{steps: steps, cfg: b.root}
	canon := render(steps)
	sc.addr = canon
	if a, ok := b.modules[canon]; ok {
		sc.addr = a
	}
	for _, s := range steps {
		if sc.cfg == nil {
			break
		}
		call := sc.cfg.ModuleCalls[s.name]
		if call == nil {
			sc.cfg = nil
			break
		}
		sc.cfg = call.Module
	}
	return sc
}

// configResource finds the configuration of an instance's resource block.
func (b *builder) configResource(sc *scope, in *module.Instance) *tfjson.ConfigResource {
	if sc.cfg == nil {
		return nil
	}
	byAddr := b.configs[sc.cfg]
	if byAddr == nil {
		byAddr = map[string]*tfjson.ConfigResource{}
		for _, r := range sc.cfg.Resources {
			if r != nil {
				byAddr[r.Address] = r
			}
		}
		b.configs[sc.cfg] = byAddr
	}
	addr := in.Type + "." + in.Name
	if in.Mode == module.Data {
		addr = "data." + addr
	}
	return byAddr[addr]
}

// ---- references ----

// resolveAll resolves the references of one expression in the module instance sc. Of references that
// Terraform lists both whole and in part (aws_lb.x.arn, aws_lb.x), the longest is kept. Results are kept per
// module instance and expression: many attributes read the same variable.
func (b *builder) resolveAll(sc *scope, refs []string, depth int) []configrules.ScopedTraversal {
	if len(refs) == 0 {
		return nil
	}
	key := memoKey{sc.addr, &refs[0], len(refs)}
	if out, ok := b.memo[key]; ok {
		return out
	}
	out := b.resolveRefs(sc, refs, depth)
	b.memo[key] = out
	return out
}

type memoKey struct {
	module string
	refs   *string
	n      int
}

func (b *builder) resolveRefs(sc *scope, refs []string, depth int) []configrules.ScopedTraversal {
	if len(refs) > maxTargets {
		return []configrules.ScopedTraversal{unresolved(sc)}
	}
	// Every reference cut before each of its steps: a reference among them is covered by a longer one.
	prefixes := map[string]bool{}
	for _, r := range refs {
		for i := 1; i < len(r); i++ {
			if r[i] == '.' || r[i] == '[' {
				prefixes[r[:i]] = true
			}
		}
	}
	var out []configrules.ScopedTraversal
	for _, ref := range refs {
		if prefixes[ref] {
			continue
		}
		out = append(out, b.resolve(sc, ref, depth)...)
		if len(out) > maxTargets {
			return []configrules.ScopedTraversal{unresolved(sc)}
		}
	}
	return out
}

// unresolved is a traversal that names nothing: it makes the graph's links through the expression unknown.
func unresolved(sc *scope) configrules.ScopedTraversal {
	return configrules.ScopedTraversal{Module: sc.addr, Traversal: hcl.Traversal{hcl.TraverseRoot{Name: "unknown"}}}
}

// resolve follows one reference: into the calling module for var.NAME, into the called module for
// module.NAME.OUTPUT; any other reference stays in sc.
func (b *builder) resolve(sc *scope, ref string, depth int) []configrules.ScopedTraversal {
	tr, diags := hclsyntax.ParseTraversalAbs([]byte(ref), "", hcl.InitialPos)
	if diags.HasErrors() || len(tr) == 0 {
		return []configrules.ScopedTraversal{unresolved(sc)}
	}
	here := []configrules.ScopedTraversal{{Module: sc.addr, Traversal: tr}}
	if depth >= maxRefDepth || sc.cfg == nil {
		return here
	}
	switch tr.RootName() {
	case "var":
		if len(tr) != 2 || len(sc.steps) == 0 {
			return here
		}
		parent := b.scopeOf(sc.steps[:len(sc.steps)-1])
		if parent.cfg == nil {
			return here
		}
		call := parent.cfg.ModuleCalls[sc.steps[len(sc.steps)-1].name]
		if call == nil {
			return here
		}
		e := call.Expressions[stepName(tr[1])]
		if e == nil || len(e.References) == 0 {
			return here
		}
		return b.resolveAll(parent, e.References, depth+1)
	case "module":
		if len(tr) < 3 {
			return here
		}
		name := stepName(tr[1])
		key, i := cty.NilVal, 2
		if ix, ok := tr[2].(hcl.TraverseIndex); ok {
			key, i = ix.Key, 3
		}
		if i != len(tr)-1 {
			return here // the whole module object, or a part of an output
		}
		call := sc.cfg.ModuleCalls[name]
		if call == nil || call.Module == nil {
			return here
		}
		if (call.CountExpression != nil || call.ForEachExpression != nil) != (key != cty.NilVal) {
			return here
		}
		out := call.Module.Outputs[stepName(tr[i])]
		if out == nil || out.Expression == nil || len(out.Expression.References) == 0 {
			return here
		}
		child := b.scopeOf(append(append([]step(nil), sc.steps...), step{name: name, key: key}))
		return b.resolveAll(child, out.Expression.References, depth+1)
	}
	return here
}

// resourceTarget names the resource instance a scoped traversal refers to ("" when it is no resource): the
// module instance, the resource and its literal key.
func resourceTarget(st configrules.ScopedTraversal) string {
	tr := st.Traversal
	n := 2
	if tr.RootName() == "data" {
		n = 3
	}
	if len(tr) < n || tr.RootName() != "data" && !strings.Contains(tr.RootName(), "_") {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(st.Module)
	for _, t := range tr[:n] {
		name := stepName(t)
		if name == "" {
			return ""
		}
		sb.WriteString(".")
		sb.WriteString(name)
	}
	if len(tr) > n {
		if ix, ok := tr[n].(hcl.TraverseIndex); ok {
			sb.WriteString(keyString(ix.Key))
		}
	}
	return sb.String()
}

// ---- bodies and expressions ----

// body builds an evaluated body from planned values (an object): attributes with their expressions, and
// the nested blocks that schema names as blocks. With written, only the attributes that the configuration
// (exprs) writes are kept.
func (b *builder) body(sc *scope, values *tree.Node, schema *module.BlockSchema, exprs map[string]*tfjson.Expression, written bool, depth int) *module.Body {
	body := &module.Body{Attributes: map[string]*module.Attribute{}, Range: b.rng}
	if values == nil || values.Kind != tree.Object || depth > tree.MaxDepth {
		return body
	}
	for _, f := range values.Fields {
		var e *tfjson.Expression
		if exprs != nil {
			e = exprs[f.Key]
		}
		if schema != nil {
			if child, isBlock := schema.Blocks[f.Key]; isBlock {
				body.Blocks = append(body.Blocks, b.blocks(sc, f.Key, f.Value, child, e, depth)...)
				continue
			}
		}
		v := f.Value
		if written && e == nil || v.Kind == tree.Null || e == nil && (v.Kind == tree.Unknown || v.Kind == tree.String && v.Str == "") {
			// Not set: null, computed by the provider, or the empty string the AWS provider plans for an
			// optional string not set.
			continue
		}
		body.Attributes[f.Key] = &module.Attribute{Name: f.Key, Expr: b.expr(sc, v, e), Range: b.rng, Value: toCty(v, 0)}
	}
	return body
}

// blocks builds the nested blocks of one type from their planned values, matched with their configuration.
func (b *builder) blocks(sc *scope, typ string, v *tree.Node, schema *module.BlockSchema, e *tfjson.Expression, depth int) []*module.Block {
	var cfgBlocks []map[string]*tfjson.Expression
	if e != nil {
		cfgBlocks = e.NestedBlocks
	}
	switch v.Kind {
	case tree.Array:
		var out []*module.Block
		for _, el := range v.Elems {
			if el.Kind == tree.Unknown {
				out = append(out, &module.Block{Type: typ, DefRange: b.rng, UnknownCount: true, Body: b.body(sc, nil, nil, nil, false, depth+1)})
				continue
			}
			cb := matchBlock(el, cfgBlocks, len(v.Elems))
			out = append(out, &module.Block{Type: typ, DefRange: b.rng, Body: b.body(sc, el, schema, cb, cb != nil, depth+1)})
		}
		return out
	case tree.Unknown:
		// Unknown until apply as a whole: the blocks the configuration writes, with their constant values
		// (dynamic blocks, which the configuration omits, may add more: only without any is that certain).
		if len(cfgBlocks) == 0 {
			return []*module.Block{{Type: typ, DefRange: b.rng, UnknownCount: true, Body: b.body(sc, nil, nil, nil, false, depth+1)}}
		}
		var out []*module.Block
		for _, cb := range cfgBlocks {
			out = append(out, &module.Block{Type: typ, DefRange: b.rng, Body: b.body(sc, constants(cb, schema), schema, cb, true, depth+1)})
		}
		return out
	}
	return nil
}

// constants is the planned-values form of a configuration block: its constant arguments, unknown values
// for the others, and its nested blocks.
func constants(cb map[string]*tfjson.Expression, schema *module.BlockSchema) *tree.Node {
	n := &tree.Node{Kind: tree.Object}
	keys := make([]string, 0, len(cb))
	for k := range cb {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := cb[k]
		var v *tree.Node
		switch {
		case e == nil:
			continue
		case len(e.NestedBlocks) > 0:
			arr := &tree.Node{Kind: tree.Array}
			var child *module.BlockSchema
			if schema != nil {
				child = schema.Blocks[k]
			}
			for _, nb := range e.NestedBlocks {
				arr.Elems = append(arr.Elems, constants(nb, child))
			}
			v = arr
		case isConstant(e):
			v = fromJSON(e.ConstantValue, 0)
		default:
			v = &tree.Node{Kind: tree.Unknown}
		}
		n.Fields = append(n.Fields, tree.Field{Key: k, Value: v})
	}
	return n
}

func isConstant(e *tfjson.Expression) bool {
	return e != nil && len(e.References) == 0 && len(e.NestedBlocks) == 0 && e.ConstantValue != tfjson.UnknownConstantValue && e.ConstantValue != nil
}

// matchBlock finds the configuration of one planned nested block: the one configuration block whose
// constant arguments all agree with the planned values (set-typed blocks are planned in no source order),
// or the only block of both.
func matchBlock(el *tree.Node, cfgBlocks []map[string]*tfjson.Expression, planned int) map[string]*tfjson.Expression {
	var found map[string]*tfjson.Expression
	n := 0
	for _, cb := range cfgBlocks {
		if agrees(el, cb) {
			found = cb
			n++
		}
	}
	switch {
	case n == 1:
		return found
	case len(cfgBlocks) == 1 && planned == 1:
		return cfgBlocks[0]
	}
	return nil
}

// agrees reports whether every constant primitive argument of a configuration block equals the planned value
// (unknown planned values agree with anything).
func agrees(el *tree.Node, cb map[string]*tfjson.Expression) bool {
	for k, e := range cb {
		if !isConstant(e) {
			continue
		}
		c := fromJSON(e.ConstantValue, 0)
		v := el.Get(k)
		if v == nil || v.Kind == tree.Unknown {
			continue
		}
		cs, okC := primitiveText(c)
		vs, okV := primitiveText(v)
		if okC && okV && cs != vs {
			return false
		}
	}
	return true
}

// primitiveText is a primitive value as text, so that "80" and 80 compare equal as Terraform converts them.
func primitiveText(n *tree.Node) (string, bool) {
	switch n.Kind {
	case tree.String:
		return n.Str, true
	case tree.Number:
		return tree.FormatNumber(n.Num), true
	case tree.Bool:
		if n.Bool {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// expr builds the expression of one attribute from its planned value and its configuration.
func (b *builder) expr(sc *scope, v *tree.Node, e *tfjson.Expression) hcl.Expression {
	x := &expr{val: toCty(v, 0), rng: b.rng}
	var refs []configrules.ScopedTraversal
	if e != nil && len(e.References) > 0 {
		refs = b.resolveAll(sc, e.References, 0)
	}
	x.vars = refs
	if v.Kind == tree.String {
		if l := b.link(v.Str); l != nil {
			x.vars = []configrules.ScopedTraversal{*l} // the value names the instance, whatever was written
		}
	}
	switch v.Kind {
	case tree.Array:
		return b.listExpr(x, v, refs)
	case tree.Unknown:
		if len(refs) == 0 {
			return x
		}
		// A list unknown as a whole until apply: one element per resource its references name, when
		// they name nothing but resources.
		var elems []hcl.Expression
		seen := map[string]bool{}
		for _, r := range refs {
			t := resourceTarget(r)
			if t == "" {
				return x
			}
			if !seen[t] {
				seen[t] = true
				elems = append(elems, &expr{val: cty.DynamicVal, rng: b.rng, vars: []configrules.ScopedTraversal{r}})
			}
		}
		return &listExpr{expr: x, elems: elems}
	}
	return x
}

// listExpr splits a planned list: known elements link by their value; the elements unknown until apply are
// the resources the references name that no known element names, when there are as many of those as unknown
// elements and the references name nothing but resources.
func (b *builder) listExpr(x *expr, v *tree.Node, refs []configrules.ScopedTraversal) hcl.Expression {
	elems := make([]*expr, len(v.Elems))
	named := map[string]bool{}
	unknown := 0
	for i, el := range v.Elems {
		elems[i] = &expr{val: toCty(el, 0), rng: b.rng}
		if el.Kind == tree.Unknown {
			unknown++
			continue
		}
		if el.Kind == tree.String {
			if l := b.link(el.Str); l != nil {
				elems[i].vars = []configrules.ScopedTraversal{*l}
				named[resourceTarget(*l)] = true
			}
		}
	}
	if unknown > 0 {
		var pool []configrules.ScopedTraversal
		seen := map[string]bool{}
		ok := true
		for _, r := range refs {
			t := resourceTarget(r)
			if t == "" {
				ok = false
				break
			}
			if !seen[t] && !named[t] {
				seen[t] = true
				pool = append(pool, r)
			}
		}
		if ok && len(pool) == unknown {
			j := 0
			for _, el := range elems {
				if !el.val.IsKnown() {
					el.vars = []configrules.ScopedTraversal{pool[j]}
					j++
				}
			}
		}
	}
	out := &listExpr{expr: x}
	for _, el := range elems {
		out.elems = append(out.elems, el)
	}
	return out
}

// expr is an attribute of a planned resource: its planned value and the references that produce it.
type expr struct {
	val  cty.Value
	vars []configrules.ScopedTraversal
	rng  hcl.Range
}

var _ configrules.ScopedExpression = (*expr)(nil)

func (e *expr) Value(*hcl.EvalContext) (cty.Value, hcl.Diagnostics) { return e.val, nil }
func (e *expr) Range() hcl.Range                                    { return e.rng }
func (e *expr) StartRange() hcl.Range                               { return e.rng }

// Variables returns the references' traversals without their module instances.
func (e *expr) Variables() []hcl.Traversal {
	out := make([]hcl.Traversal, len(e.vars))
	for i, v := range e.vars {
		out[i] = v.Traversal
	}
	return out
}

func (e *expr) ScopedVariables() []configrules.ScopedTraversal { return e.vars }

// listExpr is a list attribute whose elements are known one by one (hcl.ExprList).
type listExpr struct {
	*expr
	elems []hcl.Expression
}

func (l *listExpr) ExprList() []hcl.Expression { return l.elems }

// ---- values ----

// indexKey converts a resource's index to an instance key.
func indexKey(ix any) cty.Value {
	switch k := ix.(type) {
	case nil:
		return cty.NilVal
	case string:
		return cty.StringVal(k)
	case json.Number:
		if f, _, err := big.ParseFloat(string(k), 10, 512, big.ToNearestEven); err == nil {
			return cty.NumberVal(f)
		}
	case float64:
		return cty.NumberFloatVal(k)
	}
	return cty.DynamicVal
}

// toCty converts planned values to a cty value: objects to objects, arrays to tuples, unknown to
// cty.DynamicVal.
func toCty(n *tree.Node, depth int) cty.Value {
	if n == nil || depth > tree.MaxDepth {
		return cty.DynamicVal
	}
	switch n.Kind {
	case tree.Null:
		return cty.NullVal(cty.DynamicPseudoType)
	case tree.Bool:
		return cty.BoolVal(n.Bool)
	case tree.String:
		return cty.StringVal(n.Str)
	case tree.Number:
		if n.Num == nil {
			return cty.DynamicVal
		}
		return cty.NumberVal(n.Num)
	case tree.Object:
		if len(n.Fields) == 0 {
			return cty.EmptyObjectVal
		}
		m := make(map[string]cty.Value, len(n.Fields))
		for _, f := range n.Fields {
			m[f.Key] = toCty(f.Value, depth+1)
		}
		return cty.ObjectVal(m)
	case tree.Array:
		if len(n.Elems) == 0 {
			return cty.EmptyTupleVal
		}
		vs := make([]cty.Value, len(n.Elems))
		for i, e := range n.Elems {
			vs[i] = toCty(e, depth+1)
		}
		return cty.TupleVal(vs)
	}
	return cty.DynamicVal
}
