package canonical

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// elementRule describes the members of one kind of list element that the SDK types hold as values rather
// than pointers: enums (zero value "", never serialized) and required integers (zero value 0).
type elementRule struct {
	enums     []string
	valueInts []string
}

// compactedLists are the container lists whose zero-valued elements the provider removes
// (compactArrays in container_definitions.go), with the value-typed members of their element type.
var compactedLists = map[string]elementRule{
	"dependsOn":            {enums: []string{"condition"}},
	"environment":          {},
	"environmentFiles":     {enums: []string{"type"}},
	"extraHosts":           {},
	"mountPoints":          {},
	"portMappings":         {enums: []string{"appProtocol", "protocol"}},
	"resourceRequirements": {enums: []string{"sharingStrategy", "type"}},
	"secrets":              {},
	"systemControls":       {},
	"ulimits":              {enums: []string{"name"}, valueInts: []string{"hardLimit", "softLimit"}},
	"volumesFrom":          {},
}

// droppedWhenEmpty are the container lists the provider sets to nil when they are empty (reduce in
// container_definitions.go).
var droppedWhenEmpty = []string{
	"command", "credentialSpecs", "dependsOn", "dnsSearchDomains", "dnsServers", "dockerSecurityOptions",
	"entryPoint", "environment", "environmentFiles", "extraHosts", "links", "mountPoints", "portMappings",
	"resourceRequirements", "secrets", "systemControls", "ulimits", "volumesFrom",
}

// nestedEnums are enum members of a container's objects; an empty enum is never sent by the SDK.
var nestedEnums = []struct{ object, enum string }{
	{"logConfiguration", "logDriver"},
	{"firelensConfiguration", "type"},
}

// healthCheckDefaults are the values AWS stores for absent healthCheck members and the provider fills in.
var healthCheckDefaults = []struct {
	key   string
	value json.Number
}{{"interval", "30"}, {"retries", "3"}, {"timeout", "5"}}

type normalizer struct {
	opts     Options
	warnings []Warning
}

func (n *normalizer) warn(path, format string, args ...any) {
	n.warnings = append(n.warnings, Warning{Path: path, Message: fmt.Sprintf(format, args...)})
}

// taskDefinition normalizes a RegisterTaskDefinition input object or a DescribeTaskDefinition output. It
// returns the whole object and the task definition in it (the same object, or its taskDefinition member).
func (n *normalizer) taskDefinition(v any) (whole, task map[string]any, err error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil, &Error{Msg: fmt.Sprintf("a task definition must be a JSON object, not %s.", kind(v))}
	}
	prefix := ""
	td := m
	if inner, ok := m["taskDefinition"]; ok {
		if _, has := m["containerDefinitions"]; !has {
			if td, ok = inner.(map[string]any); !ok {
				return nil, nil, &Error{Path: "taskDefinition", Msg: fmt.Sprintf("must be a JSON object, not %s.", kind(inner))}
			}
			prefix = "taskDefinition."
		}
	}
	stripNulls(m)
	if nm, ok := td["networkMode"]; ok {
		s, ok := nm.(string)
		if !ok {
			return nil, nil, &Error{Path: prefix + "networkMode", Msg: fmt.Sprintf("must be a string such as \"awsvpc\", not %s.", kind(nm))}
		}
		n.opts.NetworkMode = s
	}
	cds, ok := td["containerDefinitions"]
	if !ok {
		return nil, nil, &Error{Path: prefix + "containerDefinitions", Msg: "is missing; a task definition needs at least one container definition."}
	}
	out, err := n.containers(cds, prefix+"containerDefinitions")
	if err != nil {
		return nil, nil, err
	}
	td["containerDefinitions"] = out
	return m, td, nil
}

// containers normalizes an array of container definitions and sorts it by name.
func (n *normalizer) containers(v any, path string) ([]any, error) {
	list, ok := v.([]any)
	if !ok {
		msg := fmt.Sprintf("container definitions must be a JSON array of objects, not %s.", kind(v))
		return nil, &Error{Path: path, Msg: msg}
	}
	out := make([]any, len(list))
	for i, c := range list {
		m, err := n.container(c, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out[i] = m
	}
	if err := n.sortByName(out, "name", path, "container"); err != nil {
		return nil, err
	}
	return out, nil
}

// container normalizes one container definition. path locates it in the input for errors and warnings.
func (n *normalizer) container(v any, path string) (map[string]any, error) {
	c, ok := v.(map[string]any)
	if !ok {
		return nil, &Error{Path: pathOr(path, "container definition"), Msg: fmt.Sprintf("a container definition must be a JSON object, not %s.", kind(v))}
	}
	stripNulls(c)
	if len(c) == 0 {
		return nil, &Error{Path: pathOr(path, "container definition"), Msg: "the container definition is empty; give it at least a name and an image."}
	}
	if err := checkString(c, "name", path); err != nil {
		return nil, err
	}

	// cpu is a value (not a pointer) in the SDK: 0 and absent are the same request, and the SDK serializer
	// omits 0. versionConsistency is an enum: "" is never sent.
	if isZeroNumber(c["cpu"]) {
		delete(c, "cpu")
	}
	deleteEmptyEnum(c, "versionConsistency")

	// essential defaults to true in AWS; the provider fills it in the same way.
	switch e := c["essential"].(type) {
	case nil:
		c["essential"] = true
	case bool:
	default:
		return nil, &Error{Path: join(path, "essential"), Msg: fmt.Sprintf("must be true or false, not %s.", kind(e))}
	}

	if hc, ok := c["healthCheck"]; ok {
		h, ok := hc.(map[string]any)
		if !ok {
			return nil, &Error{Path: join(path, "healthCheck"), Msg: fmt.Sprintf("must be a JSON object, not %s.", kind(hc))}
		}
		for _, d := range healthCheckDefaults {
			if _, ok := h[d.key]; !ok {
				h[d.key] = d.value
			}
		}
	}

	if err := n.lists(c, path); err != nil {
		return nil, err
	}

	for _, e := range nestedEnums {
		if o, ok := c[e.object].(map[string]any); ok {
			deleteEmptyEnum(o, e.enum)
		}
	}
	if lp, ok := c["linuxParameters"].(map[string]any); ok {
		if err := capabilities(lp, join(path, "linuxParameters")); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// lists compacts, filters and sorts the container's list members, then drops the empty ones.
func (n *normalizer) lists(c map[string]any, path string) error {
	for _, key := range slices.Sorted(maps.Keys(compactedLists)) {
		v, ok := c[key]
		if !ok {
			continue
		}
		lpath := join(path, key)
		list, ok := v.([]any)
		if !ok {
			return &Error{Path: lpath, Msg: fmt.Sprintf("must be a JSON array of objects, not %s.", kind(v))}
		}
		rule := compactedLists[key]
		out := list[:0:0]
		for i, e := range list {
			epath := fmt.Sprintf("%s[%d]", lpath, i)
			if e == nil {
				continue
			}
			m, ok := e.(map[string]any)
			if !ok {
				return &Error{Path: epath, Msg: fmt.Sprintf("must be a JSON object, not %s.", kind(e))}
			}
			for _, enum := range rule.enums {
				deleteEmptyEnum(m, enum)
			}
			keep, err := n.element(key, m, epath)
			if err != nil {
				return err
			}
			if keep && !isZeroElement(m, rule) {
				out = append(out, m)
			}
		}
		c[key] = out
	}
	for _, l := range []struct{ key, what string }{{"environment", "environment variable"}, {"secrets", "secret"}} {
		if list, ok := c[l.key].([]any); ok {
			if err := n.sortByName(list, "name", join(path, l.key), l.what); err != nil {
				return err
			}
		}
	}
	for _, key := range droppedWhenEmpty {
		v, ok := c[key]
		if !ok {
			continue
		}
		list, ok := v.([]any)
		if !ok {
			return &Error{Path: join(path, key), Msg: fmt.Sprintf("must be a JSON array, not %s.", kind(v))}
		}
		if len(list) == 0 {
			delete(c, key)
		}
	}
	return nil
}

// element applies the rules of one list's elements. It reports whether the element stays.
func (n *normalizer) element(list string, m map[string]any, path string) (bool, error) {
	switch list {
	case "environment":
		if err := checkString(m, "name", path); err != nil {
			return false, err
		}
		if err := checkString(m, "value", path); err != nil {
			return false, err
		}
		if len(m) == 0 {
			return false, nil
		}
		if v, _ := m["value"].(string); v == "" {
			name, _ := m["name"].(string)
			n.warn(path, "The environment variable %q has an empty or missing value and was left out: AWS does not keep such a variable in the task definition, and keeping it in container_definitions makes hashicorp/aws plan a replacement on every run (its issue #39533). Give it a non-empty value, or remove it.", name)
			return false, nil
		}
	case "secrets":
		if err := checkString(m, "name", path); err != nil {
			return false, err
		}
		if err := checkString(m, "valueFrom", path); err != nil {
			return false, err
		}
	case "portMappings":
		for _, key := range []string{"containerPort", "hostPort"} {
			if v, ok := m[key]; ok {
				if _, ok := v.(json.Number); !ok {
					return false, &Error{Path: join(path, key), Msg: fmt.Sprintf("must be a number, not %s.", kind(v))}
				}
			}
		}
		if err := checkString(m, "protocol", path); err != nil {
			return false, err
		}
		// AWS stores protocol "tcp" when it is absent; the provider's comparison removes "tcp".
		if m["protocol"] == "tcp" {
			delete(m, "protocol")
		}
		// hostPort 0 means "absent" (a dynamic host port in bridge mode); the provider removes it.
		if isZeroNumber(m["hostPort"]) {
			delete(m, "hostPort")
		}
		// With awsvpc, AWS stores hostPort = containerPort when hostPort is absent.
		if _, ok := m["hostPort"]; !ok && n.opts.NetworkMode == "awsvpc" {
			if cp, ok := m["containerPort"]; ok {
				m["hostPort"] = cp
			}
		}
	}
	return true, nil
}

// capabilities mirrors how AWS stores linuxParameters.capabilities: an empty capabilities object is not
// stored, and a non-empty one comes back with both "add" and "drop" present.
func capabilities(lp map[string]any, path string) error {
	v, ok := lp["capabilities"]
	if !ok {
		return nil
	}
	caps, ok := v.(map[string]any)
	if !ok {
		return &Error{Path: join(path, "capabilities"), Msg: fmt.Sprintf("must be a JSON object, not %s.", kind(v))}
	}
	empty := true
	for _, key := range []string{"add", "drop"} {
		if l, ok := caps[key]; ok {
			list, ok := l.([]any)
			if !ok {
				return &Error{Path: join(path, "capabilities."+key), Msg: fmt.Sprintf("must be a JSON array of strings, not %s.", kind(l))}
			}
			if len(list) > 0 {
				empty = false
			}
		}
	}
	switch {
	case !empty:
		for _, key := range []string{"add", "drop"} {
			if _, ok := caps[key]; !ok {
				caps[key] = []any{}
			}
		}
	case onlyKeys(caps, "add", "drop"):
		delete(lp, "capabilities")
	}
	return nil
}

// sortByName sorts list (objects) by their key member. Entries with the same name are ordered by their
// canonical text, so the result never depends on input order. It warns about duplicate names.
func (n *normalizer) sortByName(list []any, key, path, what string) error {
	name := func(v any) string {
		s, _ := v.(map[string]any)[key].(string)
		return s
	}
	slices.SortStableFunc(list, func(a, b any) int { return cmp.Compare(name(a), name(b)) })
	for i := 0; i < len(list); {
		j := i + 1
		for j < len(list) && name(list[j]) == name(list[i]) {
			j++
		}
		if j-i > 1 {
			if name(list[i]) != "" {
				n.warn(path, "The %s name %q appears more than once. hashicorp/aws sorts by name without a stable order for duplicates, so it may plan a replacement on every run. Remove the duplicates.", what, name(list[i]))
			}
			if err := sortByText(list[i:j]); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// sortByText orders list by the canonical text of its elements.
func sortByText(list []any) error {
	type item struct {
		text string
		v    any
	}
	items := make([]item, len(list))
	for i, v := range list {
		b, err := encode(v)
		if err != nil {
			return err
		}
		items[i] = item{string(b), v}
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.text, b.text) })
	for i, it := range items {
		list[i] = it.v
	}
	return nil
}

// stripNulls removes null members from every object under v: AWS and the SDK treat a null member as absent.
func stripNulls(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if e == nil {
				delete(t, k)
			} else {
				stripNulls(e)
			}
		}
	case []any:
		for _, e := range t {
			stripNulls(e)
		}
	}
}

// isZeroElement reports whether m is the zero value of its SDK type: nothing but zero value-typed integers.
func isZeroElement(m map[string]any, rule elementRule) bool {
	for k, v := range m {
		if !slices.Contains(rule.valueInts, k) || !isZeroNumber(v) {
			return false
		}
	}
	return true
}

func deleteEmptyEnum(m map[string]any, key string) {
	if s, ok := m[key].(string); ok && s == "" {
		delete(m, key)
	}
}

func isZeroNumber(v any) bool {
	num, ok := v.(json.Number)
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(string(num), 64)
	return err == nil && f == 0
}

func checkString(m map[string]any, key, path string) error {
	if v, ok := m[key]; ok {
		if _, ok := v.(string); !ok {
			return &Error{Path: join(path, key), Msg: fmt.Sprintf("must be a string, not %s; put numbers and booleans in quotes.", kind(v))}
		}
	}
	return nil
}

func onlyKeys(m map[string]any, keys ...string) bool {
	for k := range m {
		if !slices.Contains(keys, k) {
			return false
		}
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pathOr(path, fallback string) string {
	if path == "" {
		return fallback
	}
	return path
}

// kind names the JSON type of v for error messages.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return fmt.Sprintf("%T", v)
	}
}
