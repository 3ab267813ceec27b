package compose

import (
	"bytes"
	"encoding/json"
)

// Redacted is what a redacted value reads in RedactContainers' output.
const Redacted = "(redacted)"

// Terraform never tells a provider which values it holds as sensitive, so the
// data sources cannot know whether a value came from a sensitive variable. A
// redacted copy therefore keeps only what cannot be a secret: names, images,
// numbers, flags, enumerations, paths and ARNs (a secret's ARN is not the
// secret). Every value a user may write freely, and every field this list does
// not know (extra_json may add any), reads Redacted.

// keptFields are the container fields kept whole.
var keptFields = map[string]bool{
	"name": true, "image": true, "cpu": true, "memory": true, "memoryReservation": true, "essential": true,
	"portMappings": true, "links": true, "mountPoints": true, "volumesFrom": true, "dependsOn": true,
	"startTimeout": true, "stopTimeout": true, "ulimits": true, "linuxParameters": true, "privileged": true,
	"readonlyRootFilesystem": true, "disableNetworking": true, "interactive": true, "pseudoTerminal": true,
	"user": true, "workingDirectory": true, "hostname": true, "dnsServers": true, "dnsSearchDomains": true,
	"extraHosts": true, "dockerSecurityOptions": true, "systemControls": true, "resourceRequirements": true,
	"environmentFiles": true, "secrets": true, "repositoryCredentials": true, "credentialSpecs": true,
	"restartPolicy": true, "versionConsistency": true,
}

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

func redactContainer(v any) any {
	c, ok := v.(map[string]any)
	if !ok {
		return Redacted
	}
	for k, f := range c {
		switch {
		case keptFields[k]:
		case k == "environment":
			c[k] = redactEach(f, func(e map[string]any) {
				if _, ok := e["value"]; ok {
					e["value"] = Redacted
				}
			})
		case k == "healthCheck":
			c[k] = redactFields(f, map[string]bool{"interval": true, "timeout": true, "retries": true, "startPeriod": true},
				map[string]func(any) any{"command": redactCommand})
		case k == "logConfiguration":
			c[k] = redactFields(f, map[string]bool{"logDriver": true, "secretOptions": true},
				map[string]func(any) any{"options": redactMapValues})
		case k == "firelensConfiguration":
			c[k] = redactFields(f, map[string]bool{"type": true}, map[string]func(any) any{"options": redactMapValues})
		case k == "dockerLabels":
			c[k] = redactMapValues(f)
		case k == "command" || k == "entryPoint":
			c[k] = redactList(f)
		default:
			c[k] = Redacted
		}
	}
	return c
}

// redactFields keeps the fields in keep, applies special to others, and
// redacts the rest.
func redactFields(v any, keep map[string]bool, special map[string]func(any) any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return Redacted
	}
	for k, f := range m {
		switch {
		case keep[k]:
		case special[k] != nil:
			m[k] = special[k](f)
		default:
			m[k] = Redacted
		}
	}
	return m
}

// redactEach applies fn to each object of a list; anything else is redacted.
func redactEach(v any, fn func(map[string]any)) any {
	list, ok := v.([]any)
	if !ok {
		return Redacted
	}
	for i, e := range list {
		if m, ok := e.(map[string]any); ok {
			for k := range m {
				if k != "name" && k != "value" {
					m[k] = Redacted
				}
			}
			fn(m)
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
