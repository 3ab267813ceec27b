package rules

import "testing"

func TestEssentialContainer(t *testing.T) {
	runRule(t, EssentialContainer, []ruleCase{
		{name: "none essential", td: `{"containerDefinitions":[{"name":"a","essential":false},{"name":"b","essential":false}]}`, want: []string{"Every container sets essential to false"}},
		{name: "omitted means essential", td: `{"containerDefinitions":[{"name":"a","essential":false},{"name":"b"}]}`},
		{name: "explicit", td: `{"containerDefinitions":[{"name":"a","essential":true}]}`},
		{name: "unknown essential", td: `{"containerDefinitions":[{"name":"a","essential":false},{"name":"b","essential":"(known after apply)"}]}`},
		{name: "unknown container", td: `{"containerDefinitions":[{"name":"a","essential":false},"(known after apply)"]}`},
	})
}
