package module

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// modPath is one module of the static tree, as Terraform's graph sees it before expansion: the root module, or
// a module call reached through a chain of calls (module.a.module.b, without instance keys).
type modPath struct {
	cfg       *moduleConfig
	parent    *modPath
	call      *callDecl // the call in the parent; nil for the root
	addr      string    // module.a.module.b; "" for the root
	key       string    // the manifest key: a.b
	stack     []string  // real directories from the root, this one last
	installed bool
	args      map[string]hcl.Range // the call's argument ranges, for Call.Args
	children  map[string]*modPath  // the calls that are followed, by name
	order     []*modPath           // the same, in source order
	base      *hcl.EvalContext     // path, terraform and the resources, the same for every instance
	nodes     map[string]int       // var.x, local.x, output.x, data.t.n: the node index
	expand    int                  // the node that expands this module's call; -1 for the root
	close     int                  // the node that stands for all of the module; -1 for the root
	refVars   map[string][]string  // the variables each local and data source reads, by node address
	insts     []*modInst
}

// modInst is one module instance.
type modInst struct {
	path         *modPath
	parent       *modInst
	k            instanceKey // count or each of the call that made it
	addr         string
	unknownCount bool
	calls        []Call
	vars         map[string]cty.Value
	locals       map[string]cty.Value
	outputs      map[string]cty.Value
	data         map[string]map[string]cty.Value
	children     map[string]*childSet // the instances of each followed call, once expanded
	modCache     map[string]cty.Value // module.NAME values built from the children's outputs
	// evaluated holds the instances of data blocks that evalData made (DataSource.EvalBody), by key in order;
	// nil for a key whose body does not decode.
	evaluated map[*resourceDecl][]*Instance
}

// childSet holds the instances of one module call in one calling instance.
type childSet struct {
	keys    []instanceKey
	insts   []*modInst
	unknown bool
	isCount bool
}

// buildTree reads the modules that p's calls lead to, recursively, as Terraform's static module tree. Calls
// that cannot be followed are reported here, once however many instances their callers have.
func (l *loader) buildTree(p *modPath, paths *[]*modPath) {
	*paths = append(*paths, p)
	seen := map[string]hcl.Range{}
	for _, call := range p.cfg.calls {
		if prev, dup := seen[call.name]; dup {
			l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate definition",
				Detail:  fmt.Sprintf("module.%s is defined twice, here and at %s; rename or remove one of them.", call.name, prev),
				Subject: call.declRange.Ptr()})
			continue
		}
		seen[call.name] = call.declRange
		display, real, installed, ok := l.resolveCall(p, call)
		if !ok {
			continue
		}
		if !l.take(1, call.declRange) {
			return
		}
		child := l.module(display, real)
		for _, name := range sortedKeys(call.inputs) {
			if child.variables[name] == nil {
				a := call.inputs[name]
				l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unsupported argument",
					Detail:  fmt.Sprintf("Module %q (%s) declares no variable %q; remove the argument or declare the variable.", call.name, child.dir, name),
					Subject: a.NameRange.Ptr()})
			}
		}
		args := make(map[string]hcl.Range, len(call.inputs))
		for name, a := range call.inputs {
			args[name] = a.Expr.Range()
		}
		addr := "module." + call.name
		if p.addr != "" {
			addr = p.addr + "." + addr
		}
		c := &modPath{cfg: child, parent: p, call: call, addr: addr, key: callKey(p.key, call.name),
			stack: append(append(make([]string, 0, len(p.stack)+1), p.stack...), real), installed: installed, args: args}
		if p.children == nil {
			p.children = map[string]*modPath{}
		}
		p.children[call.name] = c
		p.order = append(p.order, c)
		l.buildTree(c, paths)
	}
}

// resolveCall finds the directory of a call of module p, or reports why it is not followed.
func (l *loader) resolveCall(p *modPath, call *callDecl) (display, real string, installed, ok bool) {
	if call.source == "" {
		return "", "", false, false
	}
	skip := func(sev hcl.DiagnosticSeverity, summary, detail string) (string, string, bool, bool) {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: sev, Summary: summary, Detail: detail, Subject: call.sourceRange.Ptr()})
		return "", "", false, false
	}
	if l.opts.CallModuleType == CallNone || (l.opts.CallModuleType == CallLocal && !isLocalSource(call.source)) {
		return "", "", false, false // not followed, as asked
	}
	if installed = !isLocalSource(call.source); installed {
		if display, real, ok = l.installedModule(p.key, call); !ok {
			return "", "", false, false
		}
	} else {
		var err error
		real, err = l.files.Resolve(filepath.Join(p.cfg.realDir, filepath.FromSlash(call.source)))
		if errors.Is(err, tffunc.ErrOutside) {
			return skip(hcl.DiagWarning, "Module outside the linted directory",
				fmt.Sprintf("Module %q points to %q, outside the linted directory %s, so it is not loaded and module.%s is unknown. Lint from a directory that contains both.", call.name, call.source, l.files.Allowed(), call.name))
		}
		if err == nil {
			if st, serr := os.Stat(real); serr != nil || !st.IsDir() {
				err = fmt.Errorf("it is not a directory")
			}
		}
		if err != nil {
			return skip(hcl.DiagError, "Module directory not found",
				fmt.Sprintf("Module %q has source %q, which is not a readable directory (%s). Fix the path.", call.name, call.source, err))
		}
		display = filepath.Join(p.cfg.dir, filepath.FromSlash(call.source))
	}
	for i, dir := range p.stack {
		if dir == real {
			chain := make([]string, 0, len(p.stack)-i+1)
			for _, d := range p.stack[i:] {
				chain = append(chain, l.relDir(d))
			}
			chain = append(chain, l.relDir(real))
			return skip(hcl.DiagError, "Module calls itself",
				fmt.Sprintf("Module %q calls a module that is already being evaluated (%s); a module cannot contain itself. Remove the recursive call.", call.name, strings.Join(chain, " calls ")))
		}
	}
	if len(p.stack) >= MaxModuleDepth {
		return skip(hcl.DiagError, "Modules nested too deeply",
			fmt.Sprintf("Module %q is nested more than %d modules deep; ecslint stops here.", call.name, MaxModuleDepth))
	}
	return display, real, installed, true
}

// baseContext is the part of a module's evaluation context that is the same in every instance: path,
// terraform.workspace, and the resources (unknown).
func (l *loader) baseContext(cfg *moduleConfig) *hcl.EvalContext {
	modPath := "."
	if rel, err := filepath.Rel(l.rootReal, cfg.realDir); err == nil {
		modPath = filepath.ToSlash(rel)
	}
	top := map[string]cty.Value{
		"path": cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(modPath), "root": cty.StringVal("."), "cwd": cty.StringVal(l.files.Base()),
		}),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")}),
	}
	resources := map[string]map[string]cty.Value{}
	for _, r := range cfg.resources {
		if r.mode == Managed && !reservedRoots[r.typ] {
			if resources[r.typ] == nil {
				resources[r.typ] = map[string]cty.Value{}
			}
			resources[r.typ][r.name] = cty.DynamicVal
		}
	}
	for typ, names := range resources {
		top[typ] = cty.ObjectVal(names)
	}
	return &hcl.EvalContext{Variables: top, Functions: l.funcs}
}

// newInstance makes an instance of module p, its values unknown until their nodes are evaluated.
func (l *loader) newInstance(p *modPath, parent *modInst, k instanceKey, addr string, unknownCount bool, calls []Call) *modInst {
	cfg := p.cfg
	mi := &modInst{path: p, parent: parent, k: k, addr: addr, unknownCount: unknownCount, calls: calls,
		vars: make(map[string]cty.Value, len(cfg.variables)), locals: make(map[string]cty.Value, len(cfg.locals)),
		data: map[string]map[string]cty.Value{}}
	for name, v := range cfg.variables {
		mi.vars[name] = cty.UnknownVal(v.typ)
		if v.sensitive {
			mi.vars[name] = mi.vars[name].Mark(tffunc.Sensitive)
		}
	}
	for _, a := range cfg.locals {
		mi.locals[a.Name] = cty.DynamicVal
	}
	if parent != nil {
		mi.outputs = make(map[string]cty.Value, len(cfg.outputs))
		for _, o := range cfg.outputs {
			mi.outputs[o.name] = cty.DynamicVal
		}
	}
	for _, r := range cfg.resources {
		if r.mode == Data {
			if mi.data[r.typ] == nil {
				mi.data[r.typ] = map[string]cty.Value{}
			}
			mi.data[r.typ][r.name] = cty.DynamicVal
		}
	}
	p.insts = append(p.insts, mi)
	return mi
}

// module returns the value of module.NAME in mi: its instances' outputs so far, unknown for a call that is not
// followed or not expanded.
func (mi *modInst) module(name string) cty.Value {
	if v, ok := mi.modCache[name]; ok {
		return v
	}
	cs := mi.children[name]
	if cs == nil {
		return cty.DynamicVal
	}
	vals := make([]cty.Value, len(cs.insts))
	for i, c := range cs.insts {
		vals[i] = cty.ObjectVal(c.outputs)
	}
	v := cty.DynamicVal
	if len(cs.insts) > 0 || cs.unknown || cs.keys != nil {
		v = combine(cs.keys, vals, cs.unknown, cs.isCount)
	}
	if mi.modCache == nil {
		mi.modCache = map[string]cty.Value{}
	}
	mi.modCache[name] = v
	return v
}

// setOutput records an output of mi, so that its caller's module.NAME shows it.
func (mi *modInst) setOutput(name string, v cty.Value) {
	mi.outputs[name] = v
	if mi.parent != nil {
		delete(mi.parent.modCache, mi.path.call.name)
	}
}

// scope returns an evaluation context with the variables, locals, modules and data sources that refs mention,
// or all of them when all is set. Building only what is referenced keeps a module with n locals at O(n) work.
func (mi *modInst) scope(refs []hcl.Traversal, all bool) *hcl.EvalContext {
	var vars, locals, modules map[string]cty.Value
	data := mi.data
	if all {
		vars, locals = mi.vars, mi.locals
		modules = make(map[string]cty.Value, len(mi.path.cfg.calls))
		for _, c := range mi.path.cfg.calls {
			modules[c.name] = mi.module(c.name)
		}
	} else {
		vars, locals, modules, data = map[string]cty.Value{}, map[string]cty.Value{}, map[string]cty.Value{}, map[string]map[string]cty.Value{}
		for _, t := range refs {
			if len(t) < 2 {
				continue
			}
			a, ok := t[1].(hcl.TraverseAttr)
			if !ok {
				continue
			}
			switch t.RootName() {
			case "var":
				if v, ok := mi.vars[a.Name]; ok {
					vars[a.Name] = v
				}
			case "local":
				if v, ok := mi.locals[a.Name]; ok {
					locals[a.Name] = v
				}
			case "module":
				if _, done := modules[a.Name]; !done && mi.path.cfg.declaresCall(a.Name) {
					modules[a.Name] = mi.module(a.Name)
				}
			case "data":
				if mi.data[a.Name] != nil {
					data[a.Name] = mi.data[a.Name]
				}
			}
		}
	}
	d := make(map[string]cty.Value, len(data))
	for typ, names := range data {
		d[typ] = cty.ObjectVal(names)
	}
	ctx := mi.path.base.NewChild()
	ctx.Variables = map[string]cty.Value{
		"var": cty.ObjectVal(vars), "local": cty.ObjectVal(locals), "module": cty.ObjectVal(modules), "data": cty.ObjectVal(d),
	}
	return ctx
}

// declaresCall reports whether the module has a module block named name.
func (m *moduleConfig) declaresCall(name string) bool {
	for _, c := range m.calls {
		if c.name == name {
			return true
		}
	}
	return false
}

// evaluate evaluates the module tree whose root is root, in the order of Terraform's graph, and records
// every resource and data source instance.
func (l *loader) evaluate(root *moduleConfig, inputs map[string]*inputValue) {
	rp := &modPath{cfg: root, stack: []string{root.realDir}}
	var paths []*modPath
	l.buildTree(rp, &paths)
	for _, p := range paths {
		p.base = l.baseContext(p.cfg)
	}
	nodes := l.graph(paths)
	sorted, cycles := order(len(nodes), func(i int) []int { return nodes[i].deps })
	inCycle := make([]bool, len(nodes))
	for _, c := range cycles {
		l.diags = append(l.diags, cycleDiag(nodes, c))
		for _, i := range c {
			inCycle[i] = true
		}
	}
	l.newInstance(rp, nil, instanceKey{}, "", false, nil)
	for _, i := range sorted {
		l.evalNode(nodes[i], inputs, inCycle[i])
	}
	for _, p := range paths {
		if p.parent != nil && len(p.insts) > 0 {
			l.called = append(l.called, p.cfg.realDir)
		}
		l.refVars = p.refVars
		for _, mi := range p.insts {
			l.calls = mi.calls
			full := mi.scope(nil, true)
			for _, r := range p.cfg.resources {
				l.addInstances(mi, r, full)
			}
		}
	}
	l.calls = nil
}

// evalNode computes a node's value in every instance of its module. A node in a cycle keeps its unknown
// value; an expansion in a cycle gives one instance of unknown key.
func (l *loader) evalNode(n *gnode, inputs map[string]*inputValue, inCycle bool) {
	p := n.path
	if n.kind == localNode || n.kind == dataNode {
		if vars := readVars(n.refs, p.refVars); vars != nil {
			p.refVars[n.addrInModule()] = vars
		}
	}
	defer func() { l.calls = nil }()
	if n.kind == expandNode {
		for _, pi := range n.scope.insts {
			l.calls = pi.calls // count and for_each are the caller's expressions
			l.expandCall(n, pi, inCycle)
		}
		return
	}
	if inCycle || n.kind == closeNode {
		return
	}
	for _, mi := range p.insts {
		l.calls = mi.calls
		if n.kind == varNode && mi.parent != nil {
			l.calls = mi.parent.calls // a call's arguments are the caller's expressions
		}
		switch n.kind {
		case varNode:
			v := p.cfg.variables[n.name]
			var in *inputValue
			if p.parent == nil {
				in = inputs[n.name]
				if in == nil && l.reusable {
					continue // a reusable module's callers choose; the default is not the value
				}
			} else if a := p.call.inputs[n.name]; a != nil {
				in = &inputValue{val: l.eval(a.Expr, childCtx(mi.parent.scope(n.refs, false), mi.k)), rng: a.Expr.Range()}
			}
			val, diags := v.value(in)
			l.diags = append(l.diags, diags...)
			if v.sensitive {
				val = val.Mark(tffunc.Sensitive)
			}
			mi.vars[n.name] = val
		case localNode:
			mi.locals[n.name] = l.eval(n.local.Expr, mi.scope(n.refs, false))
		case outputNode:
			mi.setOutput(n.name, l.eval(n.output.expr, mi.scope(n.refs, false)))
		case dataNode:
			l.refVars = p.refVars
			mi.data[n.data.typ][n.data.name] = l.evalData(mi, n.data, mi.scope(n.refs, false))
		}
	}
}

// addrInModule is the node's address inside its module (local.x, data.t.n), as references name it.
func (n *gnode) addrInModule() string {
	if n.kind == dataNode {
		return "data." + n.data.typ + "." + n.data.name
	}
	return "local." + n.name
}

// expandCall makes the instances of the call of n.path in the calling instance pi.
func (l *loader) expandCall(n *gnode, pi *modInst, inCycle bool) {
	p, call := n.path, n.path.call
	var keys []instanceKey
	var unknown bool
	switch {
	case inCycle && call.count != nil:
		keys, unknown = []instanceKey{{key: cty.UnknownVal(cty.Number),
			vars: map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}}}, true
	case inCycle && call.forEach != nil:
		keys, unknown = []instanceKey{{key: cty.UnknownVal(cty.String),
			vars: map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})}}}, true
	default:
		keys, unknown = l.expand(call.count, call.forEach, pi.scope(n.refs, false), call.declRange)
	}
	cs := &childSet{keys: keys, unknown: unknown, isCount: call.count != nil}
	if len(keys) == 0 && !unknown && call.count == nil && call.forEach == nil {
		cs.keys = nil // the object budget ran out: module.NAME is unknown
	}
	for _, k := range keys {
		addr := "module." + call.name + keyString(k.key)
		if pi.addr != "" {
			addr = pi.addr + "." + addr
		}
		calls := append(append(make([]Call, 0, len(pi.calls)+1), pi.calls...), Call{Name: call.name, Address: addr,
			DefRange: call.declRange, Args: p.args, Source: call.source, Version: call.version, Dir: p.cfg.dir, Installed: p.installed})
		cs.insts = append(cs.insts, l.newInstance(p, pi, k, addr, pi.unknownCount || unknown, calls))
	}
	if pi.children == nil {
		pi.children = map[string]*childSet{}
	}
	pi.children[call.name] = cs
	delete(pi.modCache, call.name)
}

func cycleDiag(nodes []*gnode, cycle []int) *hcl.Diagnostic {
	parts := make([]string, 0, len(cycle)+1)
	for _, i := range cycle {
		parts = append(parts, fmt.Sprintf("%s (%s)", nodes[i].addr(), nodes[i].rng))
	}
	parts = append(parts, nodes[cycle[0]].addr())
	first, last := nodes[cycle[0]], nodes[cycle[len(cycle)-1]]
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Reference cycle",
		Detail: fmt.Sprintf("%s and %s refer to each other: %s. Break the cycle; ecslint treats these values as unknown.",
			first.addr(), last.addr(), strings.Join(parts, " refers to ")),
		Subject: first.rng.Ptr()}
}
