package rules

import "testing"

func TestContainerMemoryRequired(t *testing.T) {
	runRule(t, ContainerMemoryRequired, []ruleCase{
		{name: "ec2 without any memory", td: `{"containerDefinitions":[{"name":"web","image":"x","memory":256},{"name":"side","image":"x"}]}`,
			want:  []string{`container "side" sets neither memory nor memoryReservation, and the task sets no task-level memory; ECS rejects the task definition ("Invalid setting for container 'side'. At least one of 'memory' or 'memoryReservation' must be specified.")`},
			paths: []string{"containerDefinitions[1]"}},
		{name: "zero counts as not set", td: `{"requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"x","memory":0}]}`, want: []string{"(0 counts as not set)"}},
		{name: "reservation is enough", td: `{"containerDefinitions":[{"name":"web","image":"x","memoryReservation":128}]}`},
		{name: "task memory is enough", td: `{"memory":"512","containerDefinitions":[{"name":"web","image":"x"}]}`},
		{name: "fargate is fargate_task_size_required's", td: `{"requiresCompatibilities":["FARGATE","EC2"],"containerDefinitions":[{"name":"web","image":"x"}]}`},
		{name: "windows ignores task memory on ec2", td: `{"memory":"2048","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"containerDefinitions":[{"name":"iis","image":"x"}]}`,
			want: []string{"task-level memory is ignored for Windows containers on EC2"}},
		{name: "windows on fargate uses task memory", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"1024","memory":"2048","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"containerDefinitions":[{"name":"iis","image":"x"}]}`},
		{name: "managed instances is a warning", td: `{"requiresCompatibilities":["MANAGED_INSTANCES"],"containerDefinitions":[{"name":"web","image":"x"}]}`, want: []string{"on Managed Instances ECS sizes the task from its containers"}},
		{name: "unknown task memory", td: `{"memory":"(known after apply)","containerDefinitions":[{"name":"web","image":"x"}]}`},
		{name: "unknown container memory", td: `{"containerDefinitions":[{"name":"web","image":"x","memory":"(known after apply)"}]}`},
		{name: "unknown compatibilities", td: `{"requiresCompatibilities":"(known after apply)","containerDefinitions":[{"name":"web","image":"x"}]}`},
		{name: "unknown container", td: `{"containerDefinitions":["(known after apply)"]}`},
	})
	// The severity matters as much as the message: a disputed case is a warning.
	td := parseTD(t, `{"memory":"2048","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_FULL"},"containerDefinitions":[{"name":"iis","image":"x"}]}`)
	for _, f := range Run(td, Config{Skip: func(n string) bool { return n != ContainerMemoryRequired.Name }}) {
		if f.Severity != Warning {
			t.Errorf("Windows finding has severity %s, want warning", f.Severity)
		}
	}
}
