package module

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// moduleConfig is one parsed module directory.
type moduleConfig struct {
	dir       string // directory as displayed in ranges
	realDir   string // absolute, symbolic links resolved
	variables map[string]*variableDecl
	locals    []*hcl.Attribute
	// localRefs are the references of each local's expression (in the order of locals), found once per parse
	// rather than in every Load that reads the module.
	localRefs [][]hcl.Traversal
	outputs   []*outputDecl
	calls     []*callDecl
	resources []*resourceDecl
	varFiles  []string // the variable files Terraform reads in a root module, by name, in its order
	// choiceVarFiles are the other variable files of the directory, by name: a run may name one with -var-file.
	choiceVarFiles []string
	// rootRange is the first provider block or terraform backend or cloud block: what makes a directory a
	// root module (nil: a reusable module).
	rootRange *hcl.Range
	// otherProviderFuncs are the functions of other providers the module's native-syntax files call
	// (tffunc.OtherProvider), by full name: ecslint cannot run them, so they return unknown values.
	otherProviderFuncs []string
	// ecskitNames are the local names other than "ecskit" that required_providers gives the ecskit provider
	// (ek = { source = "ecskit/ecskit" }): provider::ek::fargate_size is ecskit's function.
	ecskitNames []string
}

type variableDecl struct {
	name      string
	typ       cty.Type
	defaults  *typeexpr.Defaults
	literal   bool      // -var values are literal strings, not expressions
	def       cty.Value // cty.NilVal without default
	nullable  bool
	sensitive bool // declared sensitive = true: its value is marked, as in Terraform
	declRange hcl.Range
}

type outputDecl struct {
	name      string
	expr      hcl.Expression
	refs      []hcl.Traversal // expr's references
	declRange hcl.Range
}

type callDecl struct {
	name        string
	source      string
	sourceRange hcl.Range
	version     string
	count       hcl.Expression
	forEach     hcl.Expression
	inputs      hcl.Attributes
	inputRefs   map[string][]hcl.Traversal // the references of each input's expression
	declRange   hcl.Range
}

type resourceDecl struct {
	mode      Mode
	typ       string
	name      string
	count     hcl.Expression
	forEach   hcl.Expression
	syntax    *hclsyntax.Body // nil for JSON
	config    hcl.Body        // body without meta-arguments
	declRange hcl.Range
}

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
}}

var terraformSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "backend", LabelNames: []string{"type"}}, {Type: "cloud"}, {Type: "required_providers"},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "default"}, {Name: "type"}, {Name: "nullable"}, {Name: "sensitive"},
}}

var outputSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}}}

var callSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "source"}, {Name: "version"}, {Name: "count"}, {Name: "for_each"}, {Name: "providers"}, {Name: "depends_on"},
}}

var resourceMeta = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true,
}

var resourceSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}, {Name: "depends_on"}},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "lifecycle"}, {Type: "provisioner", LabelNames: []string{"type"}}, {Type: "connection"},
	},
}

// dirFiles are the files of a module directory that Load reads, by kind.
type dirFiles struct {
	config []string // the configuration files (paths), in lexical order
	// varFiles are the names of the variable files Terraform reads by itself, in its order: terraform.tfvars,
	// terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json in lexical order.
	varFiles []string
	// choice are the names of the other variable files (*.tfvars, *.tfvars.json), in lexical order: Terraform
	// reads one only when -var-file names it.
	choice []string
}

// configFileNames returns the files of dir that Load reads, and warnings for override files.
func configFileNames(dir string) (dirFiles, hcl.Diagnostics, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dirFiles{}, nil, err
	}
	var names, auto, choice []string
	var tfvars [2]string
	var diags hcl.Diagnostics
	for _, e := range entries {
		name := e.Name()
		if isVarFile(dir, e) {
			switch name {
			case "terraform.tfvars":
				tfvars[0] = name
			case "terraform.tfvars.json":
				tfvars[1] = name
			default:
				auto = append(auto, name)
			}
			continue
		}
		if isChoiceVarFile(dir, e) {
			choice = append(choice, name)
			continue
		}
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") {
			continue
		}
		stem, ok := strings.CutSuffix(name, ".tf.json")
		if !ok {
			stem, ok = strings.CutSuffix(name, ".tf")
		}
		if !ok {
			continue
		}
		path := filepath.Join(dir, name)
		if e.IsDir() {
			continue
		}
		if e.Type()&os.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err != nil || st.IsDir() {
				if err != nil {
					diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unreadable configuration file",
						Detail: fmt.Sprintf("%s is a symbolic link that cannot be followed (%s); fix or remove the link.", path, err)})
				}
				continue
			}
		}
		if stem == "override" || strings.HasSuffix(stem, "_override") {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Override file ignored",
				Detail:  fmt.Sprintf("ecslint does not merge override files; %s is ignored, so findings describe the configuration without it.", path),
				Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}})
			continue
		}
		names = append(names, path)
	}
	sort.Strings(names)
	sort.Strings(auto)
	var varFiles []string
	for _, n := range tfvars {
		if n != "" {
			varFiles = append(varFiles, n)
		}
	}
	sort.Strings(choice)
	return dirFiles{config: names, varFiles: append(varFiles, auto...), choice: choice}, diags, nil
}

// isVarFile reports whether e is a variable file Terraform reads by itself (not a directory, even through a link).
func isVarFile(dir string, e os.DirEntry) bool {
	n := e.Name()
	if n != "terraform.tfvars" && n != "terraform.tfvars.json" && !strings.HasSuffix(n, ".auto.tfvars") && !strings.HasSuffix(n, ".auto.tfvars.json") {
		return false
	}
	return isFile(dir, e)
}

// isChoiceVarFile reports whether e is a variable file that Terraform reads only when -var-file names it:
// *.tfvars or *.tfvars.json, not one isVarFile accepts.
func isChoiceVarFile(dir string, e os.DirEntry) bool {
	n := e.Name()
	if !strings.HasSuffix(n, ".tfvars") && !strings.HasSuffix(n, ".tfvars.json") {
		return false
	}
	return isFile(dir, e)
}

// isFile reports whether e is a file, or a symbolic link to one.
func isFile(dir string, e os.DirEntry) bool {
	if e.Type()&os.ModeSymlink != 0 {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		return err == nil && !st.IsDir()
	}
	return !e.IsDir()
}

// parseModule parses the module in dir (displayed as display), once per run with a ParseCache. realDir is dir
// with links resolved. The cache keeps the modules that calls lead to (called ones are called again, from
// other Loads), not the directory a Load starts from, which a run loads once: it is taken from the cache when
// another Load put it there, else parsed without keeping it.
func (l *loader) parseModule(display, realDir string, called bool) (*moduleConfig, hcl.Diagnostics) {
	read := func() (any, int64, hcl.Diagnostics) {
		m, files, diags := l.readModule(display, realDir)
		if m == nil {
			return nil, 0, diags
		}
		var size int64
		for _, f := range files {
			size += int64(len(f.Bytes))
		}
		return &parsedModule{cfg: m, files: files}, size, diags
	}
	var v any
	var diags hcl.Diagnostics
	if c := l.opts.ParseCache; c != nil {
		v, diags = c.get(parseKey{dir: true, real: realDir, name: display}, called, read)
	} else {
		v, _, diags = read()
	}
	if v == nil {
		return nil, diags
	}
	pm := v.(*parsedModule)
	for name, f := range pm.files {
		if l.parsed[name] == nil {
			l.parsed[name] = f
		}
	}
	return pm.cfg, diags
}

// addOtherProviderFuncs adds the functions of other providers that body calls to m.otherProviderFuncs. JSON
// bodies hold their expressions in strings parsed only when evaluated: a call there gives a warning instead.
func (m *moduleConfig) addOtherProviderFuncs(body hcl.Body) {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return
	}
	hclsyntax.VisitAll(sb, func(n hclsyntax.Node) hcl.Diagnostics {
		if c, ok := n.(*hclsyntax.FunctionCallExpr); ok && tffunc.OtherProvider(c.Name) && !slices.Contains(m.otherProviderFuncs, c.Name) {
			m.otherProviderFuncs = append(m.otherProviderFuncs, c.Name)
		}
		return nil
	})
}

// addRequiredProviders adds the local names of the ecskit provider in a required_providers block to
// m.ecskitNames. Entries that are not objects with a literal source are skipped: Terraform reports them.
func (m *moduleConfig) addRequiredProviders(body hcl.Body) {
	attrs, _ := body.JustAttributes()
	for _, a := range sortedAttrs(attrs) {
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) ||
			a.Name == "ecskit" || slices.Contains(m.ecskitNames, a.Name) {
			continue
		}
		var src cty.Value
		switch {
		case v.Type().IsObjectType() && v.Type().HasAttribute("source"):
			src = v.GetAttr("source")
		case v.Type().IsMapType() && v.HasIndex(cty.StringVal("source")).True():
			src = v.Index(cty.StringVal("source"))
		default:
			continue
		}
		if src.IsNull() || src.Type() != cty.String {
			continue
		}
		if tffunc.IsEcskitSource(src.AsString()) {
			m.ecskitNames = append(m.ecskitNames, a.Name)
		}
	}
}

// readModule reads and parses the files of a module directory.
func (l *loader) readModule(display, realDir string) (*moduleConfig, map[string]*hcl.File, hcl.Diagnostics) {
	found, diags, err := configFileNames(realDir)
	if err != nil {
		return nil, nil, append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unreadable module directory",
			Detail: fmt.Sprintf("Cannot read the module directory %s: %s.", display, err)})
	}
	m := &moduleConfig{dir: display, realDir: realDir, variables: map[string]*variableDecl{}, varFiles: found.varFiles,
		choiceVarFiles: found.choice}
	// The files are parsed concurrently, so that a large module that other Loads wait for (the shared modules
	// of a tree) takes the idle cores too, and read in order.
	names := make([]string, len(found.config))
	parsed := make([]*hcl.File, len(found.config))
	fdiags := make([]hcl.Diagnostics, len(found.config))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, real := range found.config {
		name := filepath.Join(display, filepath.Base(real))
		names[i] = name
		if i == len(found.config)-1 {
			parsed[i], fdiags[i] = l.readFile(real, name)
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			parsed[i], fdiags[i] = l.readFile(real, name)
			<-sem
		}()
	}
	wg.Wait()
	files := make(map[string]*hcl.File, len(found.config))
	for i, f := range parsed {
		diags = append(diags, fdiags[i]...)
		if f == nil {
			continue
		}
		files[names[i]] = f
		diags = append(diags, m.addFile(f)...)
	}
	return m, files, diags
}

// parseFile reads and parses one variable file, named name in ranges, once per Load and, with a ParseCache,
// once per run.
func (l *loader) parseFile(real, name string) (*hcl.File, hcl.Diagnostics) {
	if f := l.parsed[name]; f != nil {
		return f, nil
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if c := l.opts.ParseCache; c != nil {
		var v any
		v, diags = c.get(parseKey{real: real, name: name}, true, func() (any, int64, hcl.Diagnostics) {
			f, diags := l.readFile(real, name)
			if f == nil {
				return nil, 0, diags
			}
			return f, int64(len(f.Bytes)), diags
		})
		f, _ = v.(*hcl.File)
	} else {
		f, diags = l.readFile(real, name)
	}
	if f != nil {
		l.parsed[name] = f
	}
	return f, diags
}

// readFile reads and parses one configuration or variable file (capped in size), named name in ranges.
func (l *loader) readFile(real, name string) (*hcl.File, hcl.Diagnostics) {
	src, err := tffunc.ReadCapped(real, l.maxFileSize)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Unreadable configuration file",
			Detail: fmt.Sprintf("Cannot read %s: %s.", name, err)}}
	}
	if strings.HasSuffix(name, ".json") {
		f, diags := json.Parse(src, name)
		if f != nil && !diags.HasErrors() && tree.MayHoldHugeNumber(src) {
			// Checked through the task-definition JSON reader, which knows every number's range.
			if n, _ := tree.ParseJSON(src, name); n != nil {
				if d := hugeNumberIn(n); d != nil {
					return nil, append(diags, d)
				}
			}
		}
		return f, diags
	}
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if body, ok := f.Body.(*hclsyntax.Body); ok && tree.MayHoldHugeNumber(src) {
		diags = append(diags, unknownHugeLiterals(body)...)
	}
	return f, diags
}

// unknownHugeLiterals makes every number literal out of tree.InRange unknown, with a warning: evaluating
// 1e9999999 is quick, but writing it as text (jsonencode, a template, a message) takes minutes.
func unknownHugeLiterals(body *hclsyntax.Body) hcl.Diagnostics {
	var diags hcl.Diagnostics
	_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		lit, ok := n.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.Type() != cty.Number || !lit.Val.IsKnown() || tree.InRange(lit.Val.AsBigFloat()) {
			return nil
		}
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Number out of range",
			Detail:  fmt.Sprintf("The number %s is beyond what any AWS API accepts (about ±1.8e308); ecslint treats it as unknown.", tree.FormatNumber(lit.Val.AsBigFloat())),
			Subject: lit.SrcRange.Ptr()})
		lit.Val = cty.UnknownVal(cty.Number)
		return nil
	})
	return diags
}

// hugeNumberIn returns an error about the first number of n out of tree.InRange, or nil.
func hugeNumberIn(n *tree.Node) *hcl.Diagnostic {
	switch n.Kind {
	case tree.Number:
		if !tree.InRange(n.Num) {
			return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Number out of range",
				Detail:  fmt.Sprintf("The number %s is beyond what any AWS API accepts (about ±1.8e308); ecslint does not read this file.", tree.FormatNumber(n.Num)),
				Subject: n.Range.Ptr()}
		}
	case tree.Object:
		for _, f := range n.Fields {
			if d := hugeNumberIn(f.Value); d != nil {
				return d
			}
		}
	case tree.Array:
		for _, e := range n.Elems {
			if d := hugeNumberIn(e); d != nil {
				return d
			}
		}
	}
	return nil
}

func (m *moduleConfig) addFile(f *hcl.File) hcl.Diagnostics {
	m.addOtherProviderFuncs(f.Body)
	content, _, diags := f.Body.PartialContent(fileSchema)
	for _, blk := range content.Blocks {
		switch blk.Type {
		case "provider":
			m.markRoot(blk.DefRange)
		case "terraform":
			tc, _, _ := blk.Body.PartialContent(terraformSchema)
			for _, b := range tc.Blocks {
				if b.Type == "required_providers" {
					m.addRequiredProviders(b.Body)
					continue
				}
				m.markRoot(b.DefRange)
			}
		case "variable":
			diags = append(diags, m.addVariable(blk)...)
		case "locals":
			attrs, d := blk.Body.JustAttributes()
			diags = append(diags, d...)
			for _, a := range sortedAttrs(attrs) {
				m.locals = append(m.locals, a)
				m.localRefs = append(m.localRefs, a.Expr.Variables())
			}
		case "output":
			c, _, d := blk.Body.PartialContent(outputSchema)
			diags = append(diags, d...)
			if a := c.Attributes["value"]; a != nil {
				m.outputs = append(m.outputs, &outputDecl{name: blk.Labels[0], expr: a.Expr, refs: a.Expr.Variables(), declRange: blk.DefRange})
			}
		case "module":
			diags = append(diags, m.addCall(blk)...)
		case "resource", "data":
			mode := Managed
			if blk.Type == "data" {
				mode = Data
			}
			c, rest, d := blk.Body.PartialContent(resourceSchema)
			diags = append(diags, d...)
			r := &resourceDecl{mode: mode, typ: blk.Labels[0], name: blk.Labels[1], config: rest, declRange: blk.DefRange}
			r.syntax, _ = blk.Body.(*hclsyntax.Body)
			if a := c.Attributes["count"]; a != nil {
				r.count = a.Expr
			}
			if a := c.Attributes["for_each"]; a != nil {
				r.forEach = a.Expr
			}
			if r.count != nil && r.forEach != nil {
				diags = append(diags, bothCountAndForEach(blk.DefRange))
				r.count = nil
			}
			m.resources = append(m.resources, r)
		}
	}
	return diags
}

// markRoot records a block that makes the module a root module, keeping the first in file order.
func (m *moduleConfig) markRoot(rng hcl.Range) {
	if m.rootRange == nil {
		m.rootRange = &rng
	}
}

func bothCountAndForEach(rng hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid combination of count and for_each",
		Detail: "The count and for_each meta-arguments are mutually exclusive; keep only one of them.", Subject: rng.Ptr()}
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := out[i].Range, out[j].Range
		if ri.Filename != rj.Filename {
			return ri.Filename < rj.Filename
		}
		return ri.Start.Byte < rj.Start.Byte
	})
	return out
}

func (m *moduleConfig) addVariable(blk *hcl.Block) hcl.Diagnostics {
	c, _, diags := blk.Body.PartialContent(variableSchema)
	v := &variableDecl{name: blk.Labels[0], typ: cty.DynamicPseudoType, literal: true, nullable: true, declRange: blk.DefRange}
	if a := c.Attributes["type"]; a != nil {
		switch hcl.ExprAsKeyword(a.Expr) {
		case "list":
			v.typ, v.literal = cty.List(cty.DynamicPseudoType), false
		case "map":
			v.typ, v.literal = cty.Map(cty.DynamicPseudoType), false
		default:
			ty, defaults, d := typeexpr.TypeConstraintWithDefaults(a.Expr)
			diags = append(diags, d...)
			if !d.HasErrors() {
				v.typ, v.defaults, v.literal = ty, defaults, ty.IsPrimitiveType()
			}
		}
	}
	if a := c.Attributes["sensitive"]; a != nil {
		if sv, d := a.Expr.Value(nil); !d.HasErrors() && sv.Type() == cty.Bool && sv.IsKnown() && !sv.IsNull() {
			v.sensitive = sv.True()
		}
	}
	if a := c.Attributes["nullable"]; a != nil {
		if nv, d := a.Expr.Value(nil); !d.HasErrors() && nv.Type() == cty.Bool && nv.IsKnown() && !nv.IsNull() {
			v.nullable = nv.True()
		}
	}
	if a := c.Attributes["default"]; a != nil {
		val, d := a.Expr.Value(nil)
		diags = append(diags, d...)
		if !d.HasErrors() {
			conv, cd := v.convert(val, a.Expr.Range())
			diags = append(diags, cd...)
			v.def = conv
		}
	}
	if _, dup := m.variables[v.name]; dup {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate variable declaration",
			Detail: fmt.Sprintf("A variable named %q was already declared; variable names must be unique within a module.", v.name), Subject: blk.DefRange.Ptr()})
		return diags
	}
	m.variables[v.name] = v
	return diags
}

func (m *moduleConfig) addCall(blk *hcl.Block) hcl.Diagnostics {
	c, rest, diags := blk.Body.PartialContent(callSchema)
	inputs, d := rest.JustAttributes()
	diags = append(diags, d...)
	call := &callDecl{name: blk.Labels[0], inputs: inputs, inputRefs: make(map[string][]hcl.Traversal, len(inputs)), declRange: blk.DefRange}
	for name, a := range inputs {
		call.inputRefs[name] = a.Expr.Variables()
	}
	if a := c.Attributes["source"]; a != nil {
		call.sourceRange = a.Expr.Range()
		v, d := a.Expr.Value(nil)
		if d.HasErrors() || v.Type() != cty.String || v.IsNull() || !v.IsKnown() {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid module source",
				Detail: "The module source must be a literal string, such as \"./modules/service\".", Subject: a.Expr.Range().Ptr()})
		} else {
			call.source = v.AsString()
		}
	} else {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Missing module source",
			Detail: fmt.Sprintf("Module %q has no source argument; add one, such as source = \"./modules/service\".", call.name), Subject: blk.DefRange.Ptr()})
	}
	if a := c.Attributes["version"]; a != nil {
		if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			call.version = v.AsString()
		} else {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid module version",
				Detail: "The module version must be a literal string, such as \"~> 5.0\".", Subject: a.Expr.Range().Ptr()})
		}
	}
	if a := c.Attributes["count"]; a != nil {
		call.count = a.Expr
	}
	if a := c.Attributes["for_each"]; a != nil {
		call.forEach = a.Expr
	}
	if call.count != nil && call.forEach != nil {
		diags = append(diags, bothCountAndForEach(blk.DefRange))
		call.count = nil
	}
	m.calls = append(m.calls, call)
	return diags
}
