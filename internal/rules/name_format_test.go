package rules

import (
	"strings"
	"testing"
)

func TestNameFormat(t *testing.T) {
	long := strings.Repeat("a", 256)
	runRule(t, NameFormat, []ruleCase{
		{name: "family with space and dot", td: `{"family":"my app.v2","containerDefinitions":[{"name":"web"}]}`,
			want:  []string{`Family "my app.v2" is not a valid family name: ECS accepts 1 to 255 letters, digits, underscores and hyphens. Use, for example, "my-app-v2".`},
			paths: []string{"family"}},
		{name: "empty family", td: `{"family":"","containerDefinitions":[{"name":"web"}]}`, want: []string{`Family "" is not a valid family name`}},
		{name: "long family", td: `{"family":"` + long + `","containerDefinitions":[{"name":"web"}]}`, want: []string{"Shorten it to at most 255 characters."}},
		{name: "container name with dot", td: `{"containerDefinitions":[{"name":"web.app"}]}`,
			want: []string{`Container name "web.app" is not valid`}, paths: []string{"containerDefinitions[0].name"}},
		{name: "missing container name", td: `{"containerDefinitions":[{"name":"a"},{"image":"x"}]}`,
			want:  []string{`container 2 has no name; ECS rejects the task definition ("Container.name should not be null or empty.")`},
			paths: []string{"containerDefinitions[1]"}},
		{name: "null container name", td: `{"containerDefinitions":[{"name":null,"image":"x"}]}`, want: []string{"container 1 has no name"}},
		{name: "empty container name", td: `{"containerDefinitions":[{"name":"","image":"x"}]}`, want: []string{"has no name"}, paths: []string{"containerDefinitions[0].name"}},
		{name: "port mapping name uppercase", td: `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"name":"Web-HTTP"}]}]}`,
			want:  []string{`container "web": port mapping name "Web-HTTP" is not valid: ECS accepts 1 to 64 lowercase letters, digits, underscores and hyphens, not starting with a hyphen. Use, for example, "web-http".`},
			paths: []string{"containerDefinitions[0].portMappings[0].name"}},
		{name: "port mapping name leading hyphen", td: `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"name":"-http"}]}]}`, want: []string{`Use, for example, "http"`}},
		{name: "port mapping name too long", td: `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"name":"` + strings.Repeat("p", 65) + `"}]}]}`, want: []string{"Shorten it to at most 64"}},
		{name: "volume name", td: `{"containerDefinitions":[{"name":"web"}],"volumes":[{"name":"data/cache"}]}`,
			want: []string{`Volume name "data/cache" is not valid`}, paths: []string{"volumes[0].name"}},
		{name: "EFS volume without name", td: `{"containerDefinitions":[{"name":"web"}],"volumes":[{"efsVolumeConfiguration":{"fileSystemId":"fs-1"}}]}`,
			want: []string{"efsVolumeConfiguration has no name"}, paths: []string{"volumes[0]"}},
		{name: "configuredAtLaunch volume without name", td: `{"containerDefinitions":[{"name":"web"}],"volumes":[{"configuredAtLaunch":true}]}`, want: []string{"configuredAtLaunch has no name"}},
		{name: "host volume without name is allowed", td: `{"containerDefinitions":[{"name":"web"}],"volumes":[{"host":{}}]}`},
		{name: "valid names", td: `{"family":"My_App-2","containerDefinitions":[{"name":"Web_1-a","portMappings":[{"containerPort":80,"name":"_http-2"}]}],"volumes":[{"name":"Data_1"}]}`},
		{name: "bare container array has no family", td: `[{"name":"web"}]`},
		{name: "unknown names", td: `{"family":"(known after apply)","containerDefinitions":[{"name":"(known after apply)","portMappings":[{"containerPort":80,"name":"(known after apply)"}]},"(known after apply)"],"volumes":[{"name":"(known after apply)","efsVolumeConfiguration":{}},"(known after apply)"]}`},
	})
}
