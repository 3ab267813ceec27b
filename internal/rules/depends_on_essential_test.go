package rules

import "testing"

func TestDependsOnEssential(t *testing.T) {
	app := func(cond, init string) string {
		return `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"init","condition":"` + cond + `"}]},{"name":"init","image":"x"` + init + `}]}`
	}
	runRule(t, DependsOnEssential, []ruleCase{
		{name: "success on omitted essential", td: app("SUCCESS", ""),
			want:  []string{`container "app": dependsOn waits for container "init" to exit with status 0 (SUCCESS), but "init" is essential; ECS rejects the task definition ("A dependency container with SUCCESS or COMPLETE condition cannot be an essential container")`},
			paths: []string{"containerDefinitions[0].dependsOn[0].condition"}},
		{name: "complete on explicit essential", td: app("COMPLETE", `,"essential":true`), want: []string{"to exit (COMPLETE)"}},
		{name: "non-essential init", td: app("SUCCESS", `,"essential":false`)},
		{name: "start is fine", td: app("START", "")},
		{name: "healthy is fine", td: app("HEALTHY", `,"healthCheck":{"command":["CMD","true"]}`)},
		{name: "missing target is another rule's", td: `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"nope","condition":"SUCCESS"}]}]}`},
		{name: "unknown essential", td: app("SUCCESS", `,"essential":"(known after apply)"`)},
		{name: "unknown condition", td: app("(known after apply)", "")},
		{name: "unknown target name", td: `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"(known after apply)","condition":"SUCCESS"}]},{"name":"init","image":"x"}]}`},
	})
}
