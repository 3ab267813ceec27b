package rules

import "testing"

func TestExecutionRoleRequired(t *testing.T) {
	td := func(task, container string) string {
		return `{` + task + `"containerDefinitions":[{"name":"web","image":"nginx"` + container + `}]}`
	}
	const fargate = `"requiresCompatibilities":["FARGATE"],`
	const ecr = `,"image":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1"`
	const awslogs = `,"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"g","awslogs-region":"eu-west-1","awslogs-stream-prefix":"ecs"}}`
	const secrets = `,"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]`
	c0 := "containerDefinitions[0]."
	runRule(t, ExecutionRoleRequired, []ruleCase{
		{name: "secrets", td: td(``, secrets),
			want:  []string{`container "web": the container has secrets but the task has no executionRoleArn; ECS rejects it ("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.")`},
			paths: []string{c0 + "secrets"}},
		{name: "empty secrets list", td: td(``, `,"secrets":[]`), want: []string{"even an empty one"}},
		{name: "empty role string", td: td(`"executionRoleArn":"",`, secrets), want: []string{"has secrets"}},
		{name: "repository credentials", td: td(``, `,"repositoryCredentials":{"credentialsParameter":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:hub"}`),
			want: []string{"Private repository authentication requires"}, paths: []string{c0 + "repositoryCredentials"}},
		{name: "Fargate ECR image and awslogs", td: td(fargate, ecr+awslogs),
			want:  []string{"to support ECR images.", "to support log driver awslogs."},
			paths: []string{c0 + "image", c0 + "logConfiguration.logDriver"}},
		{name: "China Region ECR", td: td(fargate, `,"image":"123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web:1"`), want: []string{"ECR images"}},
		{name: "secretOptions", td: td(``, `,"logConfiguration":{"logDriver":"splunk","secretOptions":[{"name":"splunk-token","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/t"}]}`),
			want: []string{"secretOptions are fetched with the task execution role"}, paths: []string{c0 + "logConfiguration.secretOptions"}},
		{name: "environment files warn", td: td(``, `,"environmentFiles":[{"value":"arn:aws:s3:::bucket/web.env","type":"s3"}]`),
			want: []string{"environmentFiles are downloaded from Amazon S3"}},
		{name: "EC2 with ECR image and awslogs", td: td(`"requiresCompatibilities":["EC2"],`, ecr+awslogs)},
		{name: "Fargate with Docker Hub and ECR Public images", td: `{` + fargate + `"containerDefinitions":[{"name":"a","image":"nginx:1"},{"name":"b","image":"public.ecr.aws/nginx/nginx:1"}]}`},
		{name: "role set", td: td(fargate+`"executionRoleArn":"arn:aws:iam::123456789012:role/exec",`, ecr+awslogs+secrets)},
		{name: "unknown role", td: td(fargate+`"executionRoleArn":"(known after apply)",`, ecr+awslogs+secrets)},
		{name: "unknown values", td: td(fargate, `,"image":"(known after apply)","secrets":"(known after apply)","repositoryCredentials":"(known after apply)","environmentFiles":"(known after apply)","logConfiguration":{"logDriver":"(known after apply)","secretOptions":"(known after apply)"}`)},
		{name: "unknown compatibility", td: td(`"requiresCompatibilities":"(known after apply)",`, ecr+awslogs)},
	})
}

func TestEnvironmentFilesWithoutRoleIsOnlyAWarning(t *testing.T) {
	td := parseTD(t, `{"containerDefinitions":[{"name":"web","image":"x","environmentFiles":[{"value":"arn:aws:s3:::b/a.env","type":"s3"}]}]}`)
	n := 0
	for _, f := range Run(td, Config{}) {
		if f.Rule == ExecutionRoleRequired {
			n++
			if f.Severity != Warning {
				t.Errorf("a registration-time check for environmentFiles is not confirmed (ecs-facts 12.5); got %s", f.Severity)
			}
		}
	}
	if n != 1 {
		t.Errorf("got %d execution_role_required findings, want 1", n)
	}
}
