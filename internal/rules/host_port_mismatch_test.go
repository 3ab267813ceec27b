package rules

import "testing"

func TestHostPortMismatch(t *testing.T) {
	pm := func(mode, mapping string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"web","image":"x","portMappings":[` + mapping + `]}]}`
	}
	runRule(t, HostPortMismatch, []ruleCase{
		{name: "awsvpc 8080 vs 80", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80,"hostPort":8080}`),
			want:  []string{`container "web": hostPort 8080 differs from containerPort 80; with network mode "awsvpc" the host port must be omitted or equal to the container port`},
			paths: []string{"containerDefinitions[0].portMappings[0].hostPort"}},
		{name: "host mode", td: pm(`"networkMode":"host",`, `{"containerPort":80,"hostPort":81}`), want: []string{`network mode "host"`}},
		{name: "equal", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80,"hostPort":80}`)},
		{name: "omitted", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80}`)},
		{name: "zero is host_port_zero's", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80,"hostPort":0}`)},
		{name: "bridge may differ", td: pm(`"networkMode":"bridge",`, `{"containerPort":80,"hostPort":8080}`)},
		{name: "omitted mode is bridge", td: pm(``, `{"containerPort":80,"hostPort":8080}`)},
		{name: "unknown host port", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":80,"hostPort":"(known after apply)"}`)},
		{name: "unknown mode", td: pm(`"networkMode":"(known after apply)",`, `{"containerPort":80,"hostPort":8080}`)},
	})
}
