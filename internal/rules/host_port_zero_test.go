package rules

import "testing"

func TestHostPortZero(t *testing.T) {
	pm := func(mode, mapping string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"web","image":"x","portMappings":[` + mapping + `]}]}`
	}
	runRule(t, HostPortZero, []ruleCase{
		{name: "awsvpc", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80,"hostPort":0}`),
			want: []string{`container "web": hostPort 0 asks for a dynamic host port, but dynamic port mapping needs bridge network mode and this task uses "awsvpc". Either omit hostPort or set it to the containerPort 80`}},
		{name: "host", td: pm(`"networkMode":"host",`, `{"containerPort":80,"hostPort":0}`), want: []string{`uses "host"`}},
		{name: "bridge is dynamic", td: pm(`"networkMode":"bridge",`, `{"containerPort":80,"hostPort":0}`)},
		{name: "omitted mode is bridge", td: pm(``, `{"containerPort":80,"hostPort":0}`)},
		{name: "awsvpc without hostPort", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80}`)},
		{name: "unknown hostPort", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80,"hostPort":"(known after apply)"}`)},
		{name: "unknown mode", td: pm(`"networkMode":"(known after apply)",`, `{"containerPort":80,"hostPort":0}`)},
	})
}
