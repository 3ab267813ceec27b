package rules

import "testing"

func TestFargateTaskSizeRequired(t *testing.T) {
	const c = `"containerDefinitions":[{"name":"a","image":"x"}]`
	runRule(t, FargateTaskSizeRequired, []ruleCase{
		{name: "no cpu or memory", td: `{"requiresCompatibilities":["FARGATE"],` + c + `}`,
			want: []string{"sets no task-level cpu", "sets no task-level memory"}, paths: []string{"cpu", "memory"}},
		{name: "no memory", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256",` + c + `}`, want: []string{"task-level memory"}},
		{name: "both set", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512",` + c + `}`},
		{name: "EC2 may omit them", td: `{"requiresCompatibilities":["EC2"],` + c + `}`},
		{name: "unknown cpu is silent", td: `{"requiresCompatibilities":["FARGATE"],"cpu":"(known after apply)","memory":"512",` + c + `}`},
		{name: "unknown compatibility is silent", td: `{"requiresCompatibilities":["(known after apply)"],` + c + `}`},
	})
}
