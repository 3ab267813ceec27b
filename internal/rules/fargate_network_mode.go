package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// FargateNetworkMode: Fargate tasks must use awsvpc (ecs-facts 6.3).
var FargateNetworkMode = register(&Rule{
	Meta: Meta{
		Name:     "fargate_network_mode",
		Severity: Error,
		Title:    "Fargate task without awsvpc network mode",
		Summary:  "FARGATE compatibility with a network mode other than awsvpc (an omitted mode means bridge).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if td.Fargate() != taskdef.Yes || td.NetworkMode.Unknown {
			return
		}
		switch {
		case !td.NetworkMode.Set:
			p.Report(td.NetworkMode, "The task requires FARGATE compatibility but sets no network mode, which means bridge; Fargate supports only the awsvpc network mode. Set the network mode to \"awsvpc\".")
		case td.NetworkMode.V != types.NetworkModeAwsvpc:
			p.Report(td.NetworkMode, "The task requires FARGATE compatibility but uses network mode %q; Fargate supports only the awsvpc network mode. Set the network mode to \"awsvpc\".", td.NetworkMode.V)
		}
	},
})
