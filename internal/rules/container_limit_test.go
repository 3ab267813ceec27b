package rules

import (
	"fmt"
	"strings"
	"testing"
)

func containers(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"name":"c%d","image":"x"}`, i)
	}
	return `{"containerDefinitions":[` + strings.Join(parts, ",") + `]}`
}

func TestContainerLimit(t *testing.T) {
	runRule(t, ContainerLimit, []ruleCase{
		{name: "eleven", td: containers(11), want: []string{"defines 11 containers; ECS allows at most 10"}, paths: []string{"containerDefinitions"}},
		{name: "none", td: `{"containerDefinitions":[]}`, want: []string{"no containers"}},
		{name: "missing list", td: `{"family":"f"}`, want: []string{"no containers"}},
		{name: "ten", td: containers(10)},
		{name: "one", td: containers(1)},
		{name: "unknown list is silent", td: `{"containerDefinitions":"(known after apply)"}`},
		{name: "unknown elements still count", td: `{"containerDefinitions":["(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)","(known after apply)"]}`,
			want: []string{"11 containers"}},
	})
}
