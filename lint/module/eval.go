package module

import (
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

func metaRefs(count, forEach hcl.Expression) []hcl.Traversal {
	var refs []hcl.Traversal
	for _, e := range []hcl.Expression{count, forEach} {
		if e != nil {
			refs = append(refs, e.Variables()...)
		}
	}
	return refs
}

// evalData evaluates a data source that has an evaluator.
//
// With DataSource.EvalBody the instances are made here, where the body is evaluated once for both the value and
// the instance; addInstances then records them (mi.evaluated).
func (l *loader) evalData(mi *modInst, r *resourceDecl, ctx *hcl.EvalContext) cty.Value {
	ds := l.opts.DataSources[r.typ]
	keys, unknown := l.expand(r.count, r.forEach, ctx, r.declRange)
	vals := make([]cty.Value, len(keys))
	var made []*Instance // by key, nil where the body does not decode
	if ds.EvalBody != nil {
		made = make([]*Instance, len(keys))
		if mi.evaluated == nil {
			mi.evaluated = map[*resourceDecl][]*Instance{}
		}
		mi.evaluated[r] = made
	}
	for i, k := range keys {
		ictx := childCtx(ctx, k)
		config, diags := hcldec.Decode(dynblock.Expand(r.config, ictx), ds.Spec, ictx)
		config = l.unmarkSensitive(config)
		l.diags = append(l.diags, l.evalDiags(diags)...)
		if diags.HasErrors() {
			vals[i] = cty.DynamicVal
			continue
		}
		var val cty.Value
		if ds.EvalBody != nil {
			made[i] = l.instance(mi, r, k, unknown, ictx)
			val, made[i].Result, diags = ds.EvalBody(config, made[i])
		} else {
			val, diags = ds.Eval(config)
		}
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

// callKey is the manifest key of call name in the module keyed parent.
func callKey(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// installedModule finds the directory terraform init installed a remote call in, from the root module's
// manifest. Without one (not installed, out of date, or missing) it warns and returns false.
func (l *loader) installedModule(parentKey string, call *callDecl) (display, real string, ok bool) {
	key := callKey(parentKey, call.name)
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
	made := mi.evaluated[r]
	if len(made) != len(keys) {
		made = nil // the object budget ran out in between: make them again
	}
	l.refVars = mi.path.refVars
	for i, k := range keys {
		if made != nil && made[i] != nil && made[i].Key.RawEquals(k.key) && made[i].UnknownCount == (unknown || mi.unknownCount) {
			l.instances = append(l.instances, made[i])
			continue
		}
		l.instances = append(l.instances, l.instance(mi, r, k, unknown, childCtx(ctx, k)))
	}
}

// instance makes the instance of key k of one resource or data block of a module instance, its body evaluated
// in ictx.
func (l *loader) instance(mi *modInst, r *resourceDecl, k instanceKey, unknown bool, ictx *hcl.EvalContext) *Instance {
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
	var body hcl.Body = r.config
	if r.syntax != nil {
		body = r.syntax
	}
	return &Instance{
		Mode: r.mode, Type: r.typ, Name: r.name, Module: mi.addr, Key: k.key,
		Address:      prefix + r.typ + "." + r.name + keyString(k.key),
		DefRange:     r.declRange,
		UnknownCount: unknown || mi.unknownCount,
		Body:         l.body(body, schema, ictx, true),
		Calls:        mi.calls,
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
