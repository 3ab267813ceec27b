package canonical

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestContainerDefinitionsRules(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		mode     string
		want     string
		warnings int
	}{
		{
			name: "keys sorted, compact, essential made explicit",
			in:   `[ { "name" : "web", "image": "nginx" } ]`,
			want: `[{"essential":true,"image":"nginx","name":"web"}]`,
		},
		{
			name: "explicit essential false kept",
			in:   `[{"name":"a","essential":false}]`,
			want: `[{"essential":false,"name":"a"}]`,
		},
		{
			name: "null essential treated as absent",
			in:   `[{"name":"a","essential":null}]`,
			want: `[{"essential":true,"name":"a"}]`,
		},
		{
			name: "containers sorted by name",
			in:   `[{"name":"z"},{"name":"a"},{"name":"m"}]`,
			want: `[{"essential":true,"name":"a"},{"essential":true,"name":"m"},{"essential":true,"name":"z"}]`,
		},
		{
			name: "environment sorted by name",
			in:   `[{"name":"a","environment":[{"name":"B","value":"2"},{"name":"A","value":"1"}]}]`,
			want: `[{"environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"essential":true,"name":"a"}]`,
		},
		{
			name: "secrets sorted by name",
			in:   `[{"name":"a","secrets":[{"name":"Y","valueFrom":"arn:y"},{"name":"X","valueFrom":"arn:x"}]}]`,
			want: `[{"essential":true,"name":"a","secrets":[{"name":"X","valueFrom":"arn:x"},{"name":"Y","valueFrom":"arn:y"}]}]`,
		},
		{
			name:     "environment entry with empty value dropped with a warning",
			in:       `[{"name":"a","environment":[{"name":"E","value":""},{"name":"K","value":"v"}]}]`,
			want:     `[{"environment":[{"name":"K","value":"v"}],"essential":true,"name":"a"}]`,
			warnings: 1,
		},
		{
			name:     "environment entries with null or missing value dropped, then the empty list",
			in:       `[{"name":"a","environment":[{"name":"N","value":null},{"name":"M"}]}]`,
			want:     `[{"essential":true,"name":"a"}]`,
			warnings: 2,
		},
		{
			name: "zero-valued list elements compacted",
			in:   `[{"name":"a","environment":[null,{}],"mountPoints":[{"containerPath":null}],"dependsOn":[{"condition":""}],"ulimits":[{"hardLimit":0,"softLimit":0,"name":""}],"volumesFrom":[{}]}]`,
			want: `[{"essential":true,"name":"a"}]`,
		},
		{
			name: "explicit empty strings are not zero",
			in:   `[{"name":"a","mountPoints":[{"containerPath":""}]}]`,
			want: `[{"essential":true,"mountPoints":[{"containerPath":""}],"name":"a"}]`,
		},
		{
			name: "empty lists dropped",
			in:   `[{"name":"a","command":[],"credentialSpecs":[],"dnsSearchDomains":[],"dnsServers":[],"dockerSecurityOptions":[],"entryPoint":[],"environmentFiles":[],"extraHosts":[],"links":[],"portMappings":[],"resourceRequirements":[],"secrets":[],"systemControls":[],"ulimits":[],"volumesFrom":[],"mountPoints":[],"dependsOn":[],"environment":[]}]`,
			want: `[{"essential":true,"name":"a"}]`,
		},
		{
			name: "empty list of a member the provider keeps is kept",
			in:   `[{"name":"a","healthCheck":{"command":[]}}]`,
			want: `[{"essential":true,"healthCheck":{"command":[],"interval":30,"retries":3,"timeout":5},"name":"a"}]`,
		},
		{
			name: "healthCheck defaults filled, explicit values kept",
			in:   `[{"name":"a","healthCheck":{"command":["CMD","true"],"interval":10,"startPeriod":0}}]`,
			want: `[{"essential":true,"healthCheck":{"command":["CMD","true"],"interval":10,"retries":3,"startPeriod":0,"timeout":5},"name":"a"}]`,
		},
		{
			name: "null healthCheck dropped",
			in:   `[{"name":"a","healthCheck":null}]`,
			want: `[{"essential":true,"name":"a"}]`,
		},
		{
			name: "portMappings: tcp dropped, udp kept, hostPort 0 dropped (bridge)",
			in:   `[{"name":"a","portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"},{"containerPort":53,"protocol":"udp"}]}]`,
			mode: "bridge",
			want: `[{"essential":true,"name":"a","portMappings":[{"containerPort":80},{"containerPort":53,"protocol":"udp"}]}]`,
		},
		{
			name: "portMappings: absent network mode is not awsvpc",
			in:   `[{"name":"a","portMappings":[{"containerPort":80}]}]`,
			want: `[{"essential":true,"name":"a","portMappings":[{"containerPort":80}]}]`,
		},
		{
			name: "portMappings: awsvpc fills hostPort from containerPort",
			in:   `[{"name":"a","portMappings":[{"containerPort":8080,"hostPort":0},{"containerPort":9090},{"containerPort":443,"hostPort":443}]}]`,
			mode: "awsvpc",
			want: `[{"essential":true,"name":"a","portMappings":[{"containerPort":8080,"hostPort":8080},{"containerPort":9090,"hostPort":9090},{"containerPort":443,"hostPort":443}]}]`,
		},
		{
			name: "portMappings: awsvpc with a port range has no hostPort to fill",
			in:   `[{"name":"a","portMappings":[{"containerPortRange":"8000-8010"}]}]`,
			mode: "awsvpc",
			want: `[{"essential":true,"name":"a","portMappings":[{"containerPortRange":"8000-8010"}]}]`,
		},
		{
			name: "portMappings: mapping left empty is compacted",
			in:   `[{"name":"a","portMappings":[{"protocol":"tcp","hostPort":0}]}]`,
			want: `[{"essential":true,"name":"a"}]`,
		},
		{
			name: "cpu 0 and empty enums dropped",
			in:   `[{"name":"a","cpu":0,"versionConsistency":"","logConfiguration":{"logDriver":""},"firelensConfiguration":{"type":""}}]`,
			want: `[{"essential":true,"firelensConfiguration":{},"logConfiguration":{},"name":"a"}]`,
		},
		{
			name: "non-zero cpu kept with its text",
			in:   `[{"name":"a","cpu":256,"memory":5.12e2}]`,
			want: `[{"cpu":256,"essential":true,"memory":5.12e2,"name":"a"}]`,
		},
		{
			name: "null members dropped at any depth",
			in:   `[{"name":"a","user":null,"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"g","x":null}}}]`,
			want: `[{"essential":true,"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"g"}},"name":"a"}]`,
		},
		{
			name: "capabilities: missing list made explicit",
			in:   `[{"name":"a","linuxParameters":{"capabilities":{"drop":["ALL"]}}}]`,
			want: `[{"essential":true,"linuxParameters":{"capabilities":{"add":[],"drop":["ALL"]}},"name":"a"}]`,
		},
		{
			name: "capabilities: empty object dropped",
			in:   `[{"name":"a","linuxParameters":{"capabilities":{"add":[]},"initProcessEnabled":true}}]`,
			want: `[{"essential":true,"linuxParameters":{"initProcessEnabled":true},"name":"a"}]`,
		},
		{
			name: "unknown members preserved",
			in:   `[{"name":"a","futureField":{"b":[1,2],"a":"<&>"}}]`,
			want: `[{"essential":true,"futureField":{"a":"<&>","b":[1,2]},"name":"a"}]`,
		},
		{
			name: "no HTML escaping, unicode kept",
			in:   `[{"name":"a","command":["sh","-c","a && b > c \u2603"]}]`,
			want: `[{"command":["sh","-c","a && b > c ☃"],"essential":true,"name":"a"}]`,
		},
		{
			name:     "duplicate environment names warned and ordered by value",
			in:       `[{"name":"a","environment":[{"name":"D","value":"2"},{"name":"D","value":"1"}]}]`,
			want:     `[{"environment":[{"name":"D","value":"1"},{"name":"D","value":"2"}],"essential":true,"name":"a"}]`,
			warnings: 1,
		},
		{
			name: "empty array",
			in:   `[]`,
			want: `[]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := ContainerDefinitions([]byte(tt.in), Options{NetworkMode: tt.mode})
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if len(warnings) != tt.warnings {
				t.Errorf("got %d warnings %v, want %d", len(warnings), warnings, tt.warnings)
			}
			again, _, err := ContainerDefinitions(got, Options{NetworkMode: tt.mode})
			if err != nil || string(again) != string(got) {
				t.Errorf("not idempotent: %s -> %s (%v)", got, again, err)
			}
		})
	}
}

func TestWarningNamesTheEntry(t *testing.T) {
	_, warnings, err := ContainerDefinitions([]byte(`[{"name":"a"},{"name":"b","environment":[{"name":"OK","value":"1"},{"name":"EMPTY","value":""}]}]`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 {
		t.Fatalf("got %d warnings, want 1", len(warnings))
	}
	if warnings[0].Path != "[1].environment[1]" || !strings.Contains(warnings[0].Message, `"EMPTY"`) || !strings.Contains(warnings[0].Message, "#39533") {
		t.Errorf("unexpected warning %q", warnings[0])
	}
}

func TestByteStability(t *testing.T) {
	variants := []string{
		`[{"name":"web","image":"nginx","environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"secrets":[{"name":"S","valueFrom":"x"},{"name":"R","valueFrom":"y"}]},{"name":"db","image":"pg"}]`,
		"[\n  {\"image\": \"pg\", \"name\": \"db\"},\n  {\"secrets\": [{\"valueFrom\": \"y\", \"name\": \"R\"}, {\"name\": \"S\", \"valueFrom\": \"x\"}],\n   \"environment\": [{\"value\": \"2\", \"name\": \"B\"}, {\"name\": \"A\", \"value\": \"1\"}],\n   \"image\": \"nginx\", \"name\": \"web\"}\n]\n",
		`[{"name":"db","image":"pg","essential":true},{"essential":true,"name":"web","image":"nginx","environment":[{"name":"B","value":"2"},{"name":"A","value":"1"}],"secrets":[{"name":"R","valueFrom":"y"},{"name":"S","valueFrom":"x"}],"mountPoints":[]}]`,
	}
	first, _, err := ContainerDefinitions([]byte(variants[0]), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range variants {
		for range 2 {
			got, _, err := ContainerDefinitions([]byte(v), Options{})
			if err != nil {
				t.Fatalf("variant %d: %v", i, err)
			}
			if string(got) != string(first) {
				t.Errorf("variant %d:\ngot  %s\nwant %s", i, got, first)
			}
		}
	}
}

func TestContainer(t *testing.T) {
	got, _, err := Container([]byte(`{"name":"a","portMappings":[{"containerPort":80,"protocol":"tcp"}]}`), Options{NetworkMode: "awsvpc"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"essential":true,"name":"a","portMappings":[{"containerPort":80,"hostPort":80}]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestTaskDefinition(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{
			name: "network mode from the task applies to containers",
			in:   `{"family":"f","networkMode":"awsvpc","cpu":null,"containerDefinitions":[{"name":"b","portMappings":[{"containerPort":80}]},{"name":"a"}]}`,
			want: `{"containerDefinitions":[{"essential":true,"name":"a"},{"essential":true,"name":"b","portMappings":[{"containerPort":80,"hostPort":80}]}],"family":"f","networkMode":"awsvpc"}`,
		},
		{
			name: "describe output wrapper kept",
			in:   `{"taskDefinition":{"networkMode":"bridge","containerDefinitions":[{"name":"a","portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]}]},"tags":[]}`,
			want: `{"tags":[],"taskDefinition":{"containerDefinitions":[{"essential":true,"name":"a","portMappings":[{"containerPort":80}]}],"networkMode":"bridge"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := TaskDefinition([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got.JSON) != tt.want {
				t.Errorf("got  %s\nwant %s", got.JSON, tt.want)
			}
			// The containers part is the normalized containerDefinitions of the whole.
			var whole map[string]any
			if err := json.Unmarshal(got.JSON, &whole); err != nil {
				t.Fatal(err)
			}
			if inner, ok := whole["taskDefinition"].(map[string]any); ok {
				whole = inner
			}
			want, _ := json.Marshal(whole["containerDefinitions"])
			if string(got.ContainerDefinitions) != string(want) {
				t.Errorf("containers part %s, want %s", got.ContainerDefinitions, want)
			}
		})
	}
}

// taskJSON is TaskDefinition returning only the whole JSON.
func taskJSON(b []byte) ([]byte, []Warning, error) {
	t, w, err := TaskDefinition(b)
	return t.JSON, w, err
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		fn           func([]byte) ([]byte, []Warning, error)
		line, column int
		path         string
		contains     string
	}{
		{name: "syntax error position", in: "[\n  {\"name\": \"a\",}\n]", line: 2, column: 16, contains: "invalid character '}'"},
		{name: "column counts characters", in: `["☃☃", x]`, line: 1, column: 8, contains: "invalid character 'x'"},
		{name: "truncated", in: "[{\"name\":\n\"a\"", line: 2, column: 4, contains: "ends before"},
		{name: "trailing data", in: "[]\n []", line: 2, column: 2, contains: "exactly one JSON value"},
		{name: "empty input", in: "  ", contains: "empty"},
		{name: "too deep", in: strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), line: 1, column: MaxDepth + 1, contains: "nested more than"},
		{name: "brackets inside strings do not count", in: `[{"name":"` + strings.Repeat("[", 500) + `"}`, line: 1, contains: "ends before"},
		{name: "top level object", in: `{"name":"a"}`, contains: "must be a JSON array"},
		{name: "null top level", in: `null`, contains: "must be a JSON array"},
		{name: "container not object", in: `["web"]`, path: "[0]", contains: "must be a JSON object"},
		{name: "empty container", in: `[{"name":"a"},{}]`, path: "[1]", contains: "empty"},
		{name: "number env value", in: `[{"name":"a","environment":[{"name":"PORT","value":8080}]}]`, path: "[0].environment[0].value", contains: "in quotes"},
		{name: "environment not array", in: `[{"name":"a","environment":{"A":"1"}}]`, path: "[0].environment", contains: "JSON array"},
		{name: "essential string", in: `[{"name":"a","essential":"yes"}]`, path: "[0].essential", contains: "true or false"},
		{name: "port as string", in: `[{"name":"a","portMappings":[{"containerPort":"80"}]}]`, path: "[0].portMappings[0].containerPort", contains: "number"},
		{name: "command not array", in: `[{"name":"a","command":"sh"}]`, path: "[0].command", contains: "JSON array"},
		{name: "task without containers", in: `{"family":"f"}`, fn: taskJSON, path: "containerDefinitions", contains: "missing"},
		{name: "task network mode not string", in: `{"networkMode":1,"containerDefinitions":[]}`, fn: taskJSON, path: "networkMode", contains: "string"},
		{name: "task array", in: `[]`, fn: taskJSON, contains: "JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn := tt.fn
			if fn == nil {
				fn = func(b []byte) ([]byte, []Warning, error) { return ContainerDefinitions(b, Options{}) }
			}
			out, _, err := fn([]byte(tt.in))
			if err == nil {
				t.Fatalf("expected an error, got %s", out)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			if e.Line != tt.line || (tt.column != 0 && e.Column != tt.column) {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Line, e.Column, tt.line, tt.column, err)
			}
			if e.Path != tt.path {
				t.Errorf("path %q, want %q", e.Path, tt.path)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q does not contain %q", err, tt.contains)
			}
		})
	}
}

func TestOutputIsValidJSON(t *testing.T) {
	got, _, err := ContainerDefinitions([]byte(`[{"name":"a","image":"<x>&\u2028"}]`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(got) || strings.HasSuffix(string(got), "\n") {
		t.Errorf("bad output %q", got)
	}
}
