package rules

import "testing"

func TestFargateUnsupportedParameter(t *testing.T) {
	fg := func(task, container string) string {
		return `{"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512",` + task +
			`"containerDefinitions":[{"name":"web","image":"x"` + container + `}]}`
	}
	c0 := "containerDefinitions[0]."
	runRule(t, FargateUnsupportedParameter, []ruleCase{
		{name: "privileged", td: fg(``, `,"privileged":true`),
			want:  []string{`container "web": privileged mode is not supported on Fargate, and the task requires FARGATE compatibility`},
			paths: []string{c0 + "privileged"}},
		{name: "privileged false", td: fg(``, `,"privileged":false`)},
		{name: "container lists", td: fg(``, `,"links":["db"],"dnsServers":["10.0.0.2"],"dnsSearchDomains":["corp"],"extraHosts":[{"hostname":"a","ipAddress":"10.0.0.1"}],"dockerSecurityOptions":["no-new-privileges"],"disableNetworking":true`),
			want:  []string{"links are", "dnsServers are", "dnsSearchDomains are", "extraHosts are", "dockerSecurityOptions are", "disableNetworking is"},
			paths: []string{c0 + "links", c0 + "dnsServers", c0 + "dnsSearchDomains", c0 + "extraHosts", c0 + "dockerSecurityOptions", c0 + "disableNetworking"}},
		{name: "empty lists are not reported", td: fg(``, `,"links":[],"dnsServers":[],"extraHosts":[]`)},
		{name: "GPU and accelerator", td: fg(`"inferenceAccelerators":[{"deviceName":"d","deviceType":"eia2.medium"}],`, `,"resourceRequirements":[{"type":"GPU","value":"1"},{"type":"InferenceAccelerator","value":"d"}]`),
			want:  []string{"GPU resource requirements", "InferenceAccelerator resource requirements", "inferenceAccelerators are"},
			paths: []string{c0 + "resourceRequirements[0]", c0 + "resourceRequirements[1]", "inferenceAccelerators"}},
		{name: "linux parameters", td: fg(``, `,"linuxParameters":{"devices":[{"hostPath":"/dev/fuse"}],"sharedMemorySize":64,"tmpfs":[{"containerPath":"/t","size":64}],"maxSwap":0,"swappiness":10,"initProcessEnabled":true,"capabilities":{"add":["SYS_PTRACE","NET_ADMIN"],"drop":["ALL"]}}`),
			want: []string{"devices are", "sharedMemorySize is", "tmpfs is", "maxSwap is", "swappiness is", `adding the kernel capability "NET_ADMIN"`},
			paths: []string{c0 + "linuxParameters.devices", c0 + "linuxParameters.sharedMemorySize", c0 + "linuxParameters.tmpfs",
				c0 + "linuxParameters.maxSwap", c0 + "linuxParameters.swappiness", c0 + "linuxParameters.capabilities.add[1]"}},
		{name: "SYS_PTRACE and init process are fine", td: fg(``, `,"linuxParameters":{"initProcessEnabled":true,"capabilities":{"add":["SYS_PTRACE"],"drop":["NET_RAW"]}}`)},
		{name: "volumes", td: fg(`"volumes":[{"name":"scratch","host":{}},{"name":"logs","host":{"sourcePath":"/var/log"}},{"name":"dv","dockerVolumeConfiguration":{"scope":"task"}}],`, ``),
			want:  []string{`volume "logs": a host sourcePath is`, `volume "dv": dockerVolumeConfiguration`},
			paths: []string{"volumes[1].host.sourcePath", "volumes[2].dockerVolumeConfiguration"}},
		{name: "ipc and pid modes", td: fg(`"ipcMode":"task","pidMode":"host",`, ``),
			want: []string{"ipcMode is", `pidMode "host" is`}, paths: []string{"ipcMode", "pidMode"}},
		{name: "pidMode task is allowed", td: fg(`"pidMode":"task",`, ``)},
		{name: "EC2 only", td: `{"requiresCompatibilities":["EC2"],"ipcMode":"host","containerDefinitions":[{"name":"web","image":"x","privileged":true,"links":["db"]}]}`},
		{name: "no compatibilities", td: `{"containerDefinitions":[{"name":"web","image":"x","privileged":true}]}`},
		{name: "FARGATE with EC2", td: `{"requiresCompatibilities":["EC2","FARGATE"],"containerDefinitions":[{"name":"web","image":"x","privileged":true}]}`,
			want: []string{"privileged mode is not supported on Fargate"}},
		{name: "unknown values", td: fg(`"ipcMode":"(known after apply)","pidMode":"(known after apply)","volumes":[{"name":"v","host":{"sourcePath":"(known after apply)"}},{"name":"w","dockerVolumeConfiguration":"(known after apply)"}],`,
			`,"privileged":"(known after apply)","links":"(known after apply)","resourceRequirements":[{"type":"(known after apply)","value":"1"}],"linuxParameters":{"maxSwap":"(known after apply)","capabilities":{"add":["(known after apply)"]}}`)},
		{name: "unknown container", td: `{"requiresCompatibilities":["FARGATE"],"containerDefinitions":["(known after apply)"]}`},
		{name: "unknown linuxParameters", td: fg(``, `,"linuxParameters":"(known after apply)"`)},
		{name: "unknown compatibilities", td: `{"requiresCompatibilities":"(known after apply)","containerDefinitions":[{"name":"web","image":"x","privileged":true}]}`},
	})
}
