package provider

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// toTree converts a configuration value Terraform sent into the tree the
// engine reads. Unknown values become unknown nodes; nothing is guessed.
func toTree(v tftypes.Value) *tree.Node {
	if !v.IsKnown() {
		return &tree.Node{Kind: tree.Unknown}
	}
	if v.IsNull() {
		return &tree.Node{Kind: tree.Null}
	}
	t := v.Type()
	switch {
	case t.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return &tree.Node{Kind: tree.String, Str: s}
	case t.Is(tftypes.Number):
		f := new(big.Float)
		_ = v.As(&f)
		return &tree.Node{Kind: tree.Number, Num: f}
	case t.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return &tree.Node{Kind: tree.Bool, Bool: b}
	case t.Is(tftypes.Object{}) || t.Is(tftypes.Map{}):
		var m map[string]tftypes.Value
		_ = v.As(&m)
		n := &tree.Node{Kind: tree.Object}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sortStrings(keys)
		for _, k := range keys {
			n.Fields = append(n.Fields, tree.Field{Key: k, Value: toTree(m[k])})
		}
		return n
	case t.Is(tftypes.List{}) || t.Is(tftypes.Set{}) || t.Is(tftypes.Tuple{}):
		var l []tftypes.Value
		_ = v.As(&l)
		n := &tree.Node{Kind: tree.Array}
		for _, e := range l {
			n.Elems = append(n.Elems, toTree(e))
		}
		return n
	}
	return &tree.Node{Kind: tree.Unknown}
}
