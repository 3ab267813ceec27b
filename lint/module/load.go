package module

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// loader holds the state of one Load.
type loader struct {
	opts         *Options
	parsed       map[string]*hcl.File // by the name in ranges
	files        *tffunc.Files
	funcs        map[string]function.Function
	maxFileSize  int64
	rootReal     string
	modules      map[string]*moduleConfig // by real directory
	budget       int
	jsonArg      cty.Value       // the argument of the last jsonencode call (see recordJSONArgs)
	jsonBytes    int             // the JSON text jsonencode wrote, against MaxJSONBytes
	jsonStopped  bool            // the warning that MaxJSONBytes was reached is given
	sensitive    map[string]bool // the strings of sensitive values (unmarkSensitive)
	instances    []*Instance
	diags        hcl.Diagnostics
	refVars      map[string][]string // the variables read by the locals and data sources of the instance being added
	reusable     bool                // the root directory is a reusable module: its unset variables are unknown
	rootDisplay  string              // the loaded directory as given
	manifest     *manifest           // the root module's .terraform/modules/modules.json, read on first need
	manifestRead bool
	called       []string // the real directories of the called modules that have instances
	calls        []Call   // the chain of calls of the module instance whose expressions are being evaluated
}

// Load parses the module in dir with the local modules it calls, evaluates it with opts, and returns every
// resource and data source instance. It returns a Config even when there are errors: what could be evaluated
// is in it, the rest is unknown. See the package documentation for the rules it follows.
func Load(dir string, opts Options) (*Config, hcl.Diagnostics) {
	l := &loader{opts: &opts, parsed: map[string]*hcl.File{}, modules: map[string]*moduleConfig{}, budget: MaxObjects,
		maxFileSize: opts.MaxFileSize}
	if l.maxFileSize <= 0 {
		l.maxFileSize = tffunc.DefaultMaxFileSize
	}
	cfg := &Config{Files: map[string]*hcl.File{}}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err == nil {
		var st os.FileInfo
		if st, err = os.Stat(real); err == nil && !st.IsDir() {
			err = fmt.Errorf("it is not a directory")
		}
	}
	if err == nil {
		l.files, err = tffunc.NewFiles(dir, opts.AllowedDir, l.maxFileSize)
	}
	if err != nil {
		return cfg, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot load module",
			Detail: fmt.Sprintf("Cannot load the module directory %s: %s. Give the path of a directory with .tf files.", dir, err)}}
	}
	l.rootReal, l.rootDisplay = real, dir
	l.funcs = tffunc.Functions(l.files)
	l.recordJSONArgs()
	cloned := false
	for _, typ := range sortedKeys(opts.DataSources) {
		if ds := opts.DataSources[typ]; ds.Spec == nil || ds.Eval == nil && ds.EvalBody == nil {
			l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid data source evaluator",
				Detail: fmt.Sprintf("The evaluator for data source type %q needs both a Spec and an Eval (or EvalBody) function.", typ)})
			if !cloned { // the caller's map may be shared by concurrent Loads: drop from a copy
				opts.DataSources, cloned = maps.Clone(opts.DataSources), true
			}
			delete(opts.DataSources, typ)
		}
	}

	switch opts.CallModuleType {
	case "", CallAll, CallLocal, CallNone:
	default:
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid call_module_type",
			Detail: fmt.Sprintf("The module call type %q is not one of all, local or none; ecslint follows all module calls.", opts.CallModuleType)})
		opts.CallModuleType = CallAll
	}

	root := l.module(dir, real)
	l.reusable = root.rootRange == nil
	if opts.Root != nil {
		l.reusable = !*opts.Root
	}
	cfg.Reusable = l.reusable
	inputs, diags := l.rootInputs(root, &opts)
	l.diags = append(l.diags, diags...)
	l.evaluate(root, inputs)

	sort.Slice(l.instances, func(i, j int) bool { return l.instances[i].Address < l.instances[j].Address })
	cfg.Instances = l.instances
	cfg.Files = l.parsed
	cfg.Reader = l.files
	slices.Sort(l.called)
	cfg.Called = slices.Compact(l.called)
	for s := range l.sensitive {
		cfg.Sensitive = append(cfg.Sensitive, s)
	}
	slices.Sort(cfg.Sensitive)
	return cfg, dedupe(l.diags)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// module returns the parsed module in realDir, parsing it on first use.
func (l *loader) module(display, realDir string) *moduleConfig {
	if m := l.modules[realDir]; m != nil {
		return m
	}
	m, diags := l.parseModule(display, realDir, len(l.modules) > 0) // the first is the loaded directory
	l.diags = append(l.diags, diags...)
	if m == nil {
		m = &moduleConfig{dir: display, realDir: realDir, variables: map[string]*variableDecl{}}
	}
	l.modules[realDir] = m
	for _, name := range m.otherProviderFuncs {
		if _, ok := l.funcs[name]; !ok {
			l.funcs[name] = tffunc.UnknownProviderFunction
			if fn, ok := tffunc.EcskitFunction(name, m.ecskitNames); ok {
				l.funcs[name] = fn
			}
		}
	}
	return m
}

// dedupe drops repeated diagnostics (one problem in a module called many times is reported once), keeping order.
func dedupe(diags hcl.Diagnostics) hcl.Diagnostics {
	seen := map[string]bool{}
	var out hcl.Diagnostics
	for _, d := range diags {
		key := fmt.Sprintf("%d\x00%s\x00%s", d.Severity, d.Summary, d.Detail)
		if d.Subject != nil {
			key += "\x00" + d.Subject.String()
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out
}

// take reserves n objects from the global budget, reporting an error the first time it runs out.
func (l *loader) take(n int, rng hcl.Range) bool {
	if l.budget < 0 {
		return false
	}
	if n > l.budget {
		l.budget = -1
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Configuration too large",
			Detail:  fmt.Sprintf("The configuration expands to more than %d resources, modules and blocks; ecslint stopped expanding it here. Lint smaller modules.", MaxObjects),
			Subject: rng.Ptr()})
		return false
	}
	l.budget -= n
	return true
}

// evalDiags turns evaluation errors into warnings (the value becomes unknown), except refused file reads. A call
// to a function of another provider in a JSON file (tffunc.OtherProvider; in native syntax they are known
// before evaluation, see addOtherProviderFuncs) gives none: its value is unknown, as it is to ecslint anyway.
// In a called module, the detail names the module instance and its call (l.calls): the values that made the
// expression fail may come from the caller's arguments, and the range alone points into the called module.
func (l *loader) evalDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	out := make(hcl.Diagnostics, 0, len(diags))
	for _, d := range diags {
		if extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallUnknownDiagExtra](d); ok &&
			tffunc.OtherProvider(extra.CalledFunctionNamespace()+extra.CalledFunctionName()) {
			continue
		}
		c := *d
		if c.Severity == hcl.DiagError && !refusedRead(d) {
			c.Severity = hcl.DiagWarning
			c.Detail = strings.TrimSpace(c.Detail + l.viaCall() + " ecslint treats this value as unknown.")
		}
		out = append(out, &c)
	}
	return out
}

// viaCall is " In module.a.module.b, called at dir/main.tf:3." for an expression of a called module, "" in the
// loaded one.
func (l *loader) viaCall() string {
	if len(l.calls) == 0 {
		return ""
	}
	c := l.calls[len(l.calls)-1]
	return fmt.Sprintf(" In %s, called at %s:%d.", c.Address, c.DefRange.Filename, c.DefRange.Start.Line)
}

func refusedRead(d *hcl.Diagnostic) bool {
	extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d)
	return ok && errors.Is(extra.FunctionCallError(), tffunc.ErrOutside)
}

// recordJSONArgs makes jsonencode keep its last argument in l.jsonArg, for Attribute.JSONArg, and stop after
// MaxJSONBytes of JSON text.
func (l *loader) recordJSONArgs() {
	if _, ok := l.funcs["jsonencode"]; !ok {
		return
	}
	l.funcs["jsonencode"] = tffunc.JSONEncodeWith(func(arg cty.Value) error {
		if err := l.jsonBudget(); err != nil {
			return err
		}
		l.jsonArg = arg
		return nil
	}, func(n int) { l.jsonBytes += n })
}

// jsonBudget returns an error once jsonencode has written MaxJSONBytes in this Load.
func (l *loader) jsonBudget() error {
	if l.jsonBytes <= MaxJSONBytes {
		return nil
	}
	return fmt.Errorf("ecslint stops encoding JSON after %d MiB in one module (a large value encoded once per instance of a count?); this and later jsonencode results are unknown", MaxJSONBytes>>20)
}

// eval evaluates expr in ctx; on error the value is unknown and the problem a warning.
func (l *loader) eval(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	val, diags := expr.Value(ctx)
	if len(diags) > 0 {
		l.diags = append(l.diags, l.evalDiags(diags)...)
	}
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return l.unmarkSensitive(val)
}

// instanceKey is one instance of a count or for_each expansion.
type instanceKey struct {
	key  cty.Value            // cty.NilVal without expansion
	vars map[string]cty.Value // count or each
}

// expand evaluates count or for_each. An unknown (or invalid) expansion gives one instance with an unknown key.
func (l *loader) expand(count, forEach hcl.Expression, ctx *hcl.EvalContext, rng hcl.Range) ([]instanceKey, bool) {
	if count == nil && forEach == nil {
		if !l.take(1, rng) {
			return nil, false
		}
		return []instanceKey{{key: cty.NilVal}}, false
	}
	unknownCount := []instanceKey{{key: cty.UnknownVal(cty.Number),
		vars: map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}}}
	unknownEach := []instanceKey{{key: cty.UnknownVal(cty.String),
		vars: map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})}}}
	fail := func(expr hcl.Expression, detail string) {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid expansion", Detail: detail,
			Subject: expr.Range().Ptr()})
	}
	switch {
	case count != nil:
		v := l.eval(count, ctx)
		if !v.IsKnown() {
			return unknownCount, true
		}
		if v.IsNull() {
			fail(count, "The count argument is null; give a whole number of instances (0 or more).")
			return unknownCount, true
		}
		nv, err := convertNumber(v)
		var n int
		if err == nil {
			n, err = wholeNumber(nv)
		}
		if err != nil || n < 0 {
			fail(count, "The count argument must be a whole number, 0 or more.")
			return unknownCount, true
		}
		if n > MaxInstances {
			fail(count, fmt.Sprintf("count is %d; ecslint expands at most %d instances. Lower it.", n, MaxInstances))
			return unknownCount, true
		}
		if !l.take(n, rng) {
			return nil, false
		}
		keys := make([]instanceKey, n)
		for i := range keys {
			idx := cty.NumberIntVal(int64(i))
			keys[i] = instanceKey{key: idx, vars: map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": idx})}}
		}
		return keys, false
	default: // for_each
		v := l.eval(forEach, ctx)
		if !v.IsKnown() {
			return unknownEach, true
		}
		ty := v.Type()
		switch {
		case v.IsNull():
			fail(forEach, "The for_each argument is null; give a map or a set of strings.")
			return unknownEach, true
		case ty.IsSetType():
			if !v.IsWhollyKnown() {
				return unknownEach, true
			}
			if ty.ElementType() != cty.String {
				fail(forEach, "for_each over a set needs a set of strings; convert the elements with tostring.")
				return unknownEach, true
			}
		case ty.IsMapType() || ty.IsObjectType():
		default:
			fail(forEach, fmt.Sprintf("for_each needs a map or a set of strings, not a %s; for a list of strings use toset(...).", ty.FriendlyName()))
			return unknownEach, true
		}
		n := v.LengthInt()
		if n > MaxInstances {
			fail(forEach, fmt.Sprintf("for_each has %d elements; ecslint expands at most %d instances.", n, MaxInstances))
			return unknownEach, true
		}
		if !l.take(n, rng) {
			return nil, false
		}
		keys := make([]instanceKey, 0, n)
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if ty.IsSetType() {
				if k.IsNull() {
					fail(forEach, "for_each sets must not contain null.")
					return unknownEach, true
				}
				k = val
			}
			keys = append(keys, instanceKey{key: k, vars: map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k, "value": val})}})
		}
		return keys, false
	}
}

// keyString renders an instance key for an address: [0], ["a"], [*] when unknown, nothing without a key.
func keyString(k cty.Value) string {
	switch {
	case k == cty.NilVal:
		return ""
	case !k.IsKnown():
		return "[*]"
	case k.Type() == cty.Number:
		return "[" + k.AsBigFloat().Text('f', -1) + "]"
	case k.Type() == cty.String:
		return "[" + strconv.Quote(k.AsString()) + "]"
	}
	return "[?]"
}

// combine builds the value of an expanded object: itself without expansion, a tuple for count, an object for
// for_each, unknown when the expansion is unknown.
func combine(keys []instanceKey, vals []cty.Value, unknown bool, isCount bool) cty.Value {
	switch {
	case unknown:
		return cty.DynamicVal
	case len(keys) == 1 && keys[0].key == cty.NilVal:
		return vals[0]
	case isCount:
		return cty.TupleVal(vals)
	}
	m := make(map[string]cty.Value, len(vals))
	for i, k := range keys {
		m[k.key.AsString()] = vals[i]
	}
	return cty.ObjectVal(m)
}

// childCtx returns ctx extended with an instance's count or each variables.
func childCtx(ctx *hcl.EvalContext, k instanceKey) *hcl.EvalContext {
	if k.vars == nil {
		return ctx
	}
	c := ctx.NewChild()
	c.Variables = k.vars
	return c
}
