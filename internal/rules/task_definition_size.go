package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// MaxTaskDefinitionBytes is the task definition size quota, 64 KiB
// (ecs-facts 5).
const MaxTaskDefinitionBytes = 64 << 10

// TaskDefinitionSize: the task definition, as compact JSON, must fit in
// 64 KiB. Any unknown value makes the size uncertain: silent then.
var TaskDefinitionSize = register(&Rule{
	Meta: Meta{
		Name:     "task_definition_size",
		Severity: Error,
		Title:    "Task definition too large",
		Summary:  "Task definition JSON above 64 KiB.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html",
		},
	},
	Check: func(p *Pass) {
		if p.TD.Source == nil {
			return
		}
		n, ok := compactJSONSize(p.TD.Source.Interface())
		if !ok || n <= MaxTaskDefinitionBytes {
			return
		}
		p.Report(p.TD, "The task definition is %s as compact JSON, %s over the ECS limit of 64 KiB (%d bytes), which cannot be raised; registration fails. Make it smaller: move long environment values to environmentFiles in S3 or to secrets, drop unused dockerLabels and options, or split the containers across task definitions.",
			byteSize(n), byteSize(n-MaxTaskDefinitionBytes), MaxTaskDefinitionBytes)
	},
})

// compactJSONSize is the length of v as compact JSON without HTML escaping;
// ok is false when v is not fully known.
func compactJSONSize(v any, known bool) (int, bool) {
	if !known {
		return 0, false
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return 0, false // tree values always encode; nothing to measure otherwise
	}
	return b.Len() - 1, true // Encode adds a newline
}

// byteSize renders a size for messages: "70123 bytes (68.5 KiB)".
func byteSize(n int) string {
	switch {
	case n == 1:
		return "1 byte"
	case n < 1024:
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%d bytes (%.1f KiB)", n, float64(n)/1024)
}
