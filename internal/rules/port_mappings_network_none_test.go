package rules

import "testing"

func TestPortMappingsNetworkNone(t *testing.T) {
	td := func(mode, mappings string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"web","image":"x","portMappings":` + mappings + `},{"name":"side","image":"x"}]}`
	}
	runRule(t, PortMappingsNetworkNone, []ruleCase{
		{name: "one mapping", td: td(`"networkMode":"none",`, `[{"containerPort":80}]`),
			want:  []string{`container "web": a port mapping is given, but the task uses network mode "none"`},
			paths: []string{"containerDefinitions[0].portMappings"}},
		{name: "two mappings", td: td(`"networkMode":"none",`, `[{"containerPort":80},{"containerPort":443}]`), want: []string{"2 port mappings are given"}},
		{name: "unknown elements still count", td: td(`"networkMode":"none",`, `["(known after apply)"]`), want: []string{"a port mapping is given"}},
		{name: "empty list", td: td(`"networkMode":"none",`, `[]`)},
		{name: "bridge", td: td(`"networkMode":"bridge",`, `[{"containerPort":80}]`)},
		{name: "omitted mode is bridge", td: td(``, `[{"containerPort":80}]`)},
		{name: "unknown mode", td: td(`"networkMode":"(known after apply)",`, `[{"containerPort":80}]`)},
		{name: "unknown list", td: td(`"networkMode":"none",`, `"(known after apply)"`)},
	})
}
