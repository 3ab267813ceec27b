package rules

import "testing"

func TestContainerCPU(t *testing.T) {
	runRule(t, ContainerCPU, []ruleCase{
		{name: "sum above task cpu", td: `{"cpu":"1 vCPU","containerDefinitions":[{"name":"a","image":"x","cpu":768},{"name":"b","image":"x","cpu":512},{"name":"c","image":"x"}]}`,
			want:  []string{`The containers' cpu values add up to 1280 CPU units ("a" 768, "b" 512), more than the task cpu 1024 units; ECS rejects the task definition ("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.")`},
			paths: []string{"cpu"}},
		{name: "sum equal to task cpu", td: `{"cpu":"1024","containerDefinitions":[{"name":"a","image":"x","cpu":512},{"name":"b","image":"x","cpu":512}]}`},
		{name: "no task cpu", td: `{"containerDefinitions":[{"name":"a","image":"x","cpu":4096}]}`},
		{name: "windows on ec2 warns", td: `{"cpu":"1024","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_FULL"},"containerDefinitions":[{"name":"a","image":"x","cpu":2048}]}`,
			want: []string{"Task-level sizes are ignored for Windows containers on EC2"}},
		{name: "unknown container cpu", td: `{"cpu":"256","containerDefinitions":[{"name":"a","image":"x","cpu":512},{"name":"b","image":"x","cpu":"(known after apply)"}]}`},
		{name: "unknown task cpu", td: `{"cpu":"(known after apply)","containerDefinitions":[{"name":"a","image":"x","cpu":512}]}`},
		{name: "unknown container", td: `{"cpu":"256","containerDefinitions":[{"name":"a","image":"x","cpu":512},"(known after apply)"]}`},
	})
}
