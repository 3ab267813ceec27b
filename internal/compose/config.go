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

// convert copies an object of attributes to the API object that fields
// describe: each member is renamed and converted as its field says, in the
// order of the configuration; null members are left out, and members the
// table does not know (attributes of aws_ecs_task_definition that ecslint
// reads) are renamed with camel.
func convert(n *tree.Node, fields []*Field) *tree.Node {
	if n == nil || n.Kind != tree.Object {
		return n
	}
	out := &tree.Node{Kind: tree.Object, Range: n.Range}
	for _, f := range n.Fields {
		if !present(f.Value) {
			continue
		}
		name, v := camel(f.Key), f.Value
		if fd := FieldNamed(fields, f.Key); fd != nil {
			name, v = fd.toAPI(f.Value)
		}
		if v != nil && name != "" {
			out.Fields = append(out.Fields, tree.Field{Key: name, KeyRange: f.KeyRange, Value: v})
		}
	}
	return out
}

// toAPI converts the value of the attribute f to the member it sets: its
// name and value, or "" when f sets none.
func (f *Field) toAPI(v *tree.Node) (string, *tree.Node) {
	if f.API == "" || f.Kind == JSONList {
		return "", nil // JSONList: Task parses the JSON
	}
	switch f.Kind {
	case NameValues:
		v = nameValueList(v, f.ValueKey)
	case Object, Objects, Blocks:
		v = convertAll(v, f.Fields)
	case Block:
		v = convert(single(v), f.Fields)
	}
	steps := f.apiSteps()
	for i := len(steps) - 1; i > 0 && v != nil; i-- {
		v = obj(v.Range, tree.Field{Key: steps[i], Value: v})
	}
	return steps[0], v
}

// convertAll converts every element of a list (or a lone object).
func convertAll(n *tree.Node, fields []*Field) *tree.Node {
	if n.Kind != tree.Array {
		return convert(n, fields)
	}
	out := &tree.Node{Kind: tree.Array, Range: n.Range}
	for _, e := range n.Elems {
		out.Elems = append(out.Elems, convert(e, fields))
	}
	return out
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
