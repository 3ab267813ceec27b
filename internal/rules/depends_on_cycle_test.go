package rules

import "testing"

func TestDependsOnCycle(t *testing.T) {
	dep := func(name, on string) string {
		return `{"name":"` + name + `","image":"x","dependsOn":[{"containerName":"` + on + `","condition":"START"}]}`
	}
	runRule(t, DependsOnCycle, []ruleCase{
		{name: "two containers", td: `{"containerDefinitions":[` + dep("a", "b") + `,` + dep("b", "a") + `]}`,
			want:  []string{`container "b": dependsOn closes the cycle a → b → a`},
			paths: []string{"containerDefinitions[1].dependsOn[0].containerName"}},
		{name: "three containers once", td: `{"containerDefinitions":[` + dep("a", "b") + `,` + dep("b", "c") + `,` + dep("c", "a") + `]}`,
			want: []string{"the cycle a → b → c → a;"}},
		{name: "cycle not through the first container", td: `{"containerDefinitions":[` + dep("a", "b") + `,` + dep("b", "c") + `,` + dep("c", "b") + `]}`,
			want: []string{"the cycle b → c → b;"}},
		{name: "self", td: `{"containerDefinitions":[` + dep("a", "a") + `]}`, want: []string{`container "a": dependsOn names the container itself`}},
		{name: "chain", td: `{"containerDefinitions":[` + dep("a", "b") + `,` + dep("b", "c") + `,{"name":"c","image":"x"}]}`},
		{name: "diamond", td: `{"containerDefinitions":[{"name":"a","image":"x","dependsOn":[{"containerName":"b","condition":"START"},{"containerName":"c","condition":"START"}]},` + dep("b", "d") + `,` + dep("c", "d") + `,{"name":"d","image":"x"}]}`},
		{name: "unknown edge", td: `{"containerDefinitions":[` + dep("a", "b") + `,` + dep("b", Unknown) + `]}`},
		{name: "unknown container name", td: `{"containerDefinitions":[` + dep("a", "b") + `,` + dep(Unknown, "a") + `]}`},
	})
}
