package module

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
)

// order returns the nodes 0..n-1 in dependency order (dependencies first) and the cycles found, each as its
// nodes in reference order. deps(i) lists the nodes that node i refers to. The walk is iterative, so deep
// chains cannot overflow the stack; every edge is followed once.
func order(n int, deps func(int) []int) (sorted []int, cycles [][]int) {
	const (
		unvisited = iota
		active
		done
	)
	state := make([]int, n)
	type frame struct {
		node, next int
		deps       []int
	}
	for start := 0; start < n; start++ {
		if state[start] != unvisited {
			continue
		}
		stack := []frame{{node: start, deps: deps(start)}}
		state[start] = active
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(top.deps) {
				state[top.node] = done
				sorted = append(sorted, top.node)
				stack = stack[:len(stack)-1]
				continue
			}
			d := top.deps[top.next]
			top.next++
			switch state[d] {
			case unvisited:
				state[d] = active
				stack = append(stack, frame{node: d, deps: deps(d)})
			case active:
				var cycle []int
				for i := len(stack) - 1; i >= 0; i-- {
					cycle = append(cycle, stack[i].node)
					if stack[i].node == d {
						break
					}
				}
				for i, j := 0, len(cycle)-1; i < j; i, j = i+1, j-1 {
					cycle[i], cycle[j] = cycle[j], cycle[i]
				}
				cycles = append(cycles, cycle)
			}
		}
	}
	return sorted, cycles
}

// nodeKind is what a node of the evaluation graph stands for.
type nodeKind int

const (
	varNode    nodeKind = iota // an input variable
	localNode                  // a local value
	outputNode                 // an output of a called module
	dataNode                   // a data source that has an evaluator
	expandNode                 // a module call's count or for_each: the instances of the module
	closeNode                  // all of a called module, for references to module.NAME as a whole
)

// gnode is a node of the evaluation graph, the graph Terraform builds: one per variable, local, output and
// evaluated data source of each module of the static tree, one expansion per module call, and one node
// standing for a whole called module. The values of every instance of the module are computed at the node.
type gnode struct {
	kind   nodeKind
	path   *modPath // the module the node belongs to; for expandNode, the called module
	name   string
	local  *hcl.Attribute
	output *outputDecl
	data   *resourceDecl
	refs   []hcl.Traversal // references, resolved in scope
	scope  *modPath
	rng    hcl.Range
	deps   []int
}

// addr names the node in messages, as Terraform names it (module.a.var.x, module.a for an expansion).
func (n *gnode) addr() string {
	prefix := ""
	if n.path.addr != "" {
		prefix = n.path.addr + "."
	}
	switch n.kind {
	case varNode:
		return prefix + "var." + n.name
	case localNode:
		return prefix + "local." + n.name
	case outputNode:
		return prefix + "output." + n.name
	case dataNode:
		return prefix + "data." + n.data.typ + "." + n.data.name
	case expandNode:
		return n.path.addr
	}
	return n.path.addr + " (as a whole)"
}

// graph builds the nodes of every module of the tree and their dependencies.
func (l *loader) graph(paths []*modPath) []*gnode {
	var nodes []*gnode
	add := func(n *gnode) int {
		nodes = append(nodes, n)
		return len(nodes) - 1
	}
	for _, p := range paths {
		cfg := p.cfg
		p.nodes = map[string]int{}
		p.expand, p.close = -1, -1
		p.refVars = map[string][]string{}
		named := func(key string, n *gnode) {
			if i, dup := p.nodes[key]; dup {
				l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate definition",
					Detail:  fmt.Sprintf("%s is defined twice, here and at %s; rename or remove one of them.", key, nodes[i].rng),
					Subject: n.rng.Ptr()})
				return
			}
			p.nodes[key] = add(n)
		}
		if p.parent != nil {
			p.expand = add(&gnode{kind: expandNode, path: p, refs: metaRefs(p.call.count, p.call.forEach), scope: p.parent, rng: p.call.declRange})
		}
		for _, name := range sortedKeys(cfg.variables) {
			n := &gnode{kind: varNode, path: p, name: name, rng: cfg.variables[name].declRange, scope: p.parent}
			if p.parent != nil {
				if a := p.call.inputs[name]; a != nil {
					n.refs, n.rng = p.call.inputRefs[name], a.Expr.Range()
				}
			}
			named("var."+name, n)
		}
		for i, a := range cfg.locals {
			named("local."+a.Name, &gnode{kind: localNode, path: p, name: a.Name, local: a, refs: cfg.localRefs[i], scope: p, rng: a.Range})
		}
		if p.parent != nil { // nothing reads the root module's outputs
			for _, o := range cfg.outputs {
				named("output."+o.name, &gnode{kind: outputNode, path: p, name: o.name, output: o, refs: o.refs, scope: p, rng: o.declRange})
			}
		}
		for _, r := range cfg.resources {
			ds, ok := l.opts.DataSources[r.typ]
			if r.mode != Data || !ok {
				continue
			}
			refs := append(metaRefs(r.count, r.forEach), dynblock.VariablesHCLDec(r.config, ds.Spec)...)
			named("data."+r.typ+"."+r.name, &gnode{kind: dataNode, path: p, data: r, refs: refs, scope: p, rng: r.declRange})
		}
		if p.parent != nil {
			p.close = add(&gnode{kind: closeNode, path: p, rng: p.call.declRange})
		}
	}
	for _, n := range nodes {
		for _, t := range n.refs {
			if j := resolve(n.scope, t); j >= 0 {
				n.deps = append(n.deps, j)
			}
		}
		switch {
		case n.kind == closeNode:
		case n.kind == expandNode:
			if n.scope.expand >= 0 {
				n.deps = append(n.deps, n.scope.expand) // inside its caller's module
			}
		case n.path.expand >= 0:
			n.deps = append(n.deps, n.path.expand) // every object of a module waits for its expansion
		}
	}
	// A whole module stands for everything in it, nested modules included.
	for _, p := range paths {
		if p.close < 0 {
			continue
		}
		c := nodes[p.close]
		for _, i := range p.nodes {
			c.deps = append(c.deps, i)
		}
		slices.Sort(c.deps)
		c.deps = append(c.deps, p.expand)
		for _, ch := range p.order {
			c.deps = append(c.deps, ch.expand, ch.close)
		}
	}
	return nodes
}

// resolve returns the node a reference made in module p leads to, or -1: var.x, local.x, data.t.n (with an
// evaluator) of p, module.c.out (the output of a followed call), module.c alone or indexed without an output
// name (the whole module).
func resolve(p *modPath, t hcl.Traversal) int {
	if p == nil || len(t) < 2 {
		return -1
	}
	a, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return -1
	}
	look := func(key string) int {
		if i, ok := p.nodes[key]; ok {
			return i
		}
		return -1
	}
	switch t.RootName() {
	case "var":
		return look("var." + a.Name)
	case "local":
		return look("local." + a.Name)
	case "data":
		if len(t) > 2 {
			if n, ok := t[2].(hcl.TraverseAttr); ok {
				return look("data." + a.Name + "." + n.Name)
			}
		}
	case "module":
		c := p.children[a.Name]
		if c == nil {
			return -1
		}
		rest := t[2:]
		if len(rest) > 0 {
			if _, ok := rest[0].(hcl.TraverseIndex); ok {
				rest = rest[1:]
			}
		}
		if len(rest) > 0 {
			if o, ok := rest[0].(hcl.TraverseAttr); ok {
				if i, ok := c.nodes["output."+o.Name]; ok {
					return i
				}
				return -1 // no such output: an evaluation error says so
			}
		}
		return c.close
	}
	return -1
}
