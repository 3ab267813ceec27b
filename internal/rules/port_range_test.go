package rules

import (
	"fmt"
	"strings"
	"testing"
)

func TestPortRange(t *testing.T) {
	pm := func(mode, mappings string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"web","image":"x","portMappings":[` + mappings + `]}]}`
	}
	many := make([]string, 101)
	for i := range many {
		many[i] = fmt.Sprintf(`{"containerPortRange":"%d-%d"}`, 10000+i*10, 10005+i*10)
	}
	runRule(t, PortRangeRule, []ruleCase{
		{name: "container port too high", td: pm(``, `{"containerPort":70000}`),
			want:  []string{`container "web": containerPort 70000 is outside 1-65535; ECS rejects it ("Invalid 'containerPort' setting for container 'web'.")`},
			paths: []string{"containerDefinitions[0].portMappings[0].containerPort"}},
		{name: "container port zero", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":0}`), want: []string{"containerPort 0 is outside"}},
		{name: "host port negative", td: pm(``, `{"containerPort":80,"hostPort":-1}`), want: []string{"hostPort -1 is outside 0-65535"}, paths: []string{"containerDefinitions[0].portMappings[0].hostPort"}},
		{name: "host port too high", td: pm(``, `{"containerPort":80,"hostPort":65536}`), want: []string{"hostPort 65536"}},
		{name: "malformed range", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000:8100"}`),
			want: []string{`containerPortRange "8000:8100" is not of the form "first-last"`}, paths: []string{"containerDefinitions[0].portMappings[0].containerPortRange"}},
		{name: "single port as range", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000"}`), want: []string{"not of the form"}},
		{name: "range out of bounds", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"0-100"}`), want: []string{"has a port outside 1-65535"}},
		{name: "range reversed", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"9000-8000"}`), want: []string{"does not start with a port less than its last port"}},
		{name: "range of one port", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8000"}`), want: []string{"less than its last port"}},
		{name: "overlapping ranges", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8100"},{"containerPortRange":"8100-8200"}`),
			want: []string{`containerPortRange "8100-8200" overlaps containerPortRange "8000-8100" of another tcp port mapping`}, paths: []string{"containerDefinitions[0].portMappings[1].containerPortRange"}},
		{name: "range covers a single port", td: pm(`"networkMode":"bridge",`, `{"containerPort":8050},{"containerPortRange":"8000-8100"}`),
			want: []string{`containerPortRange "8000-8100" overlaps containerPort 8050`}},
		{name: "tcp and udp ranges may share ports", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8100"},{"containerPortRange":"8000-8100","protocol":"udp"}`)},
		{name: "disjoint ranges", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8100"},{"containerPortRange":"8101-8200"},{"containerPort":80}`)},
		{name: "range in host mode", td: pm(`"networkMode":"host",`, `{"containerPortRange":"8000-8100"}`), want: []string{`containerPortRange "8000-8100" needs network mode "bridge" or "awsvpc", and this task uses "host"`}},
		{name: "too many ranges", td: pm(`"networkMode":"awsvpc",`, strings.Join(many, ",")), want: []string{"has 101 port mappings with containerPortRange; ECS allows at most 100"}, paths: []string{"containerDefinitions[0].portMappings"}},
		{name: "hundred ranges", td: pm(`"networkMode":"awsvpc",`, strings.Join(many[:100], ","))},
		{name: "host port range is output only", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8100","hostPortRange":"8000-8100"}`), want: []string{"hostPortRange is not part of a port mapping you register"}},
		{name: "host port with range", td: pm(`"networkMode":"bridge",`, `{"containerPortRange":"8000-8100","hostPort":8000}`), want: []string{"hostPort 8000 is set together with containerPortRange"}},
		{name: "valid", td: pm(``, `{"containerPort":1,"hostPort":0},{"containerPort":65535,"hostPort":65535}`)},
		{name: "unknown ports", td: pm(`"networkMode":"awsvpc",`, `{"containerPort":"(known after apply)","hostPort":"(known after apply)"},{"containerPortRange":"(known after apply)"}`)},
		{name: "unknown protocol skips the overlap check", td: pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8100"},{"containerPortRange":"8050-8200","protocol":"(known after apply)"}`)},
		{name: "unknown mode skips the mode check", td: pm(`"networkMode":"(known after apply)",`, `{"containerPortRange":"8000-8100"}`)},
		{name: "unknown mappings", td: `{"containerDefinitions":[{"name":"web","portMappings":"(known after apply)"}]}`},
	})
	wantSeverities(t, PortRangeRule, pm(`"networkMode":"awsvpc",`, `{"containerPortRange":"8000-8100","hostPortRange":"8000-8100","hostPort":8000}`), Warning, Warning)
	wantSeverities(t, PortRangeRule, `{"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"containerDefinitions":[{"name":"w","portMappings":[{"containerPortRange":"8000-8100"}]}]}`, Warning)
}
