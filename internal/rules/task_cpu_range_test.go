package rules

import "testing"

func TestTaskCPURange(t *testing.T) {
	td := func(extra string) string {
		return `{"family":"f",` + extra + `"containerDefinitions":[{"name":"web","image":"x","memory":512}]}`
	}
	runRule(t, TaskCPURange, []ruleCase{
		{name: "below 128", td: td(`"cpu":"64",`),
			want:  []string{`Task cpu 64 (.063 vCPU) is below the minimum that ECS accepts for tasks on EC2 and EXTERNAL instances: 128 to 196608 CPU units`},
			paths: []string{"cpu"}},
		{name: "above 192 vCPU", td: td(`"requiresCompatibilities":["EC2"],"cpu":"256 vCPU",`), want: []string{"262144 (256 vCPU) is above the maximum"}},
		{name: "external", td: td(`"requiresCompatibilities":["EXTERNAL"],"cpu":"100",`), want: []string{"below the minimum"}},
		{name: "unparseable cpu", td: td(`"cpu":"one core",`), want: []string{`Task cpu "one core" is neither a number of CPU units`}, paths: []string{"cpu"}},
		{name: "unparseable memory", td: td(`"memory":"2 gigs",`), want: []string{`Task memory "2 gigs" is neither a number of MiB`}, paths: []string{"memory"}},
		{name: "both wrong", td: td(`"cpu":"1 core","memory":"lots",`), want: []string{`cpu "1 core"`, `memory "lots"`}},
		{name: "minimum", td: td(`"cpu":"128",`)},
		{name: "eighth vCPU", td: td(`"cpu":".125 vCPU","memory":"0.5 GB",`)},
		{name: "maximum", td: td(`"cpu":"196608","memory":"786432",`)},
		{name: "any memory on EC2", td: td(`"cpu":"1 vcpu","memory":"100",`)},
		{name: "omitted", td: td(``)},
		{name: "Fargate is fargate_cpu_memory's", td: td(`"requiresCompatibilities":["FARGATE"],"cpu":"64","memory":"lots",`)},
		{name: "EC2 and Fargate is fargate_cpu_memory's", td: td(`"requiresCompatibilities":["EC2","FARGATE"],"cpu":"one",`)},
		{name: "unknown cpu", td: td(`"cpu":"(known after apply)","memory":"(known after apply)",`)},
		{name: "unknown compatibilities: bounds hold on every launch type", td: td(`"requiresCompatibilities":"(known after apply)","cpu":"64",`), want: []string{"below the minimum"}},
		{name: "Windows", td: td(`"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"cpu":"64",`), want: []string{"ignored for Windows containers"}},
	})
	wantSeverities(t, TaskCPURange, td(`"cpu":"64",`), Error)
	wantSeverities(t, TaskCPURange, td(`"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"cpu":"64","memory":"x"`+`,`), Warning, Warning)
	wantSeverities(t, TaskCPURange, td(`"requiresCompatibilities":["MANAGED_INSTANCES"],"cpu":"64",`), Warning)
	wantSeverities(t, TaskCPURange, td(`"requiresCompatibilities":["MANAGED_INSTANCES"],"cpu":"64 units",`), Error)
}
