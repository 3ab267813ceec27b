package module

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// inputValue is a value given for a variable, with where it came from.
type inputValue struct {
	val  cty.Value
	rng  hcl.Range
	flag bool // a -var option
}

// convert applies the variable's type constraint (and its optional-attribute defaults) to val.
func (v *variableDecl) convert(val cty.Value, rng hcl.Range) (cty.Value, hcl.Diagnostics) {
	if val.IsNull() {
		if !v.nullable && v.def != cty.NilVal {
			return v.def, nil
		}
		return cty.NullVal(v.typ), nil
	}
	if v.defaults != nil {
		val = v.defaults.Apply(val)
	}
	out, err := convert.Convert(val, v.typ)
	if err != nil {
		return cty.UnknownVal(v.typ), hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid value for variable",
			Detail: fmt.Sprintf("The value for variable %q does not match its type %s: %s. Give a value of that type.",
				v.name, typeexpr.TypeString(v.typ), err),
			Subject: rng.Ptr()}}
	}
	return out, nil
}

// value returns the variable's value from an input (or its default, or unknown when neither exists).
func (v *variableDecl) value(in *inputValue) (cty.Value, hcl.Diagnostics) {
	if in == nil {
		if v.def != cty.NilVal {
			return v.def, nil
		}
		return cty.UnknownVal(v.typ), nil
	}
	val, diags := v.convert(in.val, in.rng)
	// A -var value is text converted here; numbers from files and expressions were bounded where they were
	// read (the loader, the number-making functions).
	if in.flag && !diags.HasErrors() && tree.HasHugeNumber(val) {
		return cty.UnknownVal(v.typ), hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Number out of range",
			Detail:  "This value is a number beyond what any AWS API accepts (about ±1.8e308); ecslint treats the variable as unknown.",
			Subject: in.rng.Ptr()}}
	}
	return val, diags
}

// rootInputs collects the root module's variable values from tfvars files and the options, later sources
// overriding earlier ones.
func (l *loader) rootInputs(root *moduleConfig, opts *Options) (map[string]*inputValue, hcl.Diagnostics) {
	files := make([]string, 0, len(root.varFiles)+len(opts.VarFiles))
	for _, name := range root.varFiles {
		files = append(files, filepath.Join(root.dir, name))
	}
	files = append(files, opts.VarFiles...)

	inputs := map[string]*inputValue{}
	var diags hcl.Diagnostics
	for _, name := range files {
		f, d := l.parseFile(name, name)
		diags = append(diags, d...)
		if f == nil {
			continue
		}
		attrs, d := f.Body.JustAttributes()
		diags = append(diags, d...)
		for _, a := range sortedAttrs(attrs) {
			if root.variables[a.Name] == nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Value for undeclared variable",
					Detail:  fmt.Sprintf("%s sets %q, which the root module does not declare; remove it or declare the variable.", name, a.Name),
					Subject: a.NameRange.Ptr()})
				continue
			}
			val, d := a.Expr.Value(nil)
			diags = append(diags, d...)
			if d.HasErrors() {
				val = cty.DynamicVal
			}
			inputs[a.Name] = &inputValue{val: val, rng: a.Expr.Range()}
		}
	}
	for _, arg := range opts.Vars {
		name, raw, ok := strings.Cut(arg, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid -var option",
				Detail: fmt.Sprintf("The -var option %q is not of the form name=value; write it as -var 'name=value'.", arg)})
			continue
		}
		v := root.variables[name]
		if v == nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Value for undeclared variable",
				Detail: fmt.Sprintf("A -var option sets %q, which the root module does not declare; declare it with a variable block or fix the name.", name)})
			continue
		}
		rng := hcl.Range{Filename: fmt.Sprintf("<value for var.%s>", name), Start: hcl.InitialPos, End: hcl.InitialPos}
		if v.literal {
			inputs[name] = &inputValue{val: cty.StringVal(raw), rng: rng, flag: true}
			continue
		}
		expr, d := hclsyntax.ParseExpression([]byte(raw), rng.Filename, hcl.InitialPos)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		val, d := expr.Value(nil)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		inputs[name] = &inputValue{val: val, rng: expr.Range(), flag: true}
	}
	return inputs, diags
}
