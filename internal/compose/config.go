// Package compose turns the configuration of ecskit's data sources into ECS
// API objects, validates them with the rule catalogue and renders the
// canonical outputs. The Terraform provider calls it with the configuration
// Terraform sends; ecslint calls it with the configuration it evaluates
// statically. Both pass a *tree.Node of the data source's attributes
// (snake_case names, as in the schema), so the two programs compose a task
// definition with the same code.
package compose

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Problem is an input that cannot be composed: malformed container JSON or a
// value of the wrong shape. Attr is the data-source attribute path it is
// about (containers[2]).
type Problem struct {
	Attr    string
	Summary string
	Detail  string
	Range   hcl.Range
}

// camel converts a snake_case attribute name to the API's camelCase name.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func obj(rng hcl.Range, fields ...tree.Field) *tree.Node {
	return &tree.Node{Kind: tree.Object, Range: rng, Fields: fields}
}

func str(s string, rng hcl.Range) *tree.Node {
	return &tree.Node{Kind: tree.String, Str: s, Range: rng}
}

// present reports whether n carries a value (known or unknown) rather than null.
func present(n *tree.Node) bool { return n != nil && n.Kind != tree.Null }

// nameValueList turns a map attribute into the API's [{name, value}] list,
// sorted by name so equal maps give equal JSON.
func nameValueList(m *tree.Node, valueKey string) *tree.Node {
	if m.Kind != tree.Object {
		return m
	}
	keys := m.Keys()
	out := &tree.Node{Kind: tree.Array, Range: m.Range}
	for _, k := range keys {
		f := m.Get(k)
		out.Elems = append(out.Elems, obj(f.Range,
			tree.Field{Key: "name", Value: str(k, f.Range)},
			tree.Field{Key: valueKey, Value: f}))
	}
	return out
}

// single unwraps a block list of at most one element (runtime_platform,
// ephemeral_storage, …) into the object the API wants.
func single(n *tree.Node) *tree.Node {
	if n.Kind == tree.Array {
		if len(n.Elems) == 0 {
			return nil
		}
		return n.Elems[0]
	}
	return n
}

// convert copies an object, renaming members with camel and applying
// special conversions by attribute name.
func convert(n *tree.Node, special map[string]func(*tree.Node) (string, *tree.Node)) *tree.Node {
	if n == nil || n.Kind != tree.Object {
		return n
	}
	out := &tree.Node{Kind: tree.Object, Range: n.Range}
	for _, f := range n.Fields {
		if !present(f.Value) {
			continue
		}
		if fn, ok := special[f.Key]; ok {
			name, v := fn(f.Value)
			if v != nil && name != "" {
				out.Fields = append(out.Fields, tree.Field{Key: name, KeyRange: f.KeyRange, Value: v})
			}
			continue
		}
		out.Fields = append(out.Fields, tree.Field{Key: camel(f.Key), KeyRange: f.KeyRange, Value: f.Value})
	}
	return out
}

// convertAll converts every element of a list (or a lone object).
func convertAll(n *tree.Node, special map[string]func(*tree.Node) (string, *tree.Node)) *tree.Node {
	if n.Kind != tree.Array {
		return convert(n, special)
	}
	out := &tree.Node{Kind: tree.Array, Range: n.Range}
	for _, e := range n.Elems {
		out.Elems = append(out.Elems, convert(e, special))
	}
	return out
}

func keep(name string) func(*tree.Node) (string, *tree.Node) {
	return func(n *tree.Node) (string, *tree.Node) { return name, n }
}

func sortedStrings(n *tree.Node) []string {
	var out []string
	for _, e := range n.Elems {
		if e.Kind == tree.String {
			out = append(out, e.Str)
		}
	}
	sort.Strings(out)
	return out
}

func indexAttr(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

func itoa(i int) string { return strconv.Itoa(i) }
