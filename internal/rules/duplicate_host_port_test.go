package rules

import "testing"

func TestDuplicateHostPort(t *testing.T) {
	two := func(mode, a, b string) string {
		return `{` + mode + `"containerDefinitions":[{"name":"a","image":"x","portMappings":[` + a + `]},{"name":"b","image":"x","portMappings":[` + b + `]}]}`
	}
	runRule(t, DuplicateHostPort, []ruleCase{
		{name: "bridge static twice", td: two(`"networkMode":"bridge",`, `{"containerPort":80,"hostPort":3000}`, `{"containerPort":81,"hostPort":3000}`),
			want: []string{`container "b": TCP host port 3000 is mapped again by container "a"; ECS rejects the task ("TCP host port '3000' is mapped multiple times in task.")`}, paths: []string{"containerDefinitions[1].portMappings[0]"}},
		{name: "awsvpc same container port", td: two(`"networkMode":"awsvpc",`, `{"containerPort":8080}`, `{"containerPort":8080}`), want: []string{"share one network namespace"}},
		{name: "same container twice", td: `{"networkMode":"awsvpc","containerDefinitions":[{"name":"a","portMappings":[{"containerPort":80},{"containerPort":80,"hostPort":80}]}]}`, want: []string{"mapped twice in the same container"}},
		{name: "udp and tcp differ", td: two(`"networkMode":"awsvpc",`, `{"containerPort":53,"protocol":"udp"}`, `{"containerPort":53}`)},
		{name: "bridge dynamic ports never clash", td: two(`"networkMode":"bridge",`, `{"containerPort":80}`, `{"containerPort":80,"hostPort":0}`)},
		{name: "distinct ports", td: two(`"networkMode":"awsvpc",`, `{"containerPort":80}`, `{"containerPort":81}`)},
		{name: "unknown mode, explicit ports still clash", td: two(`"networkMode":"(known after apply)",`, `{"containerPort":80,"hostPort":9000}`, `{"containerPort":80,"hostPort":9000}`), want: []string{"9000"}},
		{name: "unknown mode, omitted ports are silent", td: two(`"networkMode":"(known after apply)",`, `{"containerPort":80}`, `{"containerPort":80}`)},
		{name: "unknown host port", td: two(`"networkMode":"bridge",`, `{"containerPort":80,"hostPort":"(known after apply)"}`, `{"containerPort":80,"hostPort":3000}`)},
		{name: "unknown protocol", td: two(`"networkMode":"awsvpc",`, `{"containerPort":80,"protocol":"(known after apply)"}`, `{"containerPort":80}`)},
	})
}
