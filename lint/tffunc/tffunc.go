// Package tffunc is the library of Terraform functions that ecslint evaluates statically: every built-in function
// of Terraform 1.11, under its plain and its core:: name, the functions of the built-in provider "terraform"
// (provider::terraform::encode_tfvars, decode_tfvars, encode_expr) and those of the ecskit provider
// (provider::ecskit::fargate_size, check_task_definition, normalize_container_definitions: the provider's own
// code, internal/functions). go-cty's stdlib and HCL's tryfunc provide most; the rest are written here to return
// what Terraform returns (TestConsole compares every one with terraform console, with the ecskit provider
// installed). Functions of other providers are not in the table: see OtherProvider.
//
// Functions whose results are known only when Terraform applies the configuration (see Unknowable) return
// unknown values, so that nothing derived from them produces a finding; sensitive() marks its argument as
// Terraform does (Sensitive). The file functions read only inside the directory given to NewFiles, and functions
// whose results can grow without bound (indent, yamldecode through aliases) refuse results beyond fixed limits.
package tffunc

import (
	"encoding/base64"
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Functions returns the function table for an hcl.EvalContext. files bounds what file, fileexists, filebase64
// and templatefile may read; with files nil those functions fail with an error. Errors of the file functions are
// returned unwrapped (not as function.ArgError), so that callers can find ErrOutside with errors.Is on the error
// that hclsyntax.FunctionCallDiagExtra reports.
func Functions(files *Files) map[string]function.Function {
	fns := maps.Clone(pureFunctions())
	fns["abspath"] = absPathFunc(files)
	fns["file"] = fileFunc(files)
	fns["fileexists"] = fileExistsFunc(files)
	fns["filebase64"] = fileBase64Func(files)
	fns["fileset"] = filesetFunc(files)
	for _, d := range digests {
		fns["file"+d.name] = fileHashFunc(files, d)
	}
	// Templates may call every function except the template functions themselves, as in Terraform.
	inner := withCoreNames(maps.Clone(fns))
	fns["templatefile"] = templateFileFunc(files, inner)
	fns["templatestring"] = templateStringFunc(inner)
	withCoreNames(fns)
	maps.Copy(fns, providerFunctions())
	maps.Copy(fns, ecskitFunctions())
	return fns
}

// withCoreNames adds every function under its core:: name too (core::abs is abs), as Terraform 1.8 and later do.
func withCoreNames(fns map[string]function.Function) map[string]function.Function {
	for name, fn := range fns {
		if !strings.Contains(name, "::") {
			fns["core::"+name] = fn
		}
	}
	return fns
}

// Unknowable lists the functions whose results ecslint cannot know: they depend on time, on randomness, or on
// what Terraform learns only when it applies the configuration. They return unknown values, so that nothing
// derived from them produces a finding.
var Unknowable = []string{"bcrypt", "plantimestamp", "timestamp", "uuid"}

// pureFunctions is the part of the table that reads no files, the same for every Load: built once.
var pureFunctions = sync.OnceValue(func() map[string]function.Function {
	return map[string]function.Function{
		"abs":              stdlib.AbsoluteFunc,
		"alltrue":          allTrueFunc,
		"anytrue":          anyTrueFunc,
		"base64decode":     base64DecodeFunc,
		"base64encode":     base64EncodeFunc,
		"base64gzip":       base64GzipFunc,
		"base64sha256":     stringHashFunc(base64Sha256Digest),
		"base64sha512":     stringHashFunc(base64Sha512Digest),
		"basename":         basenameFunc,
		"bcrypt":           bcryptFunc,
		"can":              tryfunc.CanFunc,
		"ceil":             stdlib.CeilFunc,
		"chomp":            stdlib.ChompFunc,
		"chunklist":        stdlib.ChunklistFunc,
		"cidrhost":         cidrHostFunc,
		"cidrnetmask":      cidrNetmaskFunc,
		"cidrsubnet":       cidrSubnetFunc,
		"cidrsubnets":      cidrSubnetsFunc,
		"coalesce":         coalesceFunc,
		"coalescelist":     stdlib.CoalesceListFunc,
		"compact":          stdlib.CompactFunc,
		"concat":           stdlib.ConcatFunc,
		"contains":         stdlib.ContainsFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"dirname":          dirnameFunc,
		"distinct":         stdlib.DistinctFunc,
		"element":          elementFunc,
		"endswith":         endsWithFunc,
		"ephemeralasnull":  ephemeralAsNullFunc,
		"flatten":          stdlib.FlattenFunc,
		"floor":            stdlib.FloorFunc,
		"format":           stdlib.FormatFunc,
		"formatdate":       stdlib.FormatDateFunc,
		"formatlist":       stdlib.FormatListFunc,
		"indent":           indentFunc,
		"index":            indexFunc,
		"issensitive":      issensitiveFunc,
		"join":             stdlib.JoinFunc,
		"jsondecode":       inRange(stdlib.JSONDecodeFunc, true),
		"jsonencode":       jsonEncodeFunc,
		"keys":             stdlib.KeysFunc,
		"length":           lengthFunc,
		"log":              stdlib.LogFunc,
		"lookup":           lookupFunc,
		"lower":            stdlib.LowerFunc,
		"matchkeys":        matchKeysFunc,
		"max":              stdlib.MaxFunc,
		"md5":              stringHashFunc(md5Digest),
		"merge":            stdlib.MergeFunc,
		"min":              stdlib.MinFunc,
		"nonsensitive":     nonsensitiveFunc,
		"one":              oneFunc,
		"parseint":         inRange(stdlib.ParseIntFunc, false),
		"pathexpand":       pathExpandFunc,
		"plantimestamp":    unknownStringFunc,
		"pow":              inRange(stdlib.PowFunc, false),
		"range":            stdlib.RangeFunc,
		"regex":            stdlib.RegexFunc,
		"regexall":         stdlib.RegexAllFunc,
		"replace":          replaceFunc,
		"reverse":          stdlib.ReverseListFunc,
		"rsadecrypt":       rsaDecryptFunc,
		"sensitive":        sensitiveFunc,
		"setintersection":  stdlib.SetIntersectionFunc,
		"setproduct":       stdlib.SetProductFunc,
		"setsubtract":      stdlib.SetSubtractFunc,
		"setunion":         stdlib.SetUnionFunc,
		"sha1":             stringHashFunc(sha1Digest),
		"sha256":           stringHashFunc(sha256Digest),
		"sha512":           stringHashFunc(sha512Digest),
		"signum":           stdlib.SignumFunc,
		"slice":            stdlib.SliceFunc,
		"sort":             stdlib.SortFunc,
		"split":            stdlib.SplitFunc,
		"startswith":       startsWithFunc,
		"strcontains":      strContainsFunc,
		"strrev":           stdlib.ReverseFunc,
		"substr":           stdlib.SubstrFunc,
		"sum":              sumFunc,
		"textdecodebase64": textDecodeBase64Func,
		"textencodebase64": textEncodeBase64Func,
		"timeadd":          stdlib.TimeAddFunc,
		"timecmp":          timeCmpFunc,
		"timestamp":        unknownStringFunc,
		"title":            stdlib.TitleFunc,
		"tobool":           stdlib.MakeToFunc(cty.Bool),
		"tolist":           stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":            stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":         inRange(stdlib.MakeToFunc(cty.Number), false),
		"toset":            stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":         stdlib.MakeToFunc(cty.String),
		"transpose":        transposeFunc,
		"trim":             stdlib.TrimFunc,
		"trimprefix":       stdlib.TrimPrefixFunc,
		"trimspace":        stdlib.TrimSpaceFunc,
		"trimsuffix":       stdlib.TrimSuffixFunc,
		"try":              tryfunc.TryFunc,
		"upper":            stdlib.UpperFunc,
		"urlencode":        urlEncodeFunc,
		"uuid":             unknownStringFunc,
		"uuidv5":           uuidV5Func,
		"values":           stdlib.ValuesFunc,
		"yamldecode":       inRange(yamlDecodeFunc, true),
		"yamlencode":       yamlEncodeFunc,
		"zipmap":           stdlib.ZipmapFunc,
	}
})

// inRange wraps a function that can make numbers out of text or out of other numbers (jsondecode, tonumber,
// parseint, pow): a result that holds a number beyond tree.InRange is an error. Evaluating such a number is quick,
// but writing it as text later (jsonencode, a template) takes minutes for 1e9999999. With textArgs, only
// results of arguments that tree.MayHoldHugeNumber flags are looked at.
func inRange(fn function.Function, textArgs bool) function.Function {
	return function.New(&function.Spec{
		Description: fn.Description(),
		Params:      fn.Params(),
		VarParam:    fn.VarParam(),
		Type:        func(args []cty.Value) (cty.Type, error) { return fn.ReturnTypeForValues(args) },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			v, err := fn.Call(args)
			if err != nil || textArgs && !mayHoldHugeNumber(args) || !tree.HasHugeNumber(v) {
				return v, err
			}
			return cty.NilVal, fmt.Errorf("the result holds a number beyond what any AWS API accepts (about ±1.8e308), which ecslint does not evaluate")
		},
	})
}

func mayHoldHugeNumber(args []cty.Value) bool {
	for _, a := range args {
		a, _ = a.UnmarkDeep()
		if a.IsKnown() && !a.IsNull() && a.Type() == cty.String && tree.MayHoldHugeNumber([]byte(a.AsString())) {
			return true
		}
	}
	return false
}

// coalesceFunc is Terraform's coalesce: the first argument that is neither null nor an empty string.
var coalesceFunc = function.New(&function.Spec{
	Description: "Returns the first argument that is neither null nor an empty string.",
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, a := range args {
			types[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, fmt.Errorf("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		for _, a := range args {
			v, err := convert.Convert(a, ty)
			if err != nil {
				return cty.NilVal, err
			}
			if !v.IsKnown() {
				return cty.UnknownVal(ty), nil
			}
			if v.IsNull() || (v.Type() == cty.String && v.AsString() == "") {
				continue
			}
			return v, nil
		}
		return cty.NilVal, fmt.Errorf("no non-null, non-empty-string arguments")
	},
})

var unknownStringFunc = function.New(&function.Spec{
	Description: "Returns an unknown string: the value is only known when Terraform applies the configuration.",
	Type:        function.StaticReturnType(cty.String),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.UnknownVal(cty.String), nil
	},
})

// Sensitive is the mark of a sensitive value, as Terraform's marks.Sensitive: sensitive() adds it, nonsensitive()
// removes it, issensitive() looks for it.
const Sensitive = sensitiveMark("sensitive")

type sensitiveMark string

// sensitiveFunc is Terraform's sensitive: its argument, marked sensitive.
var sensitiveFunc = function.New(&function.Spec{
	Description: "Returns its argument marked sensitive.",
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true, AllowMarked: true}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0].Mark(Sensitive), nil },
})

// nonsensitiveFunc is Terraform's nonsensitive: its argument without the sensitive mark (of the value itself,
// not of its elements, as in Terraform). A value that is not sensitive is returned as it is.
var nonsensitiveFunc = function.New(&function.Spec{
	Description: "Returns its argument without its sensitive mark.",
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true, AllowMarked: true}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, Sensitive)
		return v.WithMarks(marks), nil
	},
})

// lengthFunc is Terraform's length: strings count characters, collections and structural types count elements.
var lengthFunc = function.New(&function.Spec{
	Description: "Returns the number of elements of a collection or characters of a string.",
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true,
		AllowUnknown: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty == cty.String, ty.IsCollectionType(), ty.IsTupleType(), ty.IsObjectType(),
			ty == cty.DynamicPseudoType:
			return cty.Number, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "argument must be a string, a collection type, or a structural type")
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			return stdlib.Strlen(v)
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))), nil
		case ty.IsTupleType():
			return cty.NumberIntVal(int64(len(ty.TupleElementTypes()))), nil
		}
		return v.Length(), nil
	},
})

// replaceFunc is Terraform's replace: a search string wrapped in slashes is a regular expression.
var replaceFunc = function.New(&function.Spec{
	Description: "Replaces each occurrence of substring (or of a /regular expression/) in str with replace.",
	Params: []function.Parameter{
		{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, substr, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(substr) > 1 && substr[0] == '/' && substr[len(substr)-1] == '/' {
			re, err := regexp.Compile(substr[1 : len(substr)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgErrorf(1, "invalid regular expression: %s", err)
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, substr, repl)), nil
	},
})

func stringPredicate(desc string, fn func(s, x string) bool) function.Function {
	return function.New(&function.Spec{
		Description: desc,
		Params:      []function.Parameter{{Name: "str", Type: cty.String}, {Name: "other", Type: cty.String}},
		Type:        function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(fn(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var (
	startsWithFunc  = stringPredicate("Reports whether str starts with prefix.", strings.HasPrefix)
	endsWithFunc    = stringPredicate("Reports whether str ends with suffix.", strings.HasSuffix)
	strContainsFunc = stringPredicate("Reports whether str contains substr.", strings.Contains)
)

func boolFold(desc string, want bool) function.Function {
	return function.New(&function.Spec{
		Description: desc,
		Params:      []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:        function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				switch {
				case !v.IsKnown():
					unknown = true
				case v.IsNull():
					if !want { // as Terraform: alltrue is false at a null, anytrue skips it
						return cty.False, nil
					}
					continue
				case v.True() == want:
					return cty.BoolVal(want), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(!want), nil
		},
	})
}

var (
	allTrueFunc = boolFold("Reports whether every element of the list is true.", false)
	anyTrueFunc = boolFold("Reports whether any element of the list is true.", true)
)

var oneFunc = function.New(&function.Spec{
	Description: "Returns the only element of a list or set with zero or one elements (null for none).",
	Params:      []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			ets := ty.TupleElementTypes()
			switch len(ets) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return ets[0], nil
			}
			return cty.NilType, function.NewArgErrorf(0, "must be a list, set or tuple value with either zero or one elements")
		}
		return cty.NilType, function.NewArgErrorf(0, "must be a list, set or tuple value with either zero or one elements")
	},
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		v := args[0]
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(ty), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, function.NewArgErrorf(0, "must be a list, set or tuple value with either zero or one elements")
	},
})

var sumFunc = function.New(&function.Spec{
	Description: "Returns the sum of a list or set of numbers.",
	Params:      []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:        function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilVal, function.NewArgErrorf(0, "argument must be a list, set or tuple of numbers")
		}
		if v.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum an empty list")
		}
		total := cty.Zero
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if e.IsNull() {
				return cty.NilVal, function.NewArgErrorf(0, "argument must not contain null values")
			}
			n, err := convert.Convert(e, cty.Number)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "argument must contain only numbers: %s", err)
			}
			total = total.Add(n)
		}
		return total, nil
	},
})

var transposeFunc = function.New(&function.Spec{
	Description: "Swaps the keys and values of a map of lists of strings.",
	Params:      []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:        function.StaticReturnType(cty.Map(cty.List(cty.String))),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		out := map[string][]cty.Value{}
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			if !list.IsKnown() {
				return cty.UnknownVal(cty.Map(cty.List(cty.String))), nil
			}
			for lit := list.ElementIterator(); lit.Next(); {
				_, v := lit.Element()
				if !v.IsKnown() {
					return cty.UnknownVal(cty.Map(cty.List(cty.String))), nil
				}
				if v.IsNull() {
					return cty.NilVal, function.NewArgErrorf(0, "lists must not contain null values")
				}
				out[v.AsString()] = append(out[v.AsString()], k)
			}
		}
		m := make(map[string]cty.Value, len(out))
		for k, vs := range out {
			m[k] = cty.ListVal(vs)
		}
		if len(m) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		return cty.MapVal(m), nil
	},
})

var base64EncodeFunc = function.New(&function.Spec{
	Description: "Encodes a string's UTF-8 bytes in Base64.",
	Params:      []function.Parameter{{Name: "str", Type: cty.String}},
	Type:        function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(base64.StdEncoding.EncodeToString([]byte(args[0].AsString()))), nil
	},
})

var base64DecodeFunc = function.New(&function.Spec{
	Description: "Decodes a Base64 string holding UTF-8 text.",
	Params:      []function.Parameter{{Name: "str", Type: cty.String}},
	Type:        function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decode base64 data: %s", err)
		}
		if !utf8.Valid(b) {
			return cty.NilVal, function.NewArgErrorf(0, "the result of decoding the provided string is not valid UTF-8")
		}
		return cty.StringVal(string(b)), nil
	},
})

func noFiles() error {
	return fmt.Errorf("file functions are not available here")
}

func fileFunc(files *Files) function.Function {
	return function.New(&function.Spec{
		Description: "Reads a UTF-8 text file inside the linted directory.",
		Params:      []function.Parameter{{Name: "path", Type: cty.String}},
		Type:        function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if files == nil {
				return cty.NilVal, noFiles()
			}
			b, err := files.Read(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			if !utf8.Valid(b) {
				return cty.NilVal, function.NewArgErrorf(0, "contents of %q are not valid UTF-8; use filebase64 for binary files", args[0].AsString())
			}
			return cty.StringVal(string(b)), nil
		},
	})
}

func fileBase64Func(files *Files) function.Function {
	return function.New(&function.Spec{
		Description: "Reads a file inside the linted directory and returns its contents in Base64.",
		Params:      []function.Parameter{{Name: "path", Type: cty.String}},
		Type:        function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if files == nil {
				return cty.NilVal, noFiles()
			}
			b, err := files.Read(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
		},
	})
}

func fileExistsFunc(files *Files) function.Function {
	return function.New(&function.Spec{
		Description: "Reports whether a file exists inside the linted directory.",
		Params:      []function.Parameter{{Name: "path", Type: cty.String}},
		Type:        function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if files == nil {
				return cty.NilVal, noFiles()
			}
			ok, err := files.Exists(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.BoolVal(ok), nil
		},
	})
}

// templateFileFunc renders a template file inside the linted directory with the given variables. The template
// sees only those variables and the functions in fns.
func templateFileFunc(files *Files, fns map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Description: "Renders a template file inside the linted directory with the given variables.",
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if files == nil {
				return cty.NilVal, noFiles()
			}
			path := args[0].AsString()
			vars := args[1]
			if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
				return cty.NilVal, function.NewArgErrorf(1, "invalid vars value: must be a map or an object")
			}
			src, err := files.Read(path)
			if err != nil {
				return cty.NilVal, err
			}
			return renderTemplate(src, path, vars, fns)
		},
	})
}

// templateStringFunc is Terraform's templatestring: a template held in a string, rendered with the given
// variables. (Terraform also insists that the template be a reference to a named value, not a literal: a check
// on the configuration's text that ecslint leaves to terraform validate.)
func templateStringFunc(fns map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Description: "Renders a template held in a string with the given variables.",
		Params: []function.Parameter{
			{Name: "template", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			v, err := renderTemplate([]byte(args[0].AsString()), "<templatestring argument>", args[1], fns)
			if err != nil {
				return cty.NilVal, err
			}
			// Unlike templatefile, the result is always a string, even of a template that is one interpolation.
			s, err := convert.Convert(v, cty.String)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "the template's result must be a string: %s", err)
			}
			return s, nil
		},
	})
}

// renderTemplate evaluates the template src with the variables in vars (a map or object) and the functions fns.
func renderTemplate(src []byte, name string, vars cty.Value, fns map[string]function.Function) (cty.Value, error) {
	if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
		return cty.NilVal, function.NewArgErrorf(1, "invalid vars value: must be a map or an object")
	}
	expr, diags := hclsyntax.ParseTemplate(src, name, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		return cty.NilVal, function.NewArgErrorf(0, "template %s: %s", name, diags.Error())
	}
	varMap := map[string]cty.Value{}
	if !vars.IsNull() {
		if !vars.IsKnown() {
			return cty.DynamicVal, nil
		}
		for it := vars.ElementIterator(); it.Next(); {
			k, v := it.Element()
			varMap[k.AsString()] = v
		}
	}
	for _, tr := range expr.Variables() {
		if _, ok := varMap[tr.RootName()]; !ok {
			r := tr.SourceRange()
			return cty.NilVal, function.NewArgErrorf(1, "template %s:%d,%d refers to variable %q, which vars does not define; add it to the vars argument",
				name, r.Start.Line, r.Start.Column, tr.RootName())
		}
	}
	val, diags := expr.Value(&hcl.EvalContext{Variables: varMap, Functions: fns})
	if diags.HasErrors() {
		return cty.NilVal, function.NewArgErrorf(0, "template %s: %s", name, diags.Error())
	}
	return val, nil
}

func filesetFunc(files *Files) function.Function {
	return function.New(&function.Spec{
		Description: "Lists the files under a directory inside the linted directory that match a pattern.",
		Params: []function.Parameter{
			{Name: "path", Type: cty.String}, {Name: "pattern", Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Set(cty.String)),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if files == nil {
				return cty.NilVal, noFiles()
			}
			names, err := files.Glob(args[0].AsString(), args[1].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			if len(names) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			vals := make([]cty.Value, len(names))
			for i, n := range names {
				vals[i] = cty.StringVal(n)
			}
			return cty.SetVal(vals), nil
		},
	})
}

// MaxResultBytes bounds the text that functions which multiply their input (indent) may make: Terraform would
// build whatever is asked, up to the memory of the machine.
const MaxResultBytes = 64 << 20

// indentFunc is go-cty's indent, refusing results beyond MaxResultBytes (indent(1e12, s) asked for a terabyte).
var indentFunc = function.New(&function.Spec{
	Description: stdlib.IndentFunc.Description(),
	Params:      stdlib.IndentFunc.Params(),
	Type:        function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n := args[0].AsBigFloat()
		s := args[1].AsString()
		size := new(big.Float).Mul(n, big.NewFloat(float64(strings.Count(s, "\n")+1)))
		if size.Cmp(big.NewFloat(MaxResultBytes)) > 0 {
			return cty.NilVal, function.NewArgErrorf(0, "indenting by %s spaces would make more than %d MiB of text, which ecslint does not evaluate", tree.FormatNumber(n), MaxResultBytes>>20)
		}
		return stdlib.IndentFunc.Call(args)
	},
})
