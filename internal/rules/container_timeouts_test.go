package rules

import "testing"

func TestContainerTimeouts(t *testing.T) {
	td := func(compat, timeouts string) string {
		return `{` + compat + `"containerDefinitions":[{"name":"web","image":"x"` + timeouts + `}]}`
	}
	fg := `"requiresCompatibilities":["FARGATE"],`
	runRule(t, ContainerTimeouts, []ruleCase{
		{name: "stop too long", td: td(fg, `,"stopTimeout":300`),
			want:  []string{`container "web": stopTimeout 300 is outside 2-120 seconds, the range Fargate accepts. Set stopTimeout between 2 and 120 (the default is 30), or omit it.`},
			paths: []string{"containerDefinitions[0].stopTimeout"}},
		{name: "start too short", td: td(fg, `,"startTimeout":1`), want: []string{"startTimeout 1 is outside 2-120"}, paths: []string{"containerDefinitions[0].startTimeout"}},
		{name: "both", td: td(`"requiresCompatibilities":["EC2","FARGATE"],`, `,"startTimeout":0,"stopTimeout":121`), want: []string{"startTimeout 0", "stopTimeout 121"}},
		{name: "bounds", td: td(fg, `,"startTimeout":2,"stopTimeout":120`)},
		{name: "omitted", td: td(fg, ``)},
		{name: "EC2 has no documented bound", td: td(`"requiresCompatibilities":["EC2"],`, `,"stopTimeout":600`)},
		{name: "default compatibility", td: td(``, `,"stopTimeout":600`)},
		{name: "unknown timeout", td: td(fg, `,"stopTimeout":"(known after apply)"`)},
		{name: "unknown compatibilities", td: td(`"requiresCompatibilities":"(known after apply)",`, `,"stopTimeout":600`)},
	})
}
