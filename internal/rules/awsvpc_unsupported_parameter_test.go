package rules

import "testing"

func TestAwsvpcUnsupportedParameter(t *testing.T) {
	td := func(task, container string) string {
		return `{` + task + `"containerDefinitions":[{"name":"app","image":"x"},{"name":"web","image":"x"` + container + `}]}`
	}
	runRule(t, AwsvpcUnsupportedParameter, []ruleCase{
		{name: "hostname", td: td(`"networkMode":"awsvpc",`, `,"hostname":"web1"`),
			want:  []string{`container "web": hostname "web1" is not supported with network mode "awsvpc"`},
			paths: []string{"containerDefinitions[1].hostname"}},
		{name: "extraHosts", td: td(`"networkMode":"awsvpc",`, `,"extraHosts":[{"hostname":"db","ipAddress":"10.0.0.5"}]`),
			want: []string{`container "web": extraHosts is not supported with network mode "awsvpc"`}, paths: []string{"containerDefinitions[1].extraHosts"}},
		{name: "links", td: td(`"networkMode":"awsvpc",`, `,"links":["app"]`),
			want: []string{`container "web": links are supported only with network mode "bridge"`}, paths: []string{"containerDefinitions[1].links"}},
		{name: "all three in order", td: td(`"networkMode":"awsvpc",`, `,"hostname":"h","extraHosts":[{"hostname":"db","ipAddress":"10.0.0.5"}],"links":["app"]`),
			want: []string{"hostname", "extraHosts", "links"}},
		{name: "Fargate leaves extraHosts and links to fargate_unsupported_parameter", td: td(`"networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],`, `,"hostname":"h","extraHosts":[{"hostname":"db","ipAddress":"10.0.0.5"}],"links":["app"]`),
			want: []string{"hostname"}},
		{name: "Windows leaves extraHosts and links to windows_unsupported_parameter", td: td(`"networkMode":"awsvpc","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_FULL"},`, `,"hostname":"h","extraHosts":[{"hostname":"db","ipAddress":"10.0.0.5"}],"links":["app"]`),
			want: []string{"hostname"}},
		{name: "bridge allows them", td: td(`"networkMode":"bridge",`, `,"hostname":"h","extraHosts":[{"hostname":"db","ipAddress":"10.0.0.5"}],"links":["app"]`)},
		{name: "omitted mode is bridge", td: td(``, `,"hostname":"h","links":["app"]`)},
		{name: "empty values", td: td(`"networkMode":"awsvpc",`, `,"hostname":"","extraHosts":[],"links":[]`)},
		{name: "unknown values", td: td(`"networkMode":"awsvpc",`, `,"hostname":"(known after apply)","extraHosts":"(known after apply)","links":"(known after apply)"`)},
		{name: "unknown mode", td: td(`"networkMode":"(known after apply)",`, `,"hostname":"h"`)},
	})
}
