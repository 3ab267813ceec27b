// Package plan reads Terraform plan JSON (`terraform show -json plan.out`)
// with hashicorp/terraform-json: every resource of planned_values, in the root
// module and in every child module (remote ones included, since the plan
// has them expanded), with its values as planned. Values that the plan marks
// in after_unknown become unknown: rules stay silent about them. Values that
// it marks sensitive (sensitive_values, after_sensitive) are read like the
// others, since `terraform show -json` writes them in plain text, and marked
// (Resource.Sensitive), so that what ecslint prints never quotes them
// (Plan.Hidden).
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
	// Module is the address of the module instance, "" for the root module.
	Module string
	// Index is the instance key: nil without count and for_each, a json.Number or float64 for count, a
	// string for for_each.
	Index any
	// Values are the planned attribute values, snake_case as in the configuration; unknown where the plan
	// does not know them yet.
	Values *tree.Node
	// Sensitive marks the values that the plan marks sensitive, in the shape
	// of the plan's sensitive_values and after_sensitive: true for a value,
	// an object or array of marks for its parts; nil when nothing is.
	Sensitive any
	// hides is whether a sensitive value is one that the redaction policy hides.
	hides bool
}

// Hides reports whether a value that the plan marks sensitive is one that
// ecskit's redaction policy hides (Plan.Hidden lists them): then a message
// about the resource that quotes its values may quote a secret.
func (r Resource) Hides() bool { return r.hides }

// HasSensitive reports whether the plan marks any of the resource's values
// sensitive.
func (r Resource) HasSensitive() bool { return anyTrue(r.Sensitive, 0) }

// IsPlan reports whether src looks like plan JSON: an object with a
// format_version and planned_values or resource_changes. Detection is by
// content, never by file name. src may be UTF-16 or carry a byte-order mark
// (Text).
func IsPlan(src []byte) bool {
	src, err := Text(src)
	if err != nil {
		return false
	}
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

// MayBePlan reports whether src may be plan JSON, even JSON too broken to
// parse: it names format_version and planned_values or resource_changes.
// Such a file's lines are never printed, since a plan holds its sensitive
// values in plain text.
func MayBePlan(src []byte) bool {
	return bytes.Contains(src, []byte(`"format_version"`)) &&
		(bytes.Contains(src, []byte(`"planned_values"`)) || bytes.Contains(src, []byte(`"resource_changes"`)))
}

// Plan is parsed plan JSON.
type Plan struct {
	raw *tfjson.Plan
	// resources are those of planned_values, then the data sources of prior_state that planned_values does not
	// have (read during the plan), sorted by address.
	resources []Resource
	// modules are the addresses of the module instances that hold resources.
	modules []string
	// hidden are the sensitive strings that ecskit's redaction policy hides (Hidden).
	hidden []string
}

// Hidden returns the sensitive values of the plan that nothing ecslint
// prints may quote, longest first: of a sensitive string holding JSON (a task
// definition's container_definitions, an ecskit data source's json), the
// string itself and the strings that ecskit's redaction policy hides
// (containerJSON; the policy shows names, images, numbers, enumerations,
// paths and ARNs); of any other sensitive string that is not a number, the
// string. Strings shorter than MinHidden are left out: they cannot be told
// apart from the words and numbers of any message.
func (p *Plan) Hidden() []string { return p.hidden }

// Read parses plan JSON and returns its resources sorted by address.
func Read(src []byte) ([]Resource, error) {
	p, err := Parse(src)
	if err != nil {
		return nil, err
	}
	return p.Resources(), nil
}

// Resources returns the planned resources and data sources sorted by address: those of planned_values, and
// the data sources of prior_state read during the plan.
func (p *Plan) Resources() []Resource { return p.resources }

// Parse parses plan JSON, in UTF-8 or UTF-16 (Text).
func Parse(src []byte) (*Plan, error) {
	src, err := Text(src)
	if err != nil {
		return nil, err
	}
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
	out := &Plan{raw: &p}
	seen := map[string]bool{}
	modules := map[string]bool{}
	hidden := map[string]bool{}
	add := func(mod string, r *tfjson.StateResource, n *tree.Node, mask any) {
		mine := map[string]bool{}
		collectHidden(n, mask, false, mine, 0)
		for h := range mine {
			if len(h) >= MinHidden {
				hidden[h] = true
			}
		}
		if !anyTrue(mask, 0) {
			mask = nil
		}
		seen[r.Address] = true
		modules[mod] = true
		out.resources = append(out.resources, Resource{Address: r.Address, Mode: string(r.Mode), Type: r.Type, Name: r.Name,
			Module: mod, Index: r.Index, Values: n, Sensitive: mask, hides: len(mine) > 0})
	}
	if p.PlannedValues != nil {
		walk(p.PlannedValues.RootModule, "", func(mod string, r *tfjson.StateResource) {
			n := fromJSON(r.AttributeValues, 0)
			overlayUnknown(n, unknown[r.Address], 0)
			// planned_values marks what the plan will hold as sensitive; after_sensitive says the same of the
			// change, and either may be missing (older Terraform, hand-trimmed plans): both count.
			add(mod, r, n, mergeMasks(rawMask(r.SensitiveValues), sensitive[r.Address], 0))
		})
	}
	if p.PriorState != nil && p.PriorState.Values != nil {
		walk(p.PriorState.Values.RootModule, "", func(mod string, r *tfjson.StateResource) {
			if r.Mode != tfjson.DataResourceMode || seen[r.Address] {
				return
			}
			add(mod, r, fromJSON(r.AttributeValues, 0), rawMask(r.SensitiveValues))
		})
	}
	out.hidden = sortHidden(hidden)
	sort.Slice(out.resources, func(i, j int) bool { return out.resources[i].Address < out.resources[j].Address })
	for m := range modules {
		out.modules = append(out.modules, m)
	}
	sort.Strings(out.modules)
	return out, nil
}

// walk calls fn for every resource of m and its child modules, with the address of the module instance.
func walk(m *tfjson.StateModule, addr string, fn func(string, *tfjson.StateResource)) {
	if m == nil {
		return
	}
	if m.Address != "" {
		addr = m.Address
	}
	for _, r := range m.Resources {
		if r != nil {
			fn(addr, r)
		}
	}
	for _, c := range m.ChildModules {
		walk(c, addr, fn)
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

// overlayUnknown marks as unknown every place that mask (after_unknown, same
// shape as the values) sets to true.
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
