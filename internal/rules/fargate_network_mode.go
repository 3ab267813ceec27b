package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// FargateNetworkMode: Fargate tasks must use awsvpc (ecs-facts 6.3).
var FargateNetworkMode = register(&Rule{
	Name:     "fargate_network_mode",
	Severity: Error,
	Title:    "Fargate task without awsvpc network mode",
	Summary:  "FARGATE compatibility with a network mode other than awsvpc (an omitted mode means bridge).",
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
