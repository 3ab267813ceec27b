package rules

import "testing"

func TestContainerMemory(t *testing.T) {
	runRule(t, ContainerMemory, []ruleCase{
		{name: "reservation above memory", td: `{"containerDefinitions":[{"name":"web","image":"x","memory":256,"memoryReservation":512}]}`,
			want: []string{`container "web": memoryReservation 512 MiB is greater than memory 256 MiB`}, paths: []string{"containerDefinitions[0].memoryReservation"}},
		{name: "reservation equal to memory warns", td: `{"containerDefinitions":[{"name":"web","image":"x","memory":256,"memoryReservation":256}]}`,
			want: []string{"memoryReservation equals memory (256 MiB)"}},
		{name: "reservation below memory", td: `{"containerDefinitions":[{"name":"web","image":"x","memory":512,"memoryReservation":256}]}`},
		{name: "container memory above task memory", td: `{"memory":"1 GB","containerDefinitions":[{"name":"web","image":"x","memory":2048}]}`,
			want: []string{`container "web": memory 2048 MiB is greater than the task memory 1024 MiB; ECS rejects the task definition ("The 'memory' setting for container 'web' is greater than for the task.")`}, paths: []string{"containerDefinitions[0].memory"}},
		{name: "container memory equal to task memory", td: `{"memory":"2048","containerDefinitions":[{"name":"web","image":"x","memory":2048}]}`},
		{name: "reservations above task memory", td: `{"memory":"1024","containerDefinitions":[{"name":"a","image":"x","memoryReservation":768},{"name":"b","image":"x","memoryReservation":512},{"name":"c","image":"x"}]}`,
			want: []string{`The containers' memoryReservation values add up to 1280 MiB ("a" 768, "b" 512), more than the task memory 1024 MiB`}, paths: []string{"memory"}},
		{name: "reservations equal to task memory", td: `{"memory":"1024","containerDefinitions":[{"name":"a","image":"x","memoryReservation":512},{"name":"b","image":"x","memoryReservation":512}]}`},
		{name: "windows on ec2 warns", td: `{"memory":"1024","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_FULL"},"containerDefinitions":[{"name":"a","image":"x","memory":2048}]}`,
			want: []string{"Task-level sizes are ignored for Windows containers on EC2"}},
		{name: "malformed task memory is someone else's", td: `{"memory":"lots","containerDefinitions":[{"name":"a","image":"x","memory":2048}]}`},
		{name: "unknown task memory", td: `{"memory":"(known after apply)","containerDefinitions":[{"name":"a","image":"x","memory":4096}]}`},
		{name: "unknown reservation", td: `{"memory":"1024","containerDefinitions":[{"name":"a","image":"x","memoryReservation":1024},{"name":"b","image":"x","memoryReservation":"(known after apply)"}]}`},
		{name: "unknown memory", td: `{"containerDefinitions":[{"name":"a","image":"x","memory":"(known after apply)","memoryReservation":512}]}`},
		{name: "unknown os", td: `{"memory":"1024","runtimePlatform":{"operatingSystemFamily":"(known after apply)"},"containerDefinitions":[{"name":"a","image":"x","memory":2048}]}`},
	})
	td := parseTD(t, `{"containerDefinitions":[{"name":"web","image":"x","memory":256,"memoryReservation":256}]}`)
	fs := Run(td, Config{Skip: func(n string) bool { return n != ContainerMemory.Name }})
	if len(fs) != 1 || fs[0].Severity != Warning {
		t.Errorf("equal memory and reservation: got %v, want one warning", fs)
	}
}
