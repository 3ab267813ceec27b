package rules

import "testing"

func TestContainerImageRequired(t *testing.T) {
	runRule(t, ContainerImageRequired, []ruleCase{
		{name: "missing", td: `{"containerDefinitions":[{"name":"web","image":"nginx"},{"name":"side"}]}`,
			want: []string{`container "side" has no image; RegisterTaskDefinition no longer accepts container definitions without one`}, paths: []string{"containerDefinitions[1]"}},
		{name: "null", td: `{"containerDefinitions":[{"name":"web","image":null}]}`, want: []string{`container "web" has no image`}},
		{name: "empty", td: `{"containerDefinitions":[{"name":"web","image":" "}]}`, want: []string{`container "web": image is empty`}, paths: []string{"containerDefinitions[0].image"}},
		{name: "unnamed container", td: `{"containerDefinitions":[{"image":"x"},{}]}`, want: []string{"container 2 has no image"}},
		{name: "present", td: `{"containerDefinitions":[{"name":"web","image":"public.ecr.aws/nginx/nginx:1.27"}]}`},
		{name: "unknown image", td: `{"containerDefinitions":[{"name":"web","image":"(known after apply)"}]}`},
		{name: "unknown container", td: `{"containerDefinitions":["(known after apply)"]}`},
		{name: "unknown list", td: `{"containerDefinitions":"(known after apply)"}`},
	})
}
