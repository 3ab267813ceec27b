package rules

import "testing"

func TestStaticHostPortInDynamicRange(t *testing.T) {
	pm := func(mode, mapping string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"web","image":"x","portMappings":[` + mapping + `]}]}`
	}
	runRule(t, StaticHostPortInDynamicRange, []ruleCase{
		{name: "inside", td: pm(`"networkMode":"bridge",`, `{"containerPort":80,"hostPort":40000}`),
			want:  []string{`container "web": static hostPort 40000 is inside the dynamic host port range 32768-65535`},
			paths: []string{"containerDefinitions[0].portMappings[0].hostPort"}},
		{name: "omitted mode is bridge", td: pm(``, `{"containerPort":80,"hostPort":32768}`), want: []string{"32768"}},
		{name: "upper end", td: pm(``, `{"containerPort":80,"hostPort":65535}`), want: []string{"65535"}},
		{name: "below", td: pm(``, `{"containerPort":80,"hostPort":32767}`)},
		{name: "dynamic", td: pm(``, `{"containerPort":80,"hostPort":0}`)},
		{name: "omitted", td: pm(``, `{"containerPort":80}`)},
		{name: "awsvpc", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":40000,"hostPort":40000}`)},
		{name: "host", td: pm(`"networkMode":"host",`, `{"containerPort":40000,"hostPort":40000}`)},
		{name: "unknown host port", td: pm(``, `{"containerPort":80,"hostPort":"(known after apply)"}`)},
		{name: "unknown mode", td: pm(`"networkMode":"(known after apply)",`, `{"containerPort":80,"hostPort":40000}`)},
	})
}

func TestStaticHostPortInConfiguredRange(t *testing.T) {
	td := parseTD(t, `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"hostPort":30000},{"containerPort":81,"hostPort":40000}]}]}`)
	p := &Pass{TD: td, Config: Config{DynamicPortRange: PortRange{20000, 30000}}, rule: StaticHostPortInDynamicRange}
	StaticHostPortInDynamicRange.Check(p)
	if len(p.findings) != 1 || p.findings[0].Path != "containerDefinitions[0].portMappings[0].hostPort" {
		t.Fatalf("with range 20000-30000 want one finding on the first mapping, got %+v", p.findings)
	}
}
