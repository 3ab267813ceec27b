package tffunc

import (
	"errors"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/ecskit/terraform-provider-ecskit/internal/functions"
)

// The functions of the ecskit provider, called as provider::ecskit::fargate_size and so on. They run the code the
// provider runs (internal/functions); this file only does what Terraform does around a provider function: it
// converts the arguments to the parameters' type (string: a number or a bool becomes its text), refuses null
// arguments, returns an unknown result for unknown arguments without calling the function, carries the
// arguments' marks to the result, and turns the function's error into Terraform's diagnostic ("Invalid function
// argument" naming the parameter, or "Error in function call").

var (
	sizeType    = objectOf(functions.SizeAttributes)
	findingType = objectOf(functions.FindingAttributes)
)

func objectOf(names []string) cty.Type {
	attrs := make(map[string]cty.Type, len(names))
	for _, n := range names {
		attrs[n] = cty.String
	}
	return cty.Object(attrs)
}

// ecskitFunction is a provider function of spec returning ret; impl gets the arguments as strings, the
// variadic ones last.
func ecskitFunction(spec functions.Spec, desc string, ret cty.Type, impl func(args []string) (cty.Value, *functions.Error)) function.Function {
	s := &function.Spec{Description: desc, Type: function.StaticReturnType(ret)}
	for _, p := range spec.Params {
		s.Params = append(s.Params, function.Parameter{Name: p, Type: cty.String})
	}
	if spec.Variadic != "" {
		s.VarParam = &function.Parameter{Name: spec.Variadic, Type: cty.String}
	}
	s.Impl = func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		strs := make([]string, len(args))
		for i, a := range args {
			strs[i] = a.AsString()
		}
		v, ferr := impl(strs)
		switch {
		case ferr == nil:
			return v, nil
		case ferr.Arg < 0:
			return cty.NilVal, errors.New(ferr.Msg)
		default:
			return cty.NilVal, function.NewArgError(ferr.Arg, errors.New(ferr.Msg))
		}
	}
	return function.New(s)
}

var fargateSizeFunc = ecskitFunction(functions.FargateSizeSpec, "The smallest Fargate task size that fits a CPU and memory need.", sizeType,
	func(args []string) (cty.Value, *functions.Error) {
		size, err := functions.FargateSize(args[0], args[1], args[2:])
		if err != nil {
			return cty.NilVal, err
		}
		return cty.ObjectVal(map[string]cty.Value{"cpu": cty.StringVal(size.CPU), "memory": cty.StringVal(size.Memory)}), nil
	})

var checkTaskDefinitionFunc = ecskitFunction(functions.CheckTaskDefinitionSpec, "Checks a task definition against ecskit's rules.", cty.List(findingType),
	func(args []string) (cty.Value, *functions.Error) {
		found, err := functions.CheckTaskDefinition(args[0])
		if err != nil {
			return cty.NilVal, err
		}
		if len(found) == 0 {
			return cty.ListValEmpty(findingType), nil
		}
		vals := make([]cty.Value, len(found))
		for i, f := range found {
			vals[i] = cty.ObjectVal(map[string]cty.Value{"rule": cty.StringVal(f.Rule), "severity": cty.StringVal(f.Severity),
				"message": cty.StringVal(f.Message), "path": cty.StringVal(f.Path)})
		}
		return cty.ListVal(vals), nil
	})

var normalizeContainerDefinitionsFunc = ecskitFunction(functions.NormalizeContainerDefinitionsSpec,
	"Normalizes container definitions JSON to ecskit's canonical form.", cty.String,
	func(args []string) (cty.Value, *functions.Error) {
		out, err := functions.NormalizeContainerDefinitions(args[0], args[1:])
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(out), nil
	})

// ecskitFunctions are the ecskit provider's functions, by their full names.
func ecskitFunctions() map[string]function.Function {
	return map[string]function.Function{
		functions.Namespace + functions.FargateSizeSpec.Name:                   fargateSizeFunc,
		functions.Namespace + functions.CheckTaskDefinitionSpec.Name:           checkTaskDefinitionFunc,
		functions.Namespace + functions.NormalizeContainerDefinitionsSpec.Name: normalizeContainerDefinitionsFunc,
	}
}

// OtherProvider reports whether name is a function of a provider whose functions ecslint does not have
// (provider::aws::arn_parse): a provider other than terraform's built-in one and ecskit. Terraform evaluates
// them with the provider, which ecslint does not run; see UnknownProviderFunction.
func OtherProvider(name string) bool {
	rest, ok := strings.CutPrefix(name, "provider::")
	if !ok {
		return false
	}
	local, fn, ok := strings.Cut(rest, "::")
	return ok && local != "" && fn != "" && local != "terraform" && "provider::"+local+"::" != functions.Namespace
}

// UnknownProviderFunction stands for a function of another provider (see OtherProvider): it takes any
// arguments and returns an unknown value of any type, so that nothing derived from it produces a finding and no
// warning says ecslint does not know it.
var UnknownProviderFunction = function.New(&function.Spec{
	Description: "A function of a provider ecslint does not run: its result is unknown.",
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true, AllowMarked: true},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
})

// IsEcskitSource reports whether a required_providers source address is the ecskit provider's: ecskit/ecskit,
// with or without a registry host.
func IsEcskitSource(source string) bool {
	parts := strings.Split(strings.ToLower(source), "/")
	return len(parts) >= 2 && len(parts) <= 3 && parts[len(parts)-2] == "ecskit" && parts[len(parts)-1] == "ecskit"
}

// EcskitFunction returns the ecskit function that name calls under one of the provider's other local names
// (provider::ek::fargate_size, with ek = { source = "ecskit/ecskit" } in required_providers).
func EcskitFunction(name string, localNames []string) (function.Function, bool) {
	for _, local := range localNames {
		if fn, ok := strings.CutPrefix(name, "provider::"+local+"::"); ok {
			f, ok := ecskitFunctions()[functions.Namespace+fn]
			return f, ok
		}
	}
	return function.Function{}, false
}
