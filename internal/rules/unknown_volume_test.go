package rules

import "testing"

func TestUnknownVolume(t *testing.T) {
	runRule(t, UnknownVolume, []ruleCase{
		{name: "undeclared", td: `{"volumes":[{"name":"logs"},{"name":"cache"}],"containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"logs","containerPath":"/l"},{"sourceVolume":"data","containerPath":"/d"}]}]}`,
			want:  []string{`container "web": mount point sourceVolume "data" names no volume of the task (declared: "cache", "logs")`},
			paths: []string{"containerDefinitions[0].mountPoints[1].sourceVolume"}},
		{name: "no volumes at all", td: `{"containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"data","containerPath":"/d"}]}]}`,
			want: []string{"the task declares no volumes"}},
		{name: "case matters", td: `{"volumes":[{"name":"Data"}],"containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"data","containerPath":"/d"}]}]}`,
			want: []string{`sourceVolume "data"`}},
		{name: "declared", td: `{"volumes":[{"name":"data","host":{"sourcePath":"/srv"}}],"containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"data","containerPath":"/d"}]}]}`},
		{name: "unknown volumes", td: `{"volumes":"(known after apply)","containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"data","containerPath":"/d"}]}]}`},
		{name: "unknown volume name", td: `{"volumes":[{"name":"logs"},{"name":"(known after apply)"}],"containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"data","containerPath":"/d"}]}]}`},
		{name: "unknown source volume", td: `{"volumes":[{"name":"logs"}],"containerDefinitions":[{"name":"web","image":"x","mountPoints":[{"sourceVolume":"(known after apply)","containerPath":"/d"}]}]}`},
	})
}
