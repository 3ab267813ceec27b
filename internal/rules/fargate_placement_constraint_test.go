package rules

import "testing"

func TestFargatePlacementConstraint(t *testing.T) {
	const c = `"containerDefinitions":[{"name":"a","image":"x"}]`
	runRule(t, FargatePlacementConstraint, []ruleCase{
		{name: "fargate with memberOf", td: `{"requiresCompatibilities":["FARGATE"],"placementConstraints":[{"type":"memberOf","expression":"attribute:ecs.instance-type == t3.small"}],` + c + `}`,
			want: []string{"Fargate does not support placement constraints"}, paths: []string{"placementConstraints[0]"}},
		{name: "EC2 with memberOf", td: `{"requiresCompatibilities":["EC2"],"placementConstraints":[{"type":"memberOf","expression":"attribute:ecs.instance-type == t3.small"}],` + c + `}`},
		{name: "fargate without", td: `{"requiresCompatibilities":["FARGATE"],"placementConstraints":[],` + c + `}`},
		{name: "unknown list", td: `{"requiresCompatibilities":["FARGATE"],"placementConstraints":"(known after apply)",` + c + `}`},
		{name: "unknown compatibility", td: `{"requiresCompatibilities":"(known after apply)","placementConstraints":[{"type":"memberOf","expression":"x == y"}],` + c + `}`},
	})
}
