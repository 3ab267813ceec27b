package rules

import "testing"

func TestReservedHostPort(t *testing.T) {
	pm := func(mode, mapping string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"web","image":"x","portMappings":[` + mapping + `]}]}`
	}
	runRule(t, ReservedHostPort, []ruleCase{
		{name: "bridge 22", td: pm(`"networkMode":"bridge",`, `{"containerPort":2222,"hostPort":22}`),
			want:  []string{`container "web": hostPort 22 is reserved on container instances for SSH`},
			paths: []string{"containerDefinitions[0].portMappings[0].hostPort"}},
		{name: "omitted mode is bridge", td: pm(``, `{"containerPort":80,"hostPort":2375}`), want: []string{"hostPort 2375 is reserved on container instances for the Docker daemon"}},
		{name: "agent port", td: pm(``, `{"containerPort":80,"hostPort":51678}`), want: []string{"51678"}},
		{name: "51680 is disputed", td: pm(``, `{"containerPort":80,"hostPort":51680}`), want: []string{"agent's default reserved ports are only 51678 and 51679"}},
		{name: "host mode uses the container port", td: pm(`"networkMode":"host",`, `{"containerPort":2376}`),
			want:  []string{`containerPort 2376 (with network mode "host" the container port is the host port) is reserved`},
			paths: []string{"containerDefinitions[0].portMappings[0].containerPort"}},
		{name: "Windows 22 is disputed", td: `{"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"containerDefinitions":[{"name":"w","portMappings":[{"containerPort":22,"hostPort":22}]}]}`,
			want: []string{"Windows agent does not reserve it"}},
		{name: "bridge container port 22 is fine", td: pm(`"networkMode":"bridge",`, `{"containerPort":22}`)},
		{name: "bridge dynamic", td: pm(`"networkMode":"bridge",`, `{"containerPort":22,"hostPort":0}`)},
		{name: "awsvpc has its own interface", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":22,"hostPort":22}`)},
		{name: "other port", td: pm(``, `{"containerPort":80,"hostPort":8080}`)},
		{name: "unknown host port", td: pm(``, `{"containerPort":80,"hostPort":"(known after apply)"}`)},
		{name: "unknown mode", td: pm(`"networkMode":"(known after apply)",`, `{"containerPort":22,"hostPort":22}`)},
		{name: "host mode unknown host port", td: pm(`"networkMode":"host",`, `{"containerPort":22,"hostPort":"(known after apply)"}`)},
	})
	wantSeverities(t, ReservedHostPort, pm(``, `{"containerPort":80,"hostPort":51679},{"containerPort":81,"hostPort":51680}`), Error, Warning)
}
