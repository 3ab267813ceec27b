package compose

import (
	"bytes"
	"encoding/json"
)

// Redacted is what a redacted value reads in RedactContainers' output.
const Redacted = "(redacted)"

// RedactContainers returns canonical container definitions JSON (an array, as
// in ecskit_task_definition.container_definitions) with every value that could
// hold a secret replaced by Redacted: environment values, command, entry point
// and health-check command arguments, log and FireLens option values, Docker
// label values, and fields not known to be safe. Keys stay, so a plan shows
// which variables, labels and options were added or removed.
func RedactContainers(src string) (string, error) {
	v, err := decodeJSON(src)
	if err != nil {
		return "", err
	}
	if list, ok := v.([]any); ok {
		for i, c := range list {
			list[i] = redactContainer(c)
		}
	} else {
		v = Redacted
	}
	return encodeJSON(v)
}

// RedactContainer is RedactContainers for one container definition object.
func RedactContainer(src string) (string, error) {
	v, err := decodeJSON(src)
	if err != nil {
		return "", err
	}
	return encodeJSON(redactContainer(v))
}

// redactContainer redacts a container definition as ContainerFields say
// (Field.Redact); a member the table does not know is hidden.
func redactContainer(v any) any { return redactObject(v, ContainerFields) }

func redactObject(v any, fields []*Field) any {
	m, ok := v.(map[string]any)
	if !ok {
		return Redacted
	}
	for k, e := range m {
		m[k] = redactValue(e, fieldByAPI(fields, k))
	}
	return m
}

func redactValue(v any, f *Field) any {
	if f == nil {
		return Redacted
	}
	switch f.Redact {
	case Show:
		return v
	case HideValues:
		if f.Kind == NameValues {
			return redactEach(v)
		}
		return redactMapValues(v)
	case HideArgs:
		return redactList(v)
	case HideCommandArgs:
		return redactCommand(v)
	case ByField:
		return redactObject(v, f.Fields)
	}
	return Redacted
}

// fieldByAPI returns the field among fields that sets the API member name.
func fieldByAPI(fields []*Field, name string) *Field {
	for _, f := range fields {
		if f.API != "" && f.apiSteps()[0] == name {
			return f
		}
	}
	return nil
}

// redactEach keeps the names of a name/value list and hides everything
// else; anything but a list of objects is hidden whole.
func redactEach(v any) any {
	list, ok := v.([]any)
	if !ok {
		return Redacted
	}
	for i, e := range list {
		if m, ok := e.(map[string]any); ok {
			for k := range m {
				if k != "name" {
					m[k] = Redacted
				}
			}
		} else {
			list[i] = Redacted
		}
	}
	return list
}

func redactMapValues(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return Redacted
	}
	for k := range m {
		m[k] = Redacted
	}
	return m
}

func redactList(v any) any {
	list, ok := v.([]any)
	if !ok {
		return Redacted
	}
	for i := range list {
		list[i] = Redacted
	}
	return list
}

// redactCommand keeps the health-check command's leading CMD, CMD-SHELL or
// NONE, which says how it runs, and redacts its arguments.
func redactCommand(v any) any {
	list, ok := v.([]any)
	if !ok {
		return Redacted
	}
	for i, e := range list {
		if s, ok := e.(string); ok && i == 0 && (s == "CMD" || s == "CMD-SHELL" || s == "NONE") {
			continue
		}
		list[i] = Redacted
	}
	return list
}

func decodeJSON(src string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(src)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// encodeJSON writes compact JSON with sorted keys and no HTML escaping, as
// the canonical form is written.
func encodeJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}
