package configrules

import "testing"

func TestFargateServicePlacement(t *testing.T) {
	runRule(t, FargateServicePlacement, []ruleCase{
		{dir: "fsp-ordered", want: []string{`aws_ecs_service.web launches its tasks on Fargate (launch_type "FARGATE"), and Fargate does not support placement strategies`}},
		{dir: "fsp-spot-dynamic", want: []string{`aws_ecs_service.web launches its tasks on Fargate (capacity provider "FARGATE"), and Fargate does not support placement constraints`}},
		{dir: "fsp-cluster-default", want: []string{`(the default capacity provider strategy of aws_ecs_cluster_capacity_providers.this, with "FARGATE_SPOT")`}},
		{dir: "fsp-events", want: []string{
			`aws_cloudwatch_event_target.report (ecs_target) launches its tasks on Fargate (launch_type "FARGATE"), and Fargate does not support placement constraints`,
			`aws_scheduler_schedule.cleanup (target.ecs_parameters) launches its tasks on Fargate (capacity provider "FARGATE"), and Fargate does not support placement strategies`,
		}},
		{dir: "fsp-ec2"},
		{dir: "fsp-spot-unknown"},
		{dir: "fsp-unknown-launch-type"},
		{dir: "fsp-events-unknown"},
	})
}
