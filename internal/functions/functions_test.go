package functions

import (
	"strings"
	"testing"
)

// The functions' values and messages are compared with the provider's under real terraform by
// lint/tffunc's TestEcskitFunctions and by the provider's acceptance tests; these check the argument each error
// names, which decides the parameter Terraform's message quotes.

func TestErrorArguments(t *testing.T) {
	for _, c := range []struct {
		name string
		call func() *Error
		arg  int
		msg  string
	}{
		{"cpu", func() *Error { _, e := FargateSize("lots", "1024", nil); return e }, 0, `cpu "lots"`},
		{"memory", func() *Error { _, e := FargateSize("1024", "lots", nil); return e }, 1, `memory "lots"`},
		{"family", func() *Error { _, e := FargateSize("1024", "2048", []string{"WINDOWS"}); return e }, 2, `operating_system_family "WINDOWS" is not one ECS knows`},
		{"two families", func() *Error { _, e := FargateSize("1024", "2048", []string{"LINUX", "LINUX"}); return e }, 2, "at most one operating system family"},
		{"no fit", func() *Error { _, e := FargateSize("32 vCPU", "2 GB", nil); return e }, -1, "No Fargate size for Linux has at least 32768 CPU units"},
		{"task syntax", func() *Error { _, e := CheckTaskDefinition(`{"a": }`); return e }, 0, "The task definition is not valid JSON: line 1, column 7"},
		{"task type", func() *Error { _, e := CheckTaskDefinition(`[{"name": "x", "memory": "100"}]`); return e }, 0, "The task definition has a value of the wrong type: containerDefinitions[0].memory"},
		{"containers syntax", func() *Error { _, e := NormalizeContainerDefinitions(`[{"name": "web"}`, nil); return e }, 0, "The container definitions are not valid JSON: line 1, column"},
		{"containers shape", func() *Error { _, e := NormalizeContainerDefinitions(`{}`, nil); return e }, 0, "The container definitions cannot be normalized"},
		{"network mode", func() *Error { _, e := NormalizeContainerDefinitions(`[]`, []string{"AWSVPC"}); return e }, 1, `network_mode "AWSVPC" is not a network mode; use "awsvpc", "bridge", "host" or "none"`},
		{"two network modes", func() *Error { _, e := NormalizeContainerDefinitions(`[]`, []string{"host", "host"}); return e }, 1, "at most one network mode"},
	} {
		e := c.call()
		switch {
		case e == nil:
			t.Errorf("%s: no error", c.name)
		case e.Arg != c.arg || !strings.Contains(e.Msg, c.msg):
			t.Errorf("%s: error on argument %d: %q; want argument %d and %q", c.name, e.Arg, e.Msg, c.arg, c.msg)
		case strings.HasSuffix(e.Msg, "."):
			t.Errorf("%s: %q ends with a full stop, which Terraform adds", c.name, e.Msg)
		}
	}
}

func TestResults(t *testing.T) {
	size, err := FargateSize("0.75 vCPU", "2.5 GB", nil)
	if err != nil || size != (Size{CPU: "1024", Memory: "3072"}) {
		t.Errorf("FargateSize = %+v, %v; want 1024/3072", size, err)
	}
	found, err := CheckTaskDefinition(`[{"name": "web", "image": "nginx", "memory": 512}]`)
	if err != nil || found == nil || len(found) != 0 {
		t.Errorf("CheckTaskDefinition of a valid container = %#v, %v; want an empty, non-nil list", found, err)
	}
	found, err = CheckTaskDefinition(`{"networkMode": "awsvpc", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}`)
	if err != nil || len(found) != 1 || found[0].Rule != "host_port_mismatch" || found[0].Severity != "error" ||
		found[0].Path != "containerDefinitions[0].portMappings[0].hostPort" {
		t.Errorf("CheckTaskDefinition = %+v, %v; want one host_port_mismatch error", found, err)
	}
	out, err := NormalizeContainerDefinitions(`[{"name": "web", "image": "nginx", "portMappings": [{"containerPort": 80}]}]`, []string{"awsvpc"})
	if want := `[{"essential":true,"image":"nginx","name":"web","portMappings":[{"containerPort":80,"hostPort":80}]}]`; err != nil || out != want {
		t.Errorf("NormalizeContainerDefinitions = %s, %v; want %s", out, err, want)
	}
}

func TestJSONSyntax(t *testing.T) {
	for src, want := range map[string]string{
		`{"a": 1}`:                     "",
		"{\n  \"a\": 1\n  \"b\": 2\n}": "line 3, column 3: invalid character '\"' after object key:value pair",
		`[{"name": "é",, }]`:           "line 1, column 15: invalid character ',' looking for beginning of object key string",
		`{"a": `:                       "line 1, column 7: unexpected end of JSON input",
		``:                             "line 1, column 1: unexpected end of JSON input",
		`{} []`:                        "line 1, column 4: unexpected text after the JSON value; the input must hold exactly one value",
	} {
		if got := jsonSyntax([]byte(src)); got != want {
			t.Errorf("jsonSyntax(%q) = %q, want %q", src, got, want)
		}
	}
}
