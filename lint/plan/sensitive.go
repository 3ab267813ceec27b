package plan

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// MinHidden is the length of the shortest sensitive string that Hidden
// lists: shorter ones cannot be told apart from the words and numbers of any
// message. Resource.Hides counts them all.
const MinHidden = 4

// SensitiveAt reports whether the plan marks the attribute name, or a part
// of it, sensitive.
func (r Resource) SensitiveAt(name string) bool {
	switch m := r.Sensitive.(type) {
	case bool:
		return m
	case map[string]any:
		return anyTrue(m[name], 0)
	}
	return false
}

// rawMask decodes a resource's sensitive_values; nil when it has none.
func rawMask(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	var m any
	if json.Unmarshal(raw, &m) != nil {
		// Unreadable marks: everything may be sensitive.
		return true
	}
	return m
}

// anyTrue reports whether a mask (sensitive_values, after_sensitive) marks
// anything.
func anyTrue(mask any, depth int) bool {
	if depth > tree.MaxDepth {
		return true
	}
	switch m := mask.(type) {
	case bool:
		return m
	case map[string]any:
		for _, sub := range m {
			if anyTrue(sub, depth+1) {
				return true
			}
		}
	case []any:
		for _, sub := range m {
			if anyTrue(sub, depth+1) {
				return true
			}
		}
	}
	return false
}

// mergeMasks is the union of two masks of the same values.
func mergeMasks(a, b any, depth int) any {
	if depth > tree.MaxDepth {
		return true
	}
	if x, ok := a.(bool); ok && x {
		return true
	}
	if y, ok := b.(bool); ok && y {
		return true
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return a
		}
		out := make(map[string]any, len(x)+len(y))
		for k, v := range x {
			out[k] = mergeMasks(v, y[k], depth+1)
		}
		for k, v := range y {
			if _, done := out[k]; !done {
				out[k] = v
			}
		}
		return out
	case []any:
		y, ok := b.([]any)
		if !ok {
			return a
		}
		out := make([]any, max(len(x), len(y)))
		for i := range out {
			var ai, bi any
			if i < len(x) {
				ai = x[i]
			}
			if i < len(y) {
				bi = y[i]
			}
			out[i] = mergeMasks(ai, bi, depth+1)
		}
		return out
	}
	return b
}

// collectHidden adds to out the strings of the values n that mask marks
// sensitive (all of n when under) and that the redaction policy hides.
func collectHidden(n *tree.Node, mask any, under bool, out map[string]bool, depth int) {
	if n == nil || depth > tree.MaxDepth {
		return
	}
	if m, ok := mask.(bool); ok && m {
		under = true
	}
	switch n.Kind {
	case tree.String:
		if under {
			hideString(n.Str, out)
		}
	case tree.Object:
		m, _ := mask.(map[string]any)
		for _, f := range n.Fields {
			collectHidden(f.Value, m[f.Key], under, out, depth+1)
		}
	case tree.Array:
		m, _ := mask.([]any)
		for i, e := range n.Elems {
			var sub any
			if i < len(m) {
				sub = m[i]
			}
			collectHidden(e, sub, under, out, depth+1)
		}
	}
}

// hideString adds a sensitive string to out: container definitions as JSON
// (an array, or one object) by what compose's redaction hides of them, with
// the string itself when it hides anything; a number (the AWS provider's
// cpu and memory are strings) not, since the policy shows numbers; any other
// string whole.
func hideString(s string, out map[string]bool) {
	add := func(h string) {
		if h != "" {
			out[h] = true
		}
	}
	t := strings.TrimSpace(s)
	if _, err := strconv.ParseFloat(t, 64); err == nil && t == s {
		return
	}
	if t == "" || t[0] != '[' && t[0] != '{' {
		add(s)
		return
	}
	var redacted string
	var err error
	if t[0] == '[' {
		redacted, err = compose.RedactContainers(s)
	} else {
		redacted, err = compose.RedactContainer(s)
	}
	var orig, shown any
	if err != nil || json.Unmarshal([]byte(s), &orig) != nil || json.Unmarshal([]byte(redacted), &shown) != nil {
		add(s)
		return
	}
	keep := map[string]bool{}
	jsonStrings(shown, func(v string) { keep[v] = true }, 0)
	hid := false
	jsonStrings(orig, func(v string) {
		if !keep[v] {
			hid = true
			add(v)
		}
	}, 0)
	if hid {
		add(s)
	}
}

// jsonStrings calls fn with every string value of decoded JSON.
func jsonStrings(v any, fn func(string), depth int) {
	if depth > tree.MaxDepth {
		return
	}
	switch x := v.(type) {
	case string:
		fn(x)
	case map[string]any:
		for _, e := range x {
			jsonStrings(e, fn, depth+1)
		}
	case []any:
		for _, e := range x {
			jsonStrings(e, fn, depth+1)
		}
	}
}
