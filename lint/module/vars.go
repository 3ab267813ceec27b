package module

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
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
// overriding earlier ones. Without -var-file and -var options, the variables that the directory's other
// variable files set are unknown (see chosenByRun).
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
	if len(opts.VarFiles) == 0 && len(opts.Vars) == 0 {
		diags = append(diags, l.chosenByRun(root, inputs)...)
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

// chosenByRun makes unknown, in inputs, every variable that one of the root directory's variable files which
// Terraform reads only with -var-file (say fixtures.us-east-2.tfvars, prod.tfvars) sets: the directory is
// meant to be run with one of them, so such a variable's value is the run's choice, not its default nor what
// terraform.tfvars or *.auto.tfvars say (a -var-file overrides those). Variables no such file sets keep their
// values. Only the names the files set are read; a file that cannot be parsed gives warnings, and the
// variables it sets as far as it can be read are unknown. Undeclared names are ignored: the run that names
// the file is where Terraform warns about them.
func (l *loader) chosenByRun(root *moduleConfig, inputs map[string]*inputValue) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, base := range root.choiceVarFiles {
		name := filepath.Join(root.dir, base)
		src, err := tffunc.ReadCapped(filepath.Join(root.realDir, base), l.maxFileSize)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unreadable variable file",
				Detail: fmt.Sprintf("Cannot read %s (%s), a variable file for a -var-file option; ecslint cannot tell which variables it sets. Fix or remove the file, or pass the variable files of the run with --var-file.", name, err)})
			continue
		}
		var f *hcl.File
		var d hcl.Diagnostics
		if strings.HasSuffix(base, ".json") {
			f, d = json.Parse(src, name)
		} else {
			f, d = hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		}
		var attrs hcl.Attributes
		if f != nil && f.Body != nil {
			var ad hcl.Diagnostics
			attrs, ad = f.Body.JustAttributes()
			d = append(d, ad...)
		}
		for _, e := range d {
			if e.Severity == hcl.DiagError {
				w := *e
				w.Severity = hcl.DiagWarning
				w.Detail = strings.TrimSpace(w.Detail + " This variable file is read only when a -var-file option names it; ecslint treats the variables it sets as unknown.")
				diags = append(diags, &w)
			}
		}
		for _, a := range sortedAttrs(attrs) {
			if v := root.variables[a.Name]; v != nil {
				inputs[a.Name] = &inputValue{val: cty.UnknownVal(v.typ), rng: a.Expr.Range()}
			}
		}
	}
	return diags
}
