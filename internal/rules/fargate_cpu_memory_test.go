package rules

import "testing"

func TestFargateCPUMemory(t *testing.T) {
	const c = `"containerDefinitions":[{"name":"a","image":"x"}]`
	runRule(t, FargateCPUMemory, []ruleCase{
		{name: "256 with 4096 lists the valid memory", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096",` + c + `}`,
			want: []string{`with 256 CPU units, memory must be 512, 1024 or 2048 MiB`}, paths: []string{"memory"}},
		{name: "nearest sizes", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096",` + c + `}`,
			want: []string{`Nearest valid sizes: cpu "256" with memory "2048"; cpu "512" with memory "4096"`}},
		{name: "cpu not on the table", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"3072","memory":"8192",` + c + `}`,
			want: []string{"Fargate accepts cpu 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units"}, paths: []string{"cpu"}},
		{name: "windows below 1 vCPU", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"1024","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},` + c + `}`,
			want: []string{"on Windows, Fargate accepts cpu 1024, 2048 or 4096"}},
		{name: "unparseable cpu", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"one core","memory":"2048",` + c + `}`,
			want: []string{`Cpu "one core" is neither`}},
		{name: "with EC2 too the Fargate table applies", td: `{"requiresCompatibilities":["EC2","FARGATE"],"cpu":"1024","memory":"1024",` + c + `}`,
			want: []string{"memory must be 2048 to 8192 in steps of 1024"}},
		{name: "1 vCPU with 3 GB passes", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"1 vCPU","memory":"3 GB",` + c + `}`},
		{name: "every form", td: `{"requiresCompatibilities":["FARGATE"],"cpu":".25 vcpu","memory":"2GB",` + c + `}`},
		{name: "8 vCPU with 20 GB passes", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"8192","memory":"20480",` + c + `}`},
		{name: "windows 1 vCPU passes", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"1024","memory":"2048","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2019_FULL"},` + c + `}`},
		{name: "EC2 only is not checked", td: `{"requiresCompatibilities":["EC2"],"cpu":"256","memory":"4096",` + c + `}`},
		{name: "unknown memory is silent", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"(known after apply)",` + c + `}`},
		{name: "unknown compatibilities are silent", td: `{"requiresCompatibilities":"(known after apply)","cpu":"256","memory":"4096",` + c + `}`},
		{name: "unknown OS: valid on Linux is silent", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","runtimePlatform":{"operatingSystemFamily":"(known after apply)"},` + c + `}`},
		{name: "unknown OS: invalid everywhere reports", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096","runtimePlatform":{"operatingSystemFamily":"(known after apply)"},` + c + `}`,
			want: []string{"memory must be 512, 1024 or 2048"}},
		{name: "missing memory is another rule's", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256",` + c + `}`},
	})
}
