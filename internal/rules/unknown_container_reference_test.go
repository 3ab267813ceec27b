package rules

import "testing"

func TestUnknownContainerReference(t *testing.T) {
	runRule(t, UnknownContainerReference, []ruleCase{
		{name: "depends on missing", td: `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"init","condition":"SUCCESS"}]},{"name":"log","image":"x"}]}`,
			want:  []string{`container "app": dependsOn names container "init", which is not in the task; ECS rejects the task definition ("Cannot depend on container + 'init' because it does not exist"). Use the name of a container of this task ("app", "log")`},
			paths: []string{"containerDefinitions[0].dependsOn[0].containerName"}},
		{name: "volumesFrom missing", td: `{"containerDefinitions":[{"name":"app","image":"x","volumesFrom":[{"sourceContainer":"data"}]}]}`,
			want: []string{`container "app": volumesFrom sourceContainer "data" is not a container of the task`}, paths: []string{"containerDefinitions[0].volumesFrom[0].sourceContainer"}},
		{name: "volumesFrom itself", td: `{"containerDefinitions":[{"name":"app","image":"x","volumesFrom":[{"sourceContainer":"app"}]}]}`,
			want: []string{"volumesFrom names the container itself"}},
		{name: "link with alias to missing", td: `{"containerDefinitions":[{"name":"app","image":"x","links":["db:database","cache"]},{"name":"cache","image":"x"}]}`,
			want: []string{`container "app": link "db:database" names container "db", which is not in the task`}, paths: []string{"containerDefinitions[0].links[0]"}},
		{name: "all present", td: `{"containerDefinitions":[{"name":"app","image":"x","links":["db:database"],"volumesFrom":[{"sourceContainer":"db"}],"dependsOn":[{"containerName":"db","condition":"START"}]},{"name":"db","image":"x"}]}`},
		{name: "unknown container name", td: `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"init","condition":"START"}]},{"name":"(known after apply)","image":"x"}]}`},
		{name: "unknown container", td: `{"containerDefinitions":[{"name":"app","image":"x","links":["db"]},"(known after apply)"]}`},
		{name: "unknown reference", td: `{"containerDefinitions":[{"name":"app","image":"x","dependsOn":[{"containerName":"(known after apply)","condition":"START"}],"links":["(known after apply)"]}]}`},
	})
}
