package rules

import "testing"

func TestFirelensConfiguration(t *testing.T) {
	const router = `{"name":"log_router","image":"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable","firelensConfiguration":{"type":"fluentbit"}}`
	const user = `{"name":"app","image":"x","logConfiguration":{"logDriver":"awsfirelens","options":{"Name":"cloudwatch"}}}`
	const plain = `{"name":"app","image":"x"}`
	td := func(containers ...string) string {
		s := `{"containerDefinitions":[`
		for i, c := range containers {
			if i > 0 {
				s += ","
			}
			s += c
		}
		return s + `]}`
	}
	runRule(t, FirelensConfiguration, []ruleCase{
		{name: "awsfirelens without router", td: td(user),
			want:  []string{`container "app" uses the awsfirelens log driver, but no container in the task has a firelensConfiguration; ECS rejects it ("When awsfirelens log driver is specified`},
			paths: []string{"containerDefinitions[0].logConfiguration.logDriver"}},
		{name: "router without users", td: td(router, plain),
			want:  []string{`container "log_router" has a firelensConfiguration, but no container in the task uses the awsfirelens log driver`},
			paths: []string{"containerDefinitions[0].firelensConfiguration"}},
		{name: "router and user", td: td(router, user)},
		{name: "neither", td: td(plain)},
		{name: "router may use it for itself", td: td(`{"name":"log_router","image":"x","firelensConfiguration":{"type":"fluentd"},"logConfiguration":{"logDriver":"awsfirelens"}}`)},
		{name: "s3 config on Fargate", td: `{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[` + user + `,{"name":"log_router","image":"x","firelensConfiguration":{"type":"fluentbit","options":{"config-file-type":"s3","config-file-value":"arn:aws:s3:::b/f.conf"}}}]}`,
			want:  []string{`config-file-type "s3" is not supported on Fargate`},
			paths: []string{`containerDefinitions[1].firelensConfiguration.options["config-file-type"]`}},
		{name: "s3 config on EC2", td: `{"requiresCompatibilities":["EC2"],"containerDefinitions":[` + user + `,{"name":"log_router","image":"x","firelensConfiguration":{"type":"fluentbit","options":{"config-file-type":"s3","config-file-value":"arn:aws:s3:::b/f.conf"}}}]}`},
		{name: "file config on Fargate", td: `{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[` + user + `,{"name":"log_router","image":"x","firelensConfiguration":{"type":"fluentbit","options":{"config-file-type":"file","config-file-value":"/extra.conf"}}}]}`},
		{name: "unknown router", td: td(user, `{"name":"log_router","image":"x","firelensConfiguration":"(known after apply)"}`)},
		{name: "unknown log driver", td: td(router, `{"name":"app","image":"x","logConfiguration":{"logDriver":"(known after apply)"}}`)},
		{name: "unknown container", td: td(user, `"(known after apply)"`)},
		{name: "unknown config file type", td: `{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[` + user + `,{"name":"log_router","image":"x","firelensConfiguration":{"type":"fluentbit","options":{"config-file-type":"(known after apply)"}}}]}`},
	})
}
