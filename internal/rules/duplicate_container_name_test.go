package rules

import "testing"

func TestDuplicateContainerName(t *testing.T) {
	runRule(t, DuplicateContainerName, []ruleCase{
		{name: "twice", td: `{"containerDefinitions":[{"name":"web"},{"name":"web"}]}`, want: []string{`Two containers are named "web"`}, paths: []string{"containerDefinitions[1].name"}},
		{name: "distinct", td: `{"containerDefinitions":[{"name":"web"},{"name":"log"}]}`},
		{name: "unknown name", td: `{"containerDefinitions":[{"name":"web"},{"name":"(known after apply)"}]}`},
	})
}
