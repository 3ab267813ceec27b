package rules

import "testing"

func TestDependsOnHealthCheck(t *testing.T) {
	td := func(cond, db string) string {
		return `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"db","condition":"` + cond + `"}]},{"name":"db","image":"x"` + db + `}]}`
	}
	runRule(t, DependsOnHealthCheck, []ruleCase{
		{name: "no health check", td: td("HEALTHY", ""),
			want:  []string{`container "app": dependsOn waits for container "db" to be HEALTHY, but "db" has no healthCheck`},
			paths: []string{"containerDefinitions[0].dependsOn[0].condition"}},
		{name: "health check present", td: td("HEALTHY", `,"healthCheck":{"command":["CMD-SHELL","pg_isready"]}`)},
		{name: "start needs none", td: td("START", "")},
		{name: "unknown health check", td: td("HEALTHY", `,"healthCheck":"(known after apply)"`)},
		{name: "unknown condition", td: td("(known after apply)", "")},
		{name: "unknown target container", td: `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"db","condition":"HEALTHY"}]},"(known after apply)"]}`},
	})
}
