package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// FirelensConfiguration: the awsfirelens log driver and a FireLens log
// router (a container with firelensConfiguration) need each other
// (ecs-facts 12.9, 12.10); on Fargate the router's configuration file cannot
// come from S3 (8.9). A limit of one FireLens container per task is not
// confirmed by AWS (12.11) and is not checked.
var FirelensConfiguration = register(&Rule{
	Meta: Meta{
		Name:     "firelens_configuration",
		Severity: Error,
		Title:    "FireLens log driver and log router do not match",
		Summary:  "awsfirelens log driver without a FireLens container, a FireLens container without any container using awsfirelens, or an S3 configuration file on Fargate.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html",
		},
	},
	Check: checkFirelensConfiguration,
})

func checkFirelensConfiguration(p *Pass) {
	l := p.TD.ContainerDefinitions
	if l.Unknown {
		return
	}
	var users, routers []*taskdef.Container
	maybeUser, maybeRouter := false, false
	for _, c := range l.Items {
		if lc := c.LogConfiguration; lc != nil {
			switch {
			case lc.LogDriver.Unknown:
				maybeUser = true
			case lc.LogDriver.Is(types.LogDriverAwsfirelens):
				users = append(users, c)
			}
		}
		if fc := c.FirelensConfiguration; fc != nil {
			switch {
			case fc.Unknown:
				maybeRouter = true
			case fc.Set:
				routers = append(routers, c)
			}
		}
	}
	if len(routers) == 0 && !maybeRouter {
		for _, c := range users {
			p.Report(c.LogConfiguration.LogDriver, "%s uses the awsfirelens log driver, but no container in the task has a firelensConfiguration; ECS rejects it (\"When awsfirelens log driver is specified in log configuration, a firelens configuration object must be configured in one of the containers.\"). Add a log router container with firelensConfiguration (for example type \"fluentbit\" with the aws-for-fluent-bit image), or use another log driver such as awslogs.", c.Label())
		}
	}
	if len(users) == 0 && !maybeUser {
		for _, c := range routers {
			p.Report(c.FirelensConfiguration, "%s has a firelensConfiguration, but no container in the task uses the awsfirelens log driver; ECS rejects it (\"When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.\"). Set logConfiguration.logDriver to \"awsfirelens\" on the containers whose logs the router should handle, or remove the firelensConfiguration.", c.Label())
		}
	}
	if p.TD.Fargate() != taskdef.Yes {
		return
	}
	for _, c := range routers {
		cft := c.FirelensConfiguration.Options.Entries["config-file-type"]
		if v, ok := cft.Get(); ok && strings.EqualFold(v, "s3") {
			p.Report(cft, "%s: FireLens config-file-type \"s3\" is not supported on Fargate, and the task requires FARGATE compatibility; tasks on Fargate only support the \"file\" configuration file type. Build the configuration file into the log router image (or mount it) and set config-file-type to \"file\" with config-file-value as its path.", c.Label())
		}
	}
}
