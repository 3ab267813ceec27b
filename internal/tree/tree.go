// Package tree holds a JSON-shaped value tree in which every value remembers
// where it was written. All three front doors of ecskit (JSON files, HCL
// expressions, plan JSON) produce a *Node; the task-definition decoder reads
// nodes, so findings can point at the exact source range of the value they
// are about. A node may also be unknown (a value Terraform will only learn at
// apply time); unknown values never produce findings.
package tree

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// Kind is the kind of a JSON value, plus Unknown.
type Kind uint8

// The kinds of node.
const (
	Null Kind = iota
	Unknown
	Bool
	Number
	String
	Object
	Array
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Unknown:
		return "unknown value"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Object:
		return "object"
	case Array:
		return "array"
	}
	return "invalid"
}

// Node is one value with its source range.
type Node struct {
	Kind   Kind
	Bool   bool
	Num    *big.Float
	Str    string
	Fields []Field // Object members in source order
	Elems  []*Node // Array elements
	// Range is where the value is written; the zero Range when no source is known.
	Range hcl.Range
}

// Field is one member of an object.
type Field struct {
	Key      string
	KeyRange hcl.Range
	Value    *Node
}

// Get returns the member called key, or nil. When a key is repeated the last
// one wins, as in encoding/json.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := len(n.Fields) - 1; i >= 0; i-- {
		if n.Fields[i].Key == key {
			return n.Fields[i].Value
		}
	}
	return nil
}

// Describe says what a value is for an error message: `the string "100"`.
func (n *Node) Describe() string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case String:
		s := n.Str
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return fmt.Sprintf("the string %q", s)
	case Number:
		return "the number " + FormatNumber(n.Num)
	case Bool:
		return fmt.Sprintf("the boolean %t", n.Bool)
	case Null:
		return "null"
	case Object:
		return "an object"
	case Array:
		return "an array"
	}
	return "an unknown value"
}

// DescribeKind says what kind of value n is, without its content, for an
// error message about a value that may be a secret: "a string", "a number".
func (n *Node) DescribeKind() string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case String:
		return "a string"
	case Number:
		return "a number"
	case Bool:
		return "a boolean"
	case Null:
		return "null"
	case Object:
		return "an object"
	case Array:
		return "an array"
	}
	return "an unknown value"
}

// Interface converts a known node to the values encoding/json produces
// (map[string]any, []any, string, json.Number, bool, nil).
// Unknown nodes become nil and are reported through the ok result.
func (n *Node) Interface() (v any, ok bool) {
	switch n.Kind {
	case Null:
		return nil, true
	case Unknown:
		return nil, false
	case Bool:
		return n.Bool, true
	case Number:
		return NumberText(n.Num), true
	case String:
		return n.Str, true
	case Object:
		m := make(map[string]any, len(n.Fields))
		ok = true
		for _, f := range n.Fields {
			var fok bool
			m[f.Key], fok = f.Value.Interface()
			ok = ok && fok
		}
		return m, ok
	case Array:
		a := make([]any, len(n.Elems))
		ok = true
		for i, e := range n.Elems {
			var eok bool
			a[i], eok = e.Interface()
			ok = ok && eok
		}
		return a, ok
	}
	return nil, false
}

// NumberText formats a number the way JSON writes it: integers without a
// fraction or exponent.
func NumberText(f *big.Float) json.Number {
	if f.IsInt() && InRange(f) {
		i, _ := f.Int(nil)
		return json.Number(i.String())
	}
	return json.Number(FormatNumber(f))
}

// Keys returns the member names in sorted order.
func (n *Node) Keys() []string {
	keys := make([]string, 0, len(n.Fields))
	seen := map[string]bool{}
	for _, f := range n.Fields {
		if !seen[f.Key] {
			seen[f.Key] = true
			keys = append(keys, f.Key)
		}
	}
	sort.Strings(keys)
	return keys
}
