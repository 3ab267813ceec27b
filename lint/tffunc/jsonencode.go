package tffunc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// jsonEncodeFunc is Terraform's jsonencode, writing what go-cty's writes (TestJSONEncodeSameAsCty), faster:
// go-cty writes every number with big.Float's shortest-decimal conversion, about 3 µs a number at cty's
// precision, so a count of 1,000 task definitions that each encode 1,000 numbers took 18 s (found by FuzzEval).
// Whole numbers that fit in 64 bits, which 'f' formatting writes as plain digits, are written with strconv.
//
// It takes marked values (AllowMarked), so that function.Call does not walk every argument twice for marks, an
// allocation per element; a value with marks anywhere is handed to go-cty's jsonencode, which carries them over.
var jsonEncodeFunc = JSONEncodeWith(nil, nil)

// JSONEncodeWith is jsonencode with hooks, for a caller that wants to see what is encoded without wrapping the
// function in another (each call of a function walks its arguments for marks, an allocation per element). Before
// encoding, before (if set) sees the argument; an error from it fails the call. After encoding, after (if set)
// gets the length of the JSON text.
func JSONEncodeWith(before func(arg cty.Value) error, after func(n int)) function.Function {
	return function.New(&function.Spec{
		Description:  stdlib.JSONEncodeFunc.Description(),
		Params:       allowMarked(stdlib.JSONEncodeFunc.Params()),
		Type:         function.StaticReturnType(cty.String),
		RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			val := args[0]
			if before != nil {
				if err := before(val); err != nil {
					return cty.NilVal, err
				}
			}
			out, err := jsonEncode(val, args)
			if err == nil && after != nil && out.IsKnown() && !out.IsNull() {
				s, _ := out.Unmark()
				after(len(s.AsString()))
			}
			return out, err
		},
	})
}

func jsonEncode(val cty.Value, args []cty.Value) (cty.Value, error) {
	if !val.IsWhollyKnown() || val.IsNull() {
		return stdlib.JSONEncodeFunc.Call(args) // an unknown result with go-cty's refinements, or "null"
	}
	var b bytes.Buffer
	if err := marshalJSON(&b, val, val.Type()); err == errMarked {
		return stdlib.JSONEncodeFunc.Call(args)
	} else if err != nil {
		return cty.NilVal, err
	}
	return cty.StringVal(b.String()), nil
}

func allowMarked(ps []function.Parameter) []function.Parameter {
	for i := range ps {
		ps[i].AllowMarked = true
	}
	return ps
}

// errMarked stops marshalJSON at a marked value.
var errMarked = errors.New("marked value")

// marshalJSON follows go-cty's json.Marshal step by step; only numbers are written differently (and equally),
// and errors do not carry the path to the value (their messages are the same).
func marshalJSON(b *bytes.Buffer, val cty.Value, t cty.Type) error {
	if val.IsMarked() {
		return errMarked
	}
	if !val.IsKnown() {
		return fmt.Errorf("value is not known")
	}
	if t == cty.DynamicPseudoType && val.Type() != cty.DynamicPseudoType {
		typeJSON, err := ctyjson.MarshalType(val.Type())
		if err != nil {
			return fmt.Errorf("failed to serialize type: %s", err)
		}
		b.WriteString(`{"value":`)
		if err := marshalJSON(b, val, val.Type()); err == errMarked {
			return err
		} else if err != nil {
			return fmt.Errorf("failed to serialize value: %s", err)
		}
		b.WriteString(`,"type":`)
		b.Write(typeJSON)
		b.WriteByte('}')
		return nil
	}
	if val.IsNull() {
		b.WriteString("null")
		return nil
	}
	switch {
	case t == cty.String:
		s, err := json.Marshal(val.AsString())
		if err != nil {
			return fmt.Errorf("failed to serialize value: %s", err)
		}
		b.Write(s)
	case t == cty.Number:
		f := val.AsBigFloat()
		if f.IsInf() {
			return fmt.Errorf("cannot serialize infinity as JSON")
		}
		if i, acc := f.Int64(); acc == big.Exact && (i != 0 || !f.Signbit()) {
			b.WriteString(strconv.FormatInt(i, 10))
		} else {
			b.WriteString(f.Text('f', -1))
		}
	case t == cty.Bool:
		if val.True() {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		b.WriteByte('[')
		for i, e := range val.AsValueSlice() {
			if i > 0 {
				b.WriteByte(',')
			}
			var ety cty.Type
			if t.IsTupleType() {
				ety = t.TupleElementType(i)
			} else {
				ety = t.ElementType()
			}
			if err := marshalJSON(b, e, ety); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case t.IsMapType():
		b.WriteByte('{')
		first := true
		for it := val.ElementIterator(); it.Next(); first = false {
			if !first {
				b.WriteByte(',')
			}
			k, e := it.Element()
			if err := marshalJSON(b, k, k.Type()); err != nil {
				return err
			}
			b.WriteByte(':')
			if err := marshalJSON(b, e, t.ElementType()); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case t.IsObjectType():
		b.WriteByte('{')
		atys := t.AttributeTypes()
		names := make([]string, 0, len(atys))
		for k := range atys {
			names = append(names, k)
		}
		sort.Strings(names)
		for i, k := range names {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := marshalJSON(b, cty.StringVal(k), cty.String); err != nil {
				return err
			}
			b.WriteByte(':')
			if err := marshalJSON(b, val.GetAttr(k), atys[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("cannot serialize %s", t.FriendlyName())
	}
	return nil
}
