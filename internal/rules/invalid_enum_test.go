package rules

import "testing"

func TestInvalidEnum(t *testing.T) {
	c := func(container string) string {
		return `{"containerDefinitions":[{"name":"web","image":"x"` + container + `}]}`
	}
	runRule(t, InvalidEnum, []ruleCase{
		{name: "network mode case", td: `{"networkMode":"AWSVPC","containerDefinitions":[]}`,
			want:  []string{`networkMode "AWSVPC" is not a valid value; ECS accepts "bridge", "host", "awsvpc" or "none". Use "awsvpc" (the values are case-sensitive).`},
			paths: []string{"networkMode"}},
		{name: "Windows default mode", td: `{"networkMode":"default","containerDefinitions":[]}`, want: []string{`For the Windows default (nat) network, omit networkMode. Use one of those values.`}},
		{name: "compatibility typo", td: `{"requiresCompatibilities":["FARGATE","EC"],"containerDefinitions":[]}`,
			want: []string{`requiresCompatibilities value "EC" is not a valid value`}, paths: []string{"requiresCompatibilities[1]"}},
		{name: "pid and ipc mode", td: `{"pidMode":"Task","ipcMode":"shareable","containerDefinitions":[]}`, want: []string{`pidMode "Task"`, `ipcMode "shareable" is not a valid value; ECS accepts "host", "task" or "none". Use one of those values.`}},
		{name: "runtime platform", td: `{"runtimePlatform":{"operatingSystemFamily":"linux","cpuArchitecture":"x86-64"},"containerDefinitions":[]}`,
			want:  []string{`Use "LINUX" (the values are case-sensitive)`, `cpuArchitecture "x86-64" is not a valid value; ECS accepts "X86_64" or "ARM64". Use "X86_64".`},
			paths: []string{"runtimePlatform.operatingSystemFamily", "runtimePlatform.cpuArchitecture"}},
		{name: "placement constraint type", td: `{"placementConstraints":[{"type":"memberof","expression":"x"},{"type":"distinctInstance"},{"type":"DISTINCTINSTANCE"}],"containerDefinitions":[]}`,
			want: []string{`placement constraint type "memberof" is not a valid value; ECS accepts "memberOf". Use "memberOf"`}},
		{name: "proxy and volume scope", td: `{"proxyConfiguration":{"type":"appmesh","containerName":"envoy"},"volumes":[{"name":"v","dockerVolumeConfiguration":{"scope":"global"}}],"containerDefinitions":[]}`,
			want: []string{`proxyConfiguration.type "appmesh"`, `dockerVolumeConfiguration.scope "global" is not a valid value; ECS accepts "task" or "shared"`}, paths: []string{"proxyConfiguration.type", "volumes[0].dockerVolumeConfiguration.scope"}},
		{name: "protocol upper case is a warning", td: c(`,"portMappings":[{"containerPort":53,"protocol":"UDP"}]`),
			want:  []string{`container "web": protocol "UDP" is not a valid value; ECS accepts "tcp" or "udp". ECS treats any other value as tcp, so this mapping would be tcp, not udp. Use "udp" (the values are case-sensitive).`},
			paths: []string{"containerDefinitions[0].portMappings[0].protocol"}},
		{name: "app protocol upper case", td: c(`,"portMappings":[{"containerPort":80,"appProtocol":"HTTP2"}]`),
			want: []string{`appProtocol "HTTP2" is not a valid value; ECS accepts "http", "http2" or "grpc". AWS's older developer guide printed these values in upper case, but the API accepts only lower case. Use "http2"`}},
		{name: "depends on condition", td: `{"containerDefinitions":[{"name":"web","dependsOn":[{"containerName":"db","condition":"started"}]},{"name":"db"}]}`,
			want: []string{`container "web": dependsOn condition "started" is not a valid value; ECS accepts "START", "COMPLETE", "SUCCESS" or "HEALTHY". Use "START".`}, paths: []string{"containerDefinitions[0].dependsOn[0].condition"}},
		{name: "log driver", td: c(`,"logConfiguration":{"logDriver":"awslog"}`), want: []string{`logConfiguration.logDriver "awslog" is not a valid value`}, paths: []string{"containerDefinitions[0].logConfiguration.logDriver"}},
		{name: "log driver punctuation", td: c(`,"logConfiguration":{"logDriver":"json_file"}`), want: []string{`Use "json-file".`}},
		{name: "container lists", td: c(`,"ulimits":[{"name":"NOFILE","softLimit":1,"hardLimit":1}],"resourceRequirements":[{"type":"gpu","value":"1"}],"environmentFiles":[{"type":"S3","value":"arn:aws:s3:::b/x.env"}],"linuxParameters":{"devices":[{"hostPath":"/dev/x","permissions":["read","exec"]}]},"versionConsistency":"on"`),
			want: []string{`ulimit name "NOFILE"`, `resourceRequirements type "gpu"`, `environmentFiles type "S3"`, `device permission "exec"`, `versionConsistency "on"`}},
		{name: "firelens", td: c(`,"firelensConfiguration":{"type":"fluent-bit"}`), want: []string{`firelensConfiguration.type "fluent-bit" is not a valid value; ECS accepts "fluentd" or "fluentbit". Use "fluentbit".`}},
		{name: "all valid", td: `{"networkMode":"awsvpc","requiresCompatibilities":["FARGATE","EC2"],"pidMode":"task","ipcMode":"none","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2025_CORE","cpuArchitecture":"ARM64"},"placementConstraints":[{"type":"memberOf","expression":"x"}],"proxyConfiguration":{"type":"APPMESH"},"volumes":[{"name":"v","dockerVolumeConfiguration":{"scope":"shared"}}],
			"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"protocol":"tcp","appProtocol":"grpc"}],"dependsOn":[{"containerName":"web","condition":"HEALTHY"}],"logConfiguration":{"logDriver":"awsfirelens"},"ulimits":[{"name":"nofile"}],"resourceRequirements":[{"type":"NeuronDevice"}],"firelensConfiguration":{"type":"fluentbit"},"environmentFiles":[{"type":"s3"}],"linuxParameters":{"devices":[{"permissions":["mknod"]}]},"versionConsistency":"disabled"}]}`},
		{name: "unknown values", td: `{"networkMode":"(known after apply)","requiresCompatibilities":["(known after apply)"],"runtimePlatform":"(known after apply)","containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"protocol":"(known after apply)"}],"logConfiguration":{"logDriver":"(known after apply)"},"linuxParameters":"(known after apply)"},"(known after apply)"]}`},
	})
	wantSeverities(t, InvalidEnum, c(`,"portMappings":[{"containerPort":80,"protocol":"TCP","appProtocol":"HTTP"}]`), Warning, Error)
}

func TestClosest(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		fold bool
	}{
		{"AWSVPC", "awsvpc", true},
		{"aws-vpc", "awsvpc", false},
		{"brige", "bridge", false},
		{"overlay", "", false},
	} {
		got, fold := closest(c.in, []string{"bridge", "host", "awsvpc", "none"})
		if got != c.want || fold != c.fold {
			t.Errorf("closest(%q) = %q, %t; want %q, %t", c.in, got, fold, c.want, c.fold)
		}
	}
}
