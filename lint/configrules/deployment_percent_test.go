package configrules

import "testing"

func TestDeploymentPercent(t *testing.T) {
	runRule(t, DeploymentPercent, []ruleCase{
		{dir: "dp-min-above-max", want: []string{"deployment_minimum_healthy_percent 150 is above deployment_maximum_percent 120"}},
		{dir: "dp-min-above-default", want: []string{"deployment_minimum_healthy_percent 250 is above deployment_maximum_percent 200"}},
		{dir: "dp-daemon", want: []string{`uses scheduling_strategy "DAEMON" with deployment_maximum_percent 200`}},
		{dir: "dp-ok"},
		{dir: "dp-code-deploy"},
		{dir: "dp-unknown"},
	})
}
