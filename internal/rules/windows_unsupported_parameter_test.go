package rules

import "testing"

func TestWindowsUnsupportedParameter(t *testing.T) {
	const win = `"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},`
	td := func(task, container string) string {
		return `{` + task + `"containerDefinitions":[{"name":"iis","image":"mcr.microsoft.com/windows/servercore/iis"` + container + `}]}`
	}
	c0 := "containerDefinitions[0]."
	runRule(t, WindowsUnsupportedParameter, []ruleCase{
		{name: "linuxParameters", td: td(win, `,"linuxParameters":{"initProcessEnabled":true}`),
			want:  []string{`container "iis": linuxParameters are not supported for Windows containers, and the task's operatingSystemFamily is "WINDOWS_SERVER_2022_CORE". Remove linuxParameters.`},
			paths: []string{c0 + "linuxParameters"}},
		{name: "empty linuxParameters object", td: td(win, `,"linuxParameters":{}`)},
		{name: "container fields on EC2", td: td(win, `,"privileged":true,"readonlyRootFilesystem":true,"user":"ContainerUser","ulimits":[{"name":"nofile","softLimit":1,"hardLimit":2}],"systemControls":[{"namespace":"net.core.somaxconn","value":"1"}],"disableNetworking":true,"links":["db"],"extraHosts":[{"hostname":"a","ipAddress":"10.0.0.1"}],"dnsServers":["10.0.0.2"],"dnsSearchDomains":["corp"]`),
			want: []string{"readonlyRootFilesystem is", "user is", "ulimits are", "systemControls are", "privileged mode is", "disableNetworking is", "links are", "extraHosts are", "dnsServers are", "dnsSearchDomains are"},
			paths: []string{c0 + "readonlyRootFilesystem", c0 + "user", c0 + "ulimits", c0 + "systemControls", c0 + "privileged", c0 + "disableNetworking",
				c0 + "links", c0 + "extraHosts", c0 + "dnsServers", c0 + "dnsSearchDomains"}},
		{name: "false booleans and empty lists", td: td(win, `,"privileged":false,"readonlyRootFilesystem":false,"ulimits":[],"links":[]`)},
		{name: "Fargate leaves shared fields to fargate_unsupported_parameter", td: td(win+`"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","ipcMode":"host",`, `,"privileged":true,"links":["db"],"user":"ContainerUser"`),
			want: []string{"user is"}},
		{name: "pidMode task on Fargate Windows", td: td(win+`"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","pidMode":"task",`, ``),
			want: []string{"pidMode is"}, paths: []string{"pidMode"}},
		{name: "task fields", td: td(win+`"ipcMode":"task","pidMode":"host","networkMode":"bridge","volumes":[{"name":"ebs","dockerVolumeConfiguration":{"driver":"rexray/ebs","scope":"shared"}},{"name":"loc","dockerVolumeConfiguration":{"driver":"local"}}],`, ``),
			want:  []string{`volume "ebs": the Docker volume driver "rexray/ebs" is not supported`, "ipcMode is", "pidMode is", `Network mode "bridge" is not supported for Windows containers`},
			paths: []string{"volumes[0].dockerVolumeConfiguration.driver", "ipcMode", "pidMode", "networkMode"}},
		{name: "host network mode", td: td(win+`"networkMode":"host",`, ``), want: []string{`Network mode "host"`}},
		{name: "awsvpc and default network are fine", td: td(win+`"networkMode":"awsvpc",`, ``)},
		{name: "ARM64", td: td(`"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_FULL","cpuArchitecture":"ARM64"},`, ``),
			want: []string{`cpuArchitecture "ARM64" is available only for Linux tasks`}, paths: []string{"runtimePlatform.cpuArchitecture"}},
		{name: "documented only in the 2023 guide: warnings", td: td(win+`"proxyConfiguration":{"type":"APPMESH","containerName":"envoy"},`, `,"firelensConfiguration":{"type":"fluentbit"}`),
			want: []string{"FireLens (firelensConfiguration) is documented as Linux-only", "proxyConfiguration (App Mesh) is documented as not supported"}},
		{name: "Linux", td: td(`"runtimePlatform":{"operatingSystemFamily":"LINUX","cpuArchitecture":"ARM64"},"networkMode":"bridge",`, `,"user":"1000","linuxParameters":{"initProcessEnabled":true}`)},
		{name: "no runtime platform", td: td(``, `,"user":"1000"`)},
		{name: "unknown OS family", td: td(`"runtimePlatform":{"operatingSystemFamily":"(known after apply)"},`, `,"user":"ContainerUser"`)},
		{name: "unknown values", td: td(win+`"networkMode":"(known after apply)","pidMode":"(known after apply)","volumes":[{"name":"v","dockerVolumeConfiguration":{"driver":"(known after apply)"}}],`,
			`,"user":"(known after apply)","privileged":"(known after apply)","ulimits":"(known after apply)","linuxParameters":"(known after apply)","firelensConfiguration":"(known after apply)"`)},
		{name: "unknown container", td: `{` + win + `"containerDefinitions":["(known after apply)"]}`},
	})
}

func TestWindowsDocsOnlyFindingsAreWarnings(t *testing.T) {
	td := parseTD(t, `{"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_FULL"},"proxyConfiguration":{"type":"APPMESH","containerName":"envoy"},"containerDefinitions":[{"name":"a","image":"x","user":"u","firelensConfiguration":{"type":"fluentbit"}}]}`)
	sev := map[string]Severity{}
	for _, f := range Run(td, Config{}) {
		if f.Rule == WindowsUnsupportedParameter {
			sev[f.Path] = f.Severity
		}
	}
	want := map[string]Severity{"proxyConfiguration": Warning, "containerDefinitions[0].firelensConfiguration": Warning, "containerDefinitions[0].user": Error}
	for path, s := range want {
		if got, ok := sev[path]; !ok || got != s {
			t.Errorf("%s: got %v (reported %v), want %s", path, got, ok, s)
		}
	}
}

// TestWindowsFargatePidModeIsWarning: Fargate registers a Windows task definition with pidMode "task" (a
// public module's end-to-end tests apply one), so AWS may accept it: a warning there, an error on EC2.
func TestWindowsFargatePidModeIsWarning(t *testing.T) {
	for _, c := range []struct {
		launch string
		want   Severity
	}{{`"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc",`, Warning}, {`"requiresCompatibilities":["EC2"],`, Error}} {
		td := parseTD(t, `{"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"cpu":"1024","memory":"2048",`+c.launch+`"pidMode":"task","containerDefinitions":[{"name":"a","image":"x","memory":512}]}`)
		var got []Severity
		for _, f := range Run(td, Config{}) {
			if f.Rule == WindowsUnsupportedParameter && f.Path == "pidMode" {
				got = append(got, f.Severity)
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s pidMode task: severities %v, want [%s]", c.launch, got, c.want)
		}
	}
}
