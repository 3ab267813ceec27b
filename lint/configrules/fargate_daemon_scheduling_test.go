package configrules

import "testing"

func TestFargateDaemonScheduling(t *testing.T) {
	runRule(t, FargateDaemonScheduling, []ruleCase{
		{dir: "fds-daemon", want: []string{`aws_ecs_service.web uses scheduling_strategy "DAEMON" and launches on Fargate (launch_type "FARGATE")`}},
		{dir: "fds-ec2"},
		{dir: "fds-unknown"},
	})
}
