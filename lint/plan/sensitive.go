package plan

import (
	"encoding/json"
	"sort"
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

// HiddenStrings returns what nothing ecslint prints may quote of the given
// sensitive strings (the configuration's, module.Config.Sensitive), as
// Hidden does of a plan's: of a string holding JSON what the redaction
// policy hides, and the string itself when it hides anything; of any other
// string that is not a number, the string. Longest first, none shorter than
// MinHidden.
func HiddenStrings(sensitive []string) []string {
	hidden := map[string]bool{}
	for _, s := range sensitive {
		hideString(s, hidden)
	}
	return sortHidden(hidden)
}

// sortHidden lists the hidden strings of at least MinHidden bytes, longest first.
func sortHidden(hidden map[string]bool) []string {
	var out []string
	for s := range hidden {
		if len(s) >= MinHidden {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	return out
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

// hideString adds a sensitive string to out: JSON by what the redaction
// policy hides of it (containerJSON), with the string itself when it hides
// anything; a number (the AWS provider's cpu and memory are strings) not,
// since the policy shows numbers; any other string whole.
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
	hidden, shown, ok := containerJSON(s)
	if !ok {
		add(s)
		return
	}
	keep := map[string]bool{}
	for _, v := range shown {
		keep[v] = true
	}
	hid := false
	for _, v := range hidden {
		if !keep[v] {
			hid = true
			add(v)
		}
	}
	if hid {
		add(s)
	}
}

// containerJSON splits the strings of sensitive JSON into those the
// redaction policy may hide and those it shows: an array is container
// definitions (a task definition's container_definitions, compose.RedactContainers);
// an object with containerDefinitions a whole task definition (an
// ecskit_task_definition's json), whose containers are redacted so and whose
// own members are shown, but for the values of tags, volume driverOpts and
// labels, proxy properties and members ecskit does not know; any other
// object one container definition (an ecskit_container_definition's json,
// compose.RedactContainer).
func containerJSON(s string) (hidden, shown []string, ok bool) {
	var orig any
	if json.Unmarshal([]byte(s), &orig) != nil {
		return nil, nil, false
	}
	collect := func(v any, to *[]string) { jsonStrings(v, func(x string) { *to = append(*to, x) }, 0) }
	redact := func(src string, one bool) bool {
		var r string
		var err error
		if one {
			r, err = compose.RedactContainer(src)
		} else {
			r, err = compose.RedactContainers(src)
		}
		var red any
		if err != nil || json.Unmarshal([]byte(r), &red) != nil {
			return false
		}
		collect(red, &shown)
		return true
	}
	task, isTask := orig.(map[string]any)
	if isTask {
		_, isTask = task["containerDefinitions"]
	}
	if !isTask {
		collect(orig, &hidden)
		return hidden, shown, redact(s, strings.HasPrefix(strings.TrimSpace(s), "{"))
	}
	for k, v := range task {
		switch {
		case k == "containerDefinitions":
			b, err := json.Marshal(v)
			if err != nil || !redact(string(b), false) {
				return nil, nil, false
			}
			collect(v, &hidden)
		case !taskMembers[k] || k == "tags":
			collect(v, &hidden)
		default:
			taskStrings(v, &hidden, &shown, 0)
		}
	}
	return hidden, shown, true
}

// taskMembers are the members of a RegisterTaskDefinition input that ecskit
// composes (compose.TaskFields), and tags.
var taskMembers = func() map[string]bool {
	m := map[string]bool{"tags": true}
	for _, f := range compose.TaskFields {
		if f.API != "" {
			m[strings.SplitN(f.API, ".", 2)[0]] = true
		}
	}
	return m
}()

// taskStrings sorts the strings of a task-level member: the values of
// driverOpts, labels and properties are hidden, the rest shown.
func taskStrings(v any, hidden, shown *[]string, depth int) {
	if depth > tree.MaxDepth {
		return
	}
	switch x := v.(type) {
	case string:
		*shown = append(*shown, x)
	case map[string]any:
		for k, e := range x {
			if k == "driverOpts" || k == "labels" || k == "properties" {
				jsonStrings(e, func(s string) { *hidden = append(*hidden, s) }, 0)
				continue
			}
			taskStrings(e, hidden, shown, depth+1)
		}
	case []any:
		for _, e := range x {
			taskStrings(e, hidden, shown, depth+1)
		}
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
