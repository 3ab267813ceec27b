package module

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

func convertNumber(v cty.Value) (cty.Value, error) { return convert.Convert(v, cty.Number) }

func wholeNumber(v cty.Value) (int, error) {
	var n int
	err := gocty.FromCtyValue(v, &n)
	return n, err
}

// reservedRoots are the names a resource type must not shadow in an evaluation context.
var reservedRoots = map[string]bool{
	"var": true, "local": true, "module": true, "data": true, "path": true, "terraform": true,
	"count": true, "each": true, "self": true,
}

// modInst is one module instance being evaluated.
type modInst struct {
	cfg          *moduleConfig
	addr         string
	unknownCount bool
	stack        []string            // real directories of the calling chain, this one last
	calls        []Call              // the module calls from the root to this instance
	key          string              // the call names from the root, as the module manifest keys them ("a.b"); "" for the root
	refVars      map[string][]string // the variables each local and data source reads, by node address
	base         *hcl.EvalContext
	locals       map[string]cty.Value
	modules      map[string]cty.Value
	data         map[string]map[string]cty.Value
}

// node is a local, a module call or an evaluated data source, ordered by references.
type node struct {
	addr  string // local.x, module.x, data.t.n
	rng   hcl.Range
	refs  []hcl.Traversal
	local *hcl.Attribute
	call  *callDecl
	data  *resourceDecl
}

// evalModule evaluates one module instance, records its resource and data instances, and returns its outputs.
func (l *loader) evalModule(cfg *moduleConfig, inputs map[string]*inputValue, addr string, unknownCount bool, stack []string, calls []Call, key string) cty.Value {
	mi := &modInst{cfg: cfg, addr: addr, unknownCount: unknownCount, stack: stack, calls: calls, key: key, refVars: map[string][]string{},
		locals: map[string]cty.Value{}, modules: map[string]cty.Value{}, data: map[string]map[string]cty.Value{}}

	vars := map[string]cty.Value{}
	for _, name := range sortedKeys(cfg.variables) {
		v := cfg.variables[name]
		if addr == "" && l.reusable && inputs[name] == nil {
			vars[name] = cty.UnknownVal(v.typ) // a reusable module's callers choose; the default is not the value
			continue
		}
		val, diags := v.value(inputs[name])
		l.diags = append(l.diags, diags...)
		vars[name] = val
	}
	modPath := "."
	if rel, err := filepath.Rel(l.rootReal, cfg.realDir); err == nil {
		modPath = filepath.ToSlash(rel)
	}
	top := map[string]cty.Value{
		"var": cty.ObjectVal(vars),
		"path": cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(modPath), "root": cty.StringVal("."), "cwd": cty.StringVal(l.files.Base()),
		}),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")}),
	}
	resources := map[string]map[string]cty.Value{}
	for _, r := range cfg.resources {
		if r.mode == Data {
			if mi.data[r.typ] == nil {
				mi.data[r.typ] = map[string]cty.Value{}
			}
			mi.data[r.typ][r.name] = cty.DynamicVal
		} else if !reservedRoots[r.typ] {
			if resources[r.typ] == nil {
				resources[r.typ] = map[string]cty.Value{}
			}
			resources[r.typ][r.name] = cty.DynamicVal
		}
	}
	for typ, names := range resources {
		top[typ] = cty.ObjectVal(names)
	}
	mi.base = &hcl.EvalContext{Variables: top, Functions: l.funcs}

	nodes := l.nodes(mi)
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.addr] = i
	}
	sorted, cycles := order(len(nodes), func(i int) []int {
		var deps []int
		for _, t := range nodes[i].refs {
			if j, ok := index[refAddr(t)]; ok {
				deps = append(deps, j)
			}
		}
		return deps
	})
	inCycle := make([]bool, len(nodes))
	for _, c := range cycles {
		l.diags = append(l.diags, cycleDiag(nodes, c))
		for _, i := range c {
			inCycle[i] = true
		}
	}
	for _, i := range sorted {
		if !inCycle[i] {
			l.evalNode(mi, nodes[i])
		}
	}

	full := mi.scope(nil, true)
	for _, r := range cfg.resources {
		l.addInstances(mi, r, full)
	}
	outs := map[string]cty.Value{}
	if addr == "" {
		return cty.EmptyObjectVal // nothing reads the root module's outputs
	}
	for _, o := range cfg.outputs {
		outs[o.name] = l.eval(o.expr, full)
	}
	return cty.ObjectVal(outs)
}

// refAddr returns the node address a traversal refers to: local.x, module.x or data.t.n ("" otherwise).
func refAddr(t hcl.Traversal) string {
	name := func(i int) string {
		if i < len(t) {
			if a, ok := t[i].(hcl.TraverseAttr); ok {
				return a.Name
			}
		}
		return ""
	}
	switch t.RootName() {
	case "local", "module":
		if n := name(1); n != "" {
			return t.RootName() + "." + n
		}
	case "data":
		if typ, n := name(1), name(2); typ != "" && n != "" {
			return "data." + typ + "." + n
		}
	}
	return ""
}

func (l *loader) nodes(mi *modInst) []*node {
	var nodes []*node
	seen := map[string]hcl.Range{}
	add := func(n *node) {
		if prev, dup := seen[n.addr]; dup {
			l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate definition",
				Detail:  fmt.Sprintf("%s is defined twice, here and at %s; rename or remove one of them.", n.addr, prev),
				Subject: n.rng.Ptr()})
			return
		}
		seen[n.addr] = n.rng
		nodes = append(nodes, n)
	}
	for _, a := range mi.cfg.locals {
		mi.locals[a.Name] = cty.DynamicVal
		add(&node{addr: "local." + a.Name, rng: a.Range, refs: a.Expr.Variables(), local: a})
	}
	for _, c := range mi.cfg.calls {
		mi.modules[c.name] = cty.DynamicVal
		n := &node{addr: "module." + c.name, rng: c.declRange, call: c}
		n.refs = append(metaRefs(c.count, c.forEach), n.refs...)
		for _, a := range c.inputs {
			n.refs = append(n.refs, a.Expr.Variables()...)
		}
		add(n)
	}
	for _, r := range mi.cfg.resources {
		ds, ok := l.opts.DataSources[r.typ]
		if r.mode != Data || !ok {
			continue
		}
		refs := append(metaRefs(r.count, r.forEach), dynblock.VariablesHCLDec(r.config, ds.Spec)...)
		add(&node{addr: "data." + r.typ + "." + r.name, rng: r.declRange, refs: refs, data: r})
	}
	return nodes
}

func metaRefs(count, forEach hcl.Expression) []hcl.Traversal {
	var refs []hcl.Traversal
	for _, e := range []hcl.Expression{count, forEach} {
		if e != nil {
			refs = append(refs, e.Variables()...)
		}
	}
	return refs
}

func cycleDiag(nodes []*node, cycle []int) *hcl.Diagnostic {
	parts := make([]string, 0, len(cycle)+1)
	for _, i := range cycle {
		parts = append(parts, fmt.Sprintf("%s (%s)", nodes[i].addr, nodes[i].rng))
	}
	parts = append(parts, nodes[cycle[0]].addr)
	first, last := nodes[cycle[0]], nodes[cycle[len(cycle)-1]]
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Reference cycle",
		Detail: fmt.Sprintf("%s and %s refer to each other: %s. Break the cycle; ecslint treats these values as unknown.",
			first.addr, last.addr, strings.Join(parts, " refers to ")),
		Subject: first.rng.Ptr()}
}

// scope returns an evaluation context with the locals, modules and data sources that refs mention, or all of
// them when all is set. Building only what is referenced keeps a module with n locals at O(n) work.
func (mi *modInst) scope(refs []hcl.Traversal, all bool) *hcl.EvalContext {
	locals, modules, data := mi.locals, mi.modules, mi.data
	if !all {
		locals, modules, data = map[string]cty.Value{}, map[string]cty.Value{}, map[string]map[string]cty.Value{}
		for _, t := range refs {
			switch t.RootName() {
			case "local", "module":
				addr := refAddr(t)
				if addr == "" {
					continue
				}
				name := addr[strings.IndexByte(addr, '.')+1:]
				if v, ok := mi.locals[name]; ok && t.RootName() == "local" {
					locals[name] = v
				}
				if v, ok := mi.modules[name]; ok && t.RootName() == "module" {
					modules[name] = v
				}
			case "data":
				if len(t) < 2 {
					continue
				}
				a, ok := t[1].(hcl.TraverseAttr)
				if !ok || mi.data[a.Name] == nil {
					continue
				}
				data[a.Name] = mi.data[a.Name]
			}
		}
	}
	d := make(map[string]cty.Value, len(data))
	for typ, names := range data {
		d[typ] = cty.ObjectVal(names)
	}
	ctx := mi.base.NewChild()
	ctx.Variables = map[string]cty.Value{
		"local": cty.ObjectVal(locals), "module": cty.ObjectVal(modules), "data": cty.ObjectVal(d),
	}
	return ctx
}

func (l *loader) evalNode(mi *modInst, n *node) {
	ctx := mi.scope(n.refs, false)
	if n.local != nil || n.data != nil {
		if vars := readVars(n.refs, mi.refVars); vars != nil {
			mi.refVars[n.addr] = vars
		}
	}
	switch {
	case n.local != nil:
		mi.locals[n.local.Name] = l.eval(n.local.Expr, ctx)
	case n.call != nil:
		mi.modules[n.call.name] = l.callModule(mi, n.call, ctx)
	case n.data != nil:
		mi.data[n.data.typ][n.data.name] = l.evalData(n.data, ctx)
	}
}

// evalData evaluates a data source that has an evaluator.
func (l *loader) evalData(r *resourceDecl, ctx *hcl.EvalContext) cty.Value {
	ds := l.opts.DataSources[r.typ]
	keys, unknown := l.expand(r.count, r.forEach, ctx, r.declRange)
	vals := make([]cty.Value, len(keys))
	for i, k := range keys {
		ictx := childCtx(ctx, k)
		config, diags := hcldec.Decode(dynblock.Expand(r.config, ictx), ds.Spec, ictx)
		l.diags = append(l.diags, evalDiags(diags)...)
		if diags.HasErrors() {
			vals[i] = cty.DynamicVal
			continue
		}
		val, diags := ds.Eval(config)
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() || val == cty.NilVal {
			val = cty.DynamicVal
		}
		vals[i] = val
	}
	if len(keys) == 0 && !unknown && r.count == nil && r.forEach == nil {
		return cty.DynamicVal // the object budget ran out
	}
	return combine(keys, vals, unknown, r.count != nil)
}

// isLocalSource reports whether a module source is a local path, as Terraform decides it.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".."
}

// callModule evaluates a module call in the calling instance and returns module.NAME's value.
func (l *loader) callModule(mi *modInst, call *callDecl, ctx *hcl.EvalContext) cty.Value {
	if call.source == "" {
		return cty.DynamicVal
	}
	skip := func(sev hcl.DiagnosticSeverity, summary, detail string) cty.Value {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: sev, Summary: summary, Detail: detail, Subject: call.sourceRange.Ptr()})
		return cty.DynamicVal
	}
	if l.opts.CallModuleType == CallNone || (l.opts.CallModuleType == CallLocal && !isLocalSource(call.source)) {
		return cty.DynamicVal // not followed, as asked
	}
	var display, real string
	installed := !isLocalSource(call.source)
	if installed {
		var ok bool
		if display, real, ok = l.installedModule(mi, call); !ok {
			return cty.DynamicVal
		}
	} else {
		var err error
		real, err = l.files.Resolve(filepath.Join(mi.cfg.realDir, filepath.FromSlash(call.source)))
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
		display = filepath.Join(mi.cfg.dir, filepath.FromSlash(call.source))
	}
	for i, dir := range mi.stack {
		if dir == real {
			chain := make([]string, 0, len(mi.stack)-i+1)
			for _, d := range mi.stack[i:] {
				chain = append(chain, l.relDir(d))
			}
			chain = append(chain, l.relDir(real))
			return skip(hcl.DiagError, "Module calls itself",
				fmt.Sprintf("Module %q calls a module that is already being evaluated (%s); a module cannot contain itself. Remove the recursive call.", call.name, strings.Join(chain, " calls ")))
		}
	}
	if len(mi.stack) >= MaxModuleDepth {
		return skip(hcl.DiagError, "Modules nested too deeply",
			fmt.Sprintf("Module %q is nested more than %d modules deep; ecslint stops here.", call.name, MaxModuleDepth))
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
	keys, unknown := l.expand(call.count, call.forEach, ctx, call.declRange)
	stack := append(append([]string(nil), mi.stack...), real)
	args := make(map[string]hcl.Range, len(call.inputs))
	for name, a := range call.inputs {
		args[name] = a.Expr.Range()
	}
	vals := make([]cty.Value, len(keys))
	for i, k := range keys {
		ictx := childCtx(ctx, k)
		inputs := map[string]*inputValue{}
		for name, a := range call.inputs {
			if child.variables[name] != nil {
				inputs[name] = &inputValue{val: l.eval(a.Expr, ictx), rng: a.Expr.Range()}
			}
		}
		addr := "module." + call.name + keyString(k.key)
		if mi.addr != "" {
			addr = mi.addr + "." + addr
		}
		calls := append(append(make([]Call, 0, len(mi.calls)+1), mi.calls...), Call{Name: call.name, Address: addr,
			DefRange: call.declRange, Args: args, Source: call.source, Version: call.version, Dir: child.dir, Installed: installed})
		vals[i] = l.evalModule(child, inputs, addr, mi.unknownCount || unknown, stack, calls, callKey(mi.key, call.name))
	}
	if len(keys) == 0 && !unknown && call.count == nil && call.forEach == nil {
		return cty.DynamicVal
	}
	return combine(keys, vals, unknown, call.count != nil)
}

// callKey is the manifest key of call name in the module keyed parent.
func callKey(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// installedModule finds the directory terraform init installed a remote call in, from the root module's
// manifest. Without one (not installed, out of date, or missing) it warns and returns false.
func (l *loader) installedModule(mi *modInst, call *callDecl) (display, real string, ok bool) {
	key := callKey(mi.key, call.name)
	warn := func(summary, detail string) (string, string, bool) {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: detail, Subject: call.sourceRange.Ptr()})
		return "", "", false
	}
	if !l.manifestRead {
		l.manifestRead = true
		var diags hcl.Diagnostics
		l.manifest, diags = readManifest(l.rootReal, l.rootDisplay, l.maxFileSize)
		l.diags = append(l.diags, diags...)
	}
	if l.manifest == nil {
		return warn("Remote module not loaded",
			fmt.Sprintf("Module %q comes from %q and is not installed (no %s); its resources are not linted and module.%s is unknown. Run terraform init (or tofu init) in %s, then ecslint again.", call.name, call.source, filepath.Join(l.rootDisplay, manifestPath), call.name, l.rootDisplay))
	}
	e := l.manifest.entries[key]
	if e == nil {
		return warn("Remote module not loaded",
			fmt.Sprintf("Module %q (%s) is not in %s, so it is not linted and module.%s is unknown. Run terraform init (or tofu init) again, then ecslint.", call.name, call.source, l.manifest.path, call.name))
	}
	if why := e.stale(call); why != "" {
		return warn("Installed module out of date",
			fmt.Sprintf("Module %q is out of date in %s: %s. ecslint does not lint it and module.%s is unknown. Run terraform init (or tofu init) again, then ecslint.", call.name, l.manifest.path, why, call.name))
	}
	real, err := l.files.Resolve(filepath.Join(l.rootReal, filepath.FromSlash(e.Dir)))
	if err == nil {
		if st, serr := os.Stat(real); serr != nil || !st.IsDir() {
			err = fmt.Errorf("it is not a directory")
		}
	}
	if err != nil {
		return warn("Remote module not loaded",
			fmt.Sprintf("Module %q is recorded in %s as installed in %q, which cannot be read (%s); it is not linted and module.%s is unknown. Run terraform init (or tofu init) again, then ecslint.", call.name, l.manifest.path, e.Dir, err, call.name))
	}
	return filepath.Join(l.rootDisplay, filepath.FromSlash(e.Dir)), real, true
}

// relDir names a module directory relative to the loaded one, for messages.
func (l *loader) relDir(real string) string {
	if rel, err := filepath.Rel(l.rootReal, real); err == nil {
		return rel
	}
	return real
}

// addInstances records the instances of one resource or data block of a module instance.
func (l *loader) addInstances(mi *modInst, r *resourceDecl, ctx *hcl.EvalContext) {
	if l.opts.Types != nil && !l.opts.Types[r.typ] {
		return
	}
	keys, unknown := l.expand(r.count, r.forEach, ctx, r.declRange)
	prefix := ""
	if mi.addr != "" {
		prefix = mi.addr + "."
	}
	if r.mode == Data {
		prefix += "data."
	}
	var schema *BlockSchema
	if l.opts.Schemas != nil {
		schema = l.opts.Schemas[r.typ]
	}
	l.refVars = mi.refVars
	for _, k := range keys {
		ictx := childCtx(ctx, k)
		var body hcl.Body = r.config
		if r.syntax != nil {
			body = r.syntax
		}
		l.instances = append(l.instances, &Instance{
			Mode: r.mode, Type: r.typ, Name: r.name, Module: mi.addr, Key: k.key,
			Address:      prefix + r.typ + "." + r.name + keyString(k.key),
			DefRange:     r.declRange,
			UnknownCount: unknown || mi.unknownCount,
			Body:         l.body(body, schema, ictx, true),
			Calls:        mi.calls,
		})
	}
}

// readVars returns the input variables that refs read, directly or through the locals and data sources named in
// through (by node address): sorted, without duplicates, nil when none.
func readVars(refs []hcl.Traversal, through map[string][]string) []string {
	var out []string
	for _, t := range refs {
		switch t.RootName() {
		case "var":
			if len(t) > 1 {
				if a, ok := t[1].(hcl.TraverseAttr); ok {
					out = append(out, a.Name)
				}
			}
		case "local", "data":
			out = append(out, through[refAddr(t)]...)
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.Strings(out)
	return slices.Compact(out)
}
