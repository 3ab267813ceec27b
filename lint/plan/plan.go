// Package plan reads Terraform plan JSON (`terraform show -json plan.out`)
// with hashicorp/terraform-json: every resource of planned_values, in the root
// module and in every child module (remote ones included, since the plan
// has them expanded), with its values as planned. Values that the plan marks
// in after_unknown, and sensitive values, become unknown: rules stay silent
// about them.
package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Resource is one planned resource or data source instance.
type Resource struct {
	Address string
	Mode    string // "managed" or "data"
	Type    string
	Name    string
	// Values are the planned attribute values, snake_case as in the
	// configuration; unknown where the plan does not know them yet.
	Values *tree.Node
}

// IsPlan reports whether src looks like plan JSON: an object with a
// format_version and planned_values or resource_changes. Detection is by
// content, never by file name.
func IsPlan(src []byte) bool {
	var probe struct {
		FormatVersion   *string          `json:"format_version"`
		PlannedValues   *json.RawMessage `json:"planned_values"`
		ResourceChanges *json.RawMessage `json:"resource_changes"`
	}
	if err := json.Unmarshal(src, &probe); err != nil {
		return false
	}
	return probe.FormatVersion != nil && (probe.PlannedValues != nil || probe.ResourceChanges != nil)
}

// Read parses plan JSON and returns its resources sorted by address.
func Read(src []byte) ([]Resource, error) {
	var p tfjson.Plan
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("not a Terraform plan in JSON form: %w", err)
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("unsupported plan JSON: %w", err)
	}
	unknown := map[string]any{}
	sensitive := map[string]any{}
	for _, rc := range p.ResourceChanges {
		if rc == nil || rc.Change == nil {
			continue
		}
		unknown[rc.Address] = rc.Change.AfterUnknown
		sensitive[rc.Address] = rc.Change.AfterSensitive
	}
	var out []Resource
	if p.PlannedValues != nil {
		walk(p.PlannedValues.RootModule, func(r *tfjson.StateResource) {
			n := fromJSON(r.AttributeValues, 0)
			overlayUnknown(n, unknown[r.Address], 0)
			overlayUnknown(n, sensitive[r.Address], 0)
			out = append(out, Resource{Address: r.Address, Mode: string(r.Mode), Type: r.Type, Name: r.Name, Values: n})
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address < out[j].Address })
	return out, nil
}

func walk(m *tfjson.StateModule, fn func(*tfjson.StateResource)) {
	if m == nil {
		return
	}
	for _, r := range m.Resources {
		if r != nil {
			fn(r)
		}
	}
	for _, c := range m.ChildModules {
		walk(c, fn)
	}
}

func fromJSON(v any, depth int) *tree.Node {
	if depth > tree.MaxDepth {
		return &tree.Node{Kind: tree.Unknown}
	}
	switch x := v.(type) {
	case nil:
		return &tree.Node{Kind: tree.Null}
	case bool:
		return &tree.Node{Kind: tree.Bool, Bool: x}
	case string:
		return &tree.Node{Kind: tree.String, Str: x}
	case json.Number:
		f, _, err := big.ParseFloat(string(x), 10, 512, big.ToNearestEven)
		if err != nil {
			return &tree.Node{Kind: tree.Unknown}
		}
		return &tree.Node{Kind: tree.Number, Num: f}
	case float64:
		return &tree.Node{Kind: tree.Number, Num: big.NewFloat(x)}
	case map[string]any:
		n := &tree.Node{Kind: tree.Object}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Fields = append(n.Fields, tree.Field{Key: k, Value: fromJSON(x[k], depth+1)})
		}
		return n
	case []any:
		n := &tree.Node{Kind: tree.Array}
		for _, e := range x {
			n.Elems = append(n.Elems, fromJSON(e, depth+1))
		}
		return n
	}
	return &tree.Node{Kind: tree.Unknown}
}

// overlayUnknown marks as unknown every place that mask (after_unknown or
// after_sensitive, same shape as the values) sets to true.
func overlayUnknown(n *tree.Node, mask any, depth int) {
	if depth > tree.MaxDepth || n == nil {
		return
	}
	switch m := mask.(type) {
	case bool:
		if m {
			*n = tree.Node{Kind: tree.Unknown}
		}
	case map[string]any:
		if n.Kind != tree.Object {
			return
		}
		for k, sub := range m {
			child := n.Get(k)
			if child == nil {
				if b, ok := sub.(bool); ok && b {
					n.Fields = append(n.Fields, tree.Field{Key: k, Value: &tree.Node{Kind: tree.Unknown}})
				}
				continue
			}
			overlayUnknown(child, sub, depth+1)
		}
	case []any:
		if n.Kind != tree.Array {
			return
		}
		for i, sub := range m {
			if i < len(n.Elems) {
				overlayUnknown(n.Elems[i], sub, depth+1)
			}
		}
	}
}
