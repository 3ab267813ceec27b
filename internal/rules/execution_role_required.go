package rules

import (
	"regexp"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// ecrImage matches an image in a private Amazon ECR registry:
// <account>.dkr.ecr.<region>.amazonaws.com/<repository> (also the FIPS and
// China-Region host names).
var ecrImage = regexp.MustCompile(`^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/`)

// ExecutionRoleRequired: what ECS does on the task's behalf before the
// containers start needs the task execution role (ecs-facts 12.1–12.5).
var ExecutionRoleRequired = register(&Rule{
	Meta: Meta{
		Name:     "execution_role_required",
		Severity: Error,
		Title:    "Task execution role missing",
		Summary:  "secrets, log secretOptions, repositoryCredentials, or on Fargate awslogs or an ECR image, without executionRoleArn (environmentFiles: a warning).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html",
		},
	},
	Check: checkExecutionRoleRequired,
})

func checkExecutionRoleRequired(p *Pass) {
	td := p.TD
	if arn, ok := td.ExecutionRoleArn.Get(); td.ExecutionRoleArn.Unknown || (ok && arn != "") {
		return
	}
	fargate := td.Fargate() == taskdef.Yes
	const set = "Set executionRoleArn to an IAM role that ecs-tasks.amazonaws.com can assume"
	for _, c := range td.ContainerDefinitions.Items {
		who := c.Label()
		if s := c.Secrets; s.Set && !s.Unknown {
			if len(s.Items) == 0 {
				p.Report(s, "%s: secrets is an empty list and the task has no executionRoleArn; ECS rejects any secrets list without an execution role, even an empty one (\"When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.\"). Remove the empty secrets list, or set executionRoleArn to an IAM role that ecs-tasks.amazonaws.com can assume.", who)
			} else {
				p.Report(s, "%s: the container has secrets but the task has no executionRoleArn; ECS rejects it (\"When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.\"). %s and may read the secrets (secretsmanager:GetSecretValue, ssm:GetParameters, and kms:Decrypt for a customer managed key).", who, set)
			}
		}
		if rc := c.RepositoryCredentials; rc != nil && rc.Set {
			p.Report(rc, "%s: repositoryCredentials are set but the task has no executionRoleArn; ECS rejects it (\"Private repository authentication requires that the task definition specify a value for executionRoleArn.\"). %s and may read the credentials secret (secretsmanager:GetSecretValue).", who, set)
		}
		if img, ok := c.Image.Get(); ok && fargate && ecrImage.MatchString(img) {
			p.Report(c.Image, "%s: the image is in Amazon ECR and the task requires FARGATE compatibility, but the task has no executionRoleArn; ECS rejects it (\"Fargate requires task definition to have execution role ARN to support ECR images.\"). %s with the AmazonECSTaskExecutionRolePolicy managed policy (it allows pulling from ECR).", who, set)
		}
		if ef := c.EnvironmentFiles; ef.Set && !ef.Unknown && len(ef.Items) > 0 {
			p.ReportSeverity(Warning, ef, "%s: environmentFiles are downloaded from Amazon S3 with the task execution role, but the task has no executionRoleArn, so the container cannot get them (whether ECS already rejects the task definition is not confirmed). %s and may read the files (s3:GetObject, s3:GetBucketLocation).", who, set)
		}
		lc := c.LogConfiguration
		if lc == nil {
			continue
		}
		if fargate && lc.LogDriver.Is(types.LogDriverAwslogs) {
			p.Report(lc.LogDriver, "%s: the awslogs log driver on Fargate sends logs with the task execution role, but the task has no executionRoleArn; ECS rejects it (\"Fargate requires task definition to have execution role ARN to support log driver awslogs.\"). %s with the AmazonECSTaskExecutionRolePolicy managed policy (it allows logs:CreateLogStream and logs:PutLogEvents).", who, set)
		}
		if so := lc.SecretOptions; so.Set && !so.Unknown && len(so.Items) > 0 {
			p.Report(so, "%s: logConfiguration.secretOptions are fetched with the task execution role, but the task has no executionRoleArn, so the log driver cannot get its secrets. %s and may read the secrets (secretsmanager:GetSecretValue or ssm:GetParameters).", who, set)
		}
	}
}
