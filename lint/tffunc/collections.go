package tffunc

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// indexFunc is Terraform's index: the position of the first element of a list or tuple equal to value.
// (go-cty's stdlib.IndexFunc is another function: the element at a key.)
var indexFunc = function.New(&function.Spec{
	Description: "Returns the index of the first element of a list equal to the given value.",
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if !ty.IsListType() && !ty.IsTupleType() && ty != cty.DynamicPseudoType {
			return cty.NilType, function.NewArgErrorf(0, "argument must be a list or tuple")
		}
		return cty.Number, nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list := args[0]
		if !list.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if list.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot search an empty list")
		}
		for it := list.ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq := v.Equals(args[1])
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, function.NewArgErrorf(1, "the list holds no element equal to the given value")
	},
})

// matchKeysFunc is Terraform's matchkeys: the elements of values whose corresponding element of keys is in
// searchset.
var matchKeysFunc = function.New(&function.Spec{
	Description: "Returns the elements of values at the indexes where keys holds an element of searchset.",
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if _, err := unifyElements(args[1], args[2]); err != nil {
			return cty.NilType, err
		}
		return args[0].Type(), nil
	},
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		values, keys, search := args[0], args[1], args[2]
		if !values.IsKnown() || !keys.IsKnown() || !search.IsKnown() {
			return cty.UnknownVal(ty), nil
		}
		if values.LengthInt() != keys.LengthInt() {
			return cty.NilVal, function.NewArgErrorf(1, "keys must have as many elements as values (%d, not %d)", values.LengthInt(), keys.LengthInt())
		}
		if values.LengthInt() == 0 {
			return cty.ListValEmpty(ty.ElementType()), nil
		}
		et, _ := unifyElements(keys, search)
		var out []cty.Value
		for i, it := 0, keys.ElementIterator(); it.Next(); i++ {
			_, k := it.Element()
			k, err := convert.Convert(k, et)
			if err != nil {
				return cty.NilVal, function.NewArgError(1, err)
			}
			for sit := search.ElementIterator(); sit.Next(); {
				_, s := sit.Element()
				s, err := convert.Convert(s, et)
				if err != nil {
					return cty.NilVal, function.NewArgError(2, err)
				}
				eq := k.Equals(s)
				if !eq.IsKnown() {
					return cty.UnknownVal(ty), nil
				}
				if eq.True() {
					out = append(out, values.Index(cty.NumberIntVal(int64(i))))
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(ty.ElementType()), nil
		}
		return cty.ListVal(out), nil
	},
})

func unifyElements(a, b cty.Value) (cty.Type, error) {
	et, _ := convert.UnifyUnsafe([]cty.Type{a.Type().ElementType(), b.Type().ElementType()})
	if et == cty.NilType {
		return cty.NilType, function.NewArgErrorf(2, "keys and searchset must hold elements of the same type")
	}
	return et, nil
}

// lookupFunc is Terraform's lookup: the element of a map or attribute of an object at key, else the default,
// which may be null (go-cty's stdlib.LookupFunc refuses a null default).
var lookupFunc = function.New(&function.Spec{
	Description: "Returns the element of a map at key, or the default when the map has no such key.",
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType},
		{Name: "key", Type: cty.String},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, function.NewArgErrorf(3, "lookup takes no more than three arguments")
		}
		ty := args[0].Type()
		switch {
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			if key := args[1].AsString(); ty.HasAttribute(key) {
				return ty.AttributeType(key), nil
			}
			if len(args) == 3 {
				return args[2].Type(), nil
			}
			return cty.NilType, function.NewArgErrorf(0, "the given object has no attribute %q", args[1].AsString())
		case ty.IsMapType():
			if len(args) == 3 {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
			}
			return ty.ElementType(), nil
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "lookup requires a map as the first argument")
	},
	Impl: func(args []cty.Value, ty cty.Type) (cty.Value, error) {
		m, key := args[0], args[1].AsString()
		if !m.IsWhollyKnown() {
			return cty.UnknownVal(ty), nil
		}
		if m.Type().IsObjectType() {
			if m.Type().HasAttribute(key) {
				return m.GetAttr(key), nil
			}
		} else if !m.IsNull() && m.HasIndex(cty.StringVal(key)).True() {
			return convert.Convert(m.Index(cty.StringVal(key)), ty)
		}
		if len(args) == 3 {
			return convert.Convert(args[2], ty)
		}
		return cty.NilVal, function.NewArgErrorf(1, "the map has no key %q; add it or give lookup a default", key)
	},
})

// elementFunc is go-cty's element without negative indexes, which Terraform 1.11 refuses.
var elementFunc = function.New(&function.Spec{
	Description: stdlib.ElementFunc.Description(),
	Params:      stdlib.ElementFunc.Params(),
	Type:        func(args []cty.Value) (cty.Type, error) { return stdlib.ElementFunc.ReturnTypeForValues(args) },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[1].IsKnown() && !args[1].IsNull() && args[1].AsBigFloat().Sign() < 0 {
			return cty.NilVal, function.NewArgErrorf(1, "cannot use element function with a negative index")
		}
		return stdlib.ElementFunc.Call(args)
	},
})
