package rules

import "testing"

func TestFargateNetworkMode(t *testing.T) {
	const c = `"containerDefinitions":[{"name":"a","image":"x"}]`
	runRule(t, FargateNetworkMode, []ruleCase{
		{name: "omitted means bridge", td: `{"requiresCompatibilities":["FARGATE"],` + c + `}`, want: []string{"sets no network mode, which means bridge"}, paths: []string{"networkMode"}},
		{name: "bridge", td: `{"requiresCompatibilities":["FARGATE"],"networkMode":"bridge",` + c + `}`, want: []string{`uses network mode "bridge"`}},
		{name: "awsvpc", td: `{"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc",` + c + `}`},
		{name: "EC2 bridge", td: `{"requiresCompatibilities":["EC2"],"networkMode":"bridge",` + c + `}`},
		{name: "unknown mode", td: `{"requiresCompatibilities":["FARGATE"],"networkMode":"(known after apply)",` + c + `}`},
	})
}
