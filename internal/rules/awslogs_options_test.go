package rules

import "testing"

func TestAwslogsOptions(t *testing.T) {
	td := func(compat, options string) string {
		return `{"requiresCompatibilities":[` + compat + `],"containerDefinitions":[{"name":"web","image":"x","logConfiguration":{"logDriver":"awslogs"` + options + `}}]}`
	}
	const full = `,"options":{"awslogs-group":"/ecs/web","awslogs-region":"eu-west-1","awslogs-stream-prefix":"ecs"}`
	runRule(t, AwslogsOptions, []ruleCase{
		{name: "no options on EC2", td: td(`"EC2"`, ``),
			want:  []string{`container "web": the awslogs log configuration lacks "awslogs-group" and "awslogs-region"; the awslogs driver requires awslogs-group and awslogs-region`},
			paths: []string{"containerDefinitions[0].logConfiguration"}},
		{name: "no options on Fargate", td: td(`"FARGATE"`, ``),
			want: []string{`lacks "awslogs-group", "awslogs-region" and "awslogs-stream-prefix"; on Fargate`}},
		{name: "Fargate without prefix", td: td(`"FARGATE"`, `,"options":{"awslogs-group":"g","awslogs-region":"eu-west-1"}`),
			want: []string{`lacks "awslogs-stream-prefix"`}, paths: []string{"containerDefinitions[0].logConfiguration.options"}},
		{name: "EC2 without prefix", td: td(`"EC2"`, `,"options":{"awslogs-group":"g","awslogs-region":"eu-west-1"}`)},
		{name: "null region", td: td(`"EC2"`, `,"options":{"awslogs-group":"g","awslogs-region":null}`), want: []string{`lacks "awslogs-region"`}},
		{name: "complete on Fargate", td: td(`"FARGATE"`, full)},
		{name: "datetime and multiline", td: td(`"EC2"`, `,"options":{"awslogs-group":"g","awslogs-region":"r","awslogs-datetime-format":"%Y-%m-%d","awslogs-multiline-pattern":"^INFO"}`),
			want:  []string{"awslogs-datetime-format and awslogs-multiline-pattern are both set"},
			paths: []string{`containerDefinitions[0].logConfiguration.options["awslogs-multiline-pattern"]`}},
		{name: "bad mode", td: td(`"EC2"`, `,"options":{"awslogs-group":"g","awslogs-region":"r","mode":"async"}`),
			want: []string{`awslogs option mode is neither "blocking" nor "non-blocking"`}},
		{name: "good modes", td: td(`"EC2"`, `,"options":{"awslogs-group":"g","awslogs-region":"r","mode":"blocking"}`)},
		{name: "other driver", td: `{"containerDefinitions":[{"name":"web","image":"x","logConfiguration":{"logDriver":"splunk","options":{}}}]}`},
		{name: "unknown options map", td: td(`"FARGATE"`, `,"options":"(known after apply)"`)},
		{name: "unknown single options", td: td(`"FARGATE"`, `,"options":{"awslogs-group":"(known after apply)","awslogs-region":"(known after apply)","awslogs-stream-prefix":"(known after apply)","awslogs-datetime-format":"(known after apply)","awslogs-multiline-pattern":"x","mode":"(known after apply)"}`)},
		{name: "unknown region only", td: td(`"FARGATE"`, `,"options":{"awslogs-region":"(known after apply)","awslogs-stream-prefix":"ecs"}`), want: []string{`lacks "awslogs-group";`}},
		{name: "unknown driver", td: `{"containerDefinitions":[{"name":"web","image":"x","logConfiguration":{"logDriver":"(known after apply)"}}]}`},
		{name: "unknown compatibility needs no prefix", td: td(`"(known after apply)"`, `,"options":{"awslogs-group":"g","awslogs-region":"r"}`)},
	})
}
