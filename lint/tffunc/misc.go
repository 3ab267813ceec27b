package tffunc

import (
	"time"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// timeCmpFunc is Terraform's timecmp: -1, 0 or 1 as the first RFC 3339 timestamp is before, at or after the
// second.
var timeCmpFunc = function.New(&function.Spec{
	Description: "Compares two RFC 3339 timestamps: -1, 0 or 1 as the first is before, equal to or after the second.",
	Params: []function.Parameter{
		{Name: "timestamp_a", Type: cty.String}, {Name: "timestamp_b", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var ts [2]time.Time
		for i := range ts {
			t, err := time.Parse(time.RFC3339, args[i].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(i, "not a valid RFC 3339 timestamp (such as 2024-01-31T12:00:00Z): %s", err)
			}
			ts[i] = t
		}
		return cty.NumberIntVal(int64(ts[0].Compare(ts[1]))), nil
	},
})

// issensitiveFunc is Terraform's issensitive: whether the value itself is marked sensitive; unknown for an
// unknown value that is not.
var issensitiveFunc = function.New(&function.Spec{
	Description: "Reports whether a value is marked sensitive; unknown for an unknown value that is not.",
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true, AllowMarked: true}},
	Type: function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch v := args[0]; {
		case v.HasMark(Sensitive):
			return cty.True, nil
		case !v.IsKnown():
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.False, nil
	},
})

// ephemeralAsNullFunc: ecslint holds no ephemeral values (ephemeral resources are unknown), so it is the identity.
var ephemeralAsNullFunc = function.New(&function.Spec{
	Description: "Returns its argument with ephemeral values replaced by null; ecslint holds no ephemeral values.",
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true,
		AllowDynamicType: true, AllowNull: true}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})
