package rules

import "testing"

func TestFargateLogDriver(t *testing.T) {
	td := func(compat, driver string) string {
		return `{"requiresCompatibilities":[` + compat + `],"containerDefinitions":[{"name":"web","image":"x","logConfiguration":{"logDriver":` + driver + `}}]}`
	}
	runRule(t, FargateLogDriver, []ruleCase{
		{name: "json-file on Fargate", td: td(`"FARGATE"`, `"json-file"`),
			want:  []string{`container "web": log driver "json-file" is not supported on Fargate`},
			paths: []string{"containerDefinitions[0].logConfiguration.logDriver"}},
		{name: "fluentd on Fargate and EC2", td: td(`"EC2","FARGATE"`, `"fluentd"`), want: []string{`log driver "fluentd"`}},
		{name: "awslogs", td: td(`"FARGATE"`, `"awslogs"`)},
		{name: "splunk", td: td(`"FARGATE"`, `"splunk"`)},
		{name: "awsfirelens", td: td(`"FARGATE"`, `"awsfirelens"`)},
		{name: "json-file on EC2", td: td(`"EC2"`, `"json-file"`)},
		{name: "not an enum value is invalid_enum's", td: td(`"FARGATE"`, `"logentries"`)},
		{name: "no log configuration", td: `{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"x"}]}`},
		{name: "unknown driver", td: td(`"FARGATE"`, `"(known after apply)"`)},
		{name: "unknown log configuration", td: `{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"web","image":"x","logConfiguration":"(known after apply)"}]}`},
		{name: "unknown compatibility", td: td(`"(known after apply)"`, `"syslog"`)},
	})
}
