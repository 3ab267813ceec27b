package tffunc

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// The functions of Terraform's built-in provider "terraform" (terraform.io/builtin/terraform), called as
// provider::terraform::encode_tfvars and so on.

var encodeTfvarsFunc = function.New(&function.Spec{
	Description:  "Writes an object or map as the contents of a .tfvars file.",
	Params:       []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowNull: true}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		if v.IsNull() {
			return cty.NilVal, function.NewArgErrorf(0, "cannot encode a null value in tfvars syntax")
		}
		if !ty.IsObjectType() && !ty.IsMapType() {
			return cty.NilVal, function.NewArgErrorf(0, "invalid value type for tfvars encoding: must be an object or a map")
		}
		if !v.IsWhollyKnown() {
			return cty.UnknownVal(cty.String).RefineNotNull(), nil
		}
		f := hclwrite.NewEmptyFile()
		body := f.Body()
		var names []string
		attrs := v.AsValueMap()
		for k := range attrs {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if !hclsyntax.ValidIdentifier(k) {
				return cty.NilVal, function.NewArgErrorf(0, "invalid variable name %q: must be a valid identifier (letters, digits, underscores and dashes, starting with a letter)", k)
			}
			body.SetAttributeValue(k, attrs[k])
		}
		return cty.StringVal(string(f.Bytes())), nil
	},
})

var decodeTfvarsFunc = function.New(&function.Spec{
	Description: "Reads the contents of a .tfvars file into an object.",
	Params:      []function.Parameter{{Name: "src", Type: cty.String}},
	Type:        function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		f, diags := hclsyntax.ParseConfig([]byte(args[0].AsString()), "<decode_tfvars argument>", hcl.InitialPos)
		if diags.HasErrors() {
			return cty.NilVal, function.NewArgErrorf(0, "invalid tfvars syntax: %s", diags.Error())
		}
		attrs, diags := f.Body.JustAttributes()
		if diags.HasErrors() {
			return cty.NilVal, function.NewArgErrorf(0, "invalid tfvars content: %s", diags.Error())
		}
		vals := make(map[string]cty.Value, len(attrs))
		for name, attr := range attrs {
			v, diags := attr.Expr.Value(nil)
			if diags.HasErrors() {
				return cty.NilVal, function.NewArgErrorf(0, "invalid expression for variable %q: %s", name, diags.Error())
			}
			vals[name] = v
		}
		return cty.ObjectVal(vals), nil
	},
})

var encodeExprFunc = function.New(&function.Spec{
	Description:  "Writes a value as a Terraform expression that would produce it.",
	Params:       []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(cty.String).RefineNotNull(), nil
		}
		return cty.StringVal(string(hclwrite.TokensForValue(args[0]).Bytes())), nil
	},
})

// providerFunctions are the functions of the built-in provider, by their full names.
func providerFunctions() map[string]function.Function {
	return map[string]function.Function{
		"provider::terraform::encode_tfvars": encodeTfvarsFunc,
		"provider::terraform::decode_tfvars": decodeTfvarsFunc,
		"provider::terraform::encode_expr":   encodeExprFunc,
	}
}
