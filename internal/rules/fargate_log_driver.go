package rules

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// fargateLogDrivers are the log drivers Fargate supports (ecs-facts 8.7).
var fargateLogDrivers = []types.LogDriver{types.LogDriverAwslogs, types.LogDriverSplunk, types.LogDriverAwsfirelens}

// FargateLogDriver: Fargate supports only the awslogs, splunk and
// awsfirelens log drivers (ecs-facts 8.7).
var FargateLogDriver = register(&Rule{
	Meta: Meta{
		Name:     "fargate_log_driver",
		Severity: Error,
		Title:    "Log driver not supported on Fargate",
		Summary:  "Log driver other than awslogs, splunk or awsfirelens under FARGATE.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		},
	},
	Check: func(p *Pass) {
		if p.TD.Fargate() != taskdef.Yes {
			return
		}
		for _, c := range p.TD.ContainerDefinitions.Items {
			if c.LogConfiguration == nil {
				continue
			}
			d, ok := c.LogConfiguration.LogDriver.Get()
			// Values outside the API's enum are invalid_enum's.
			if !ok || slices.Contains(fargateLogDrivers, d) || !slices.Contains(d.Values(), d) {
				continue
			}
			p.Report(c.LogConfiguration.LogDriver, "%s: log driver %q is not supported on Fargate, and the task requires FARGATE compatibility; Fargate supports only the awslogs, splunk and awsfirelens log drivers. Use awslogs (CloudWatch Logs), or awsfirelens to route the logs to another destination through a Fluent Bit or Fluentd sidecar.", c.Label(), d)
		}
	},
})
