package functions

import (
	"strings"
	"testing"
)

// FuzzFunctions: no argument makes a function panic (a panic in the provider kills terraform plan), and an error
// always names an argument the function has, with a message.
func FuzzFunctions(f *testing.F) {
	for _, s := range []string{
		`[{"name": "web", "image": "nginx", "memory": 512, "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]`,
		`{"family": "x", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "4096", "containerDefinitions": []}`,
		`{"a": }`, `[1e999999]`, `"x"`, ``, `[{"name": "é", "environment": [{"name": "A", "value": ""}]}]`,
	} {
		f.Add(s, "awsvpc", "0.5 vCPU", "1 GB")
	}
	f.Fuzz(func(t *testing.T, src, mode, cpu, mem string) {
		check := func(e *Error, params int) {
			if e != nil && (e.Arg < -1 || e.Arg >= params || strings.TrimSpace(e.Msg) == "") {
				t.Fatalf("error %+v names no argument of the function's %d, or says nothing", e, params)
			}
		}
		_, e := CheckTaskDefinition(src)
		check(e, 1)
		_, e = NormalizeContainerDefinitions(src, []string{mode})
		check(e, 2)
		_, e = FargateSize(cpu, mem, []string{mode})
		check(e, 3)
	})
}
