package rules

import (
	"encoding/json"
	"flag"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
)

// leakMarker stands for a secret in a free-text field: a string that no
// message writes of itself, so finding it in one means the message quoted a
// value the redaction policy hides.
const leakMarker = "qz7-LEAK-m4rker"

// The redaction policy (compose.ContainerFields, Field.Redact; the
// sensitive-values guide) shows names, images, numbers, flags, enumerations,
// paths and ARNs, and hides free text. A finding's message is printed by
// terraform plan and by ecslint in clear text, so it may quote only what the
// redacted copies show. markFreeText puts leakMarker into every free-text
// value of a test task definition (those the redacted copies hide, and the
// task-level maps of the same kind), keeping what the rules read of them as
// far as it can: a value gets the marker appended, so it stays a literal, a
// non-empty string, an invalid mode...; and each container gets one more
// environment variable, command word, entry point word, Docker label and log
// option holding the marker alone.

// markFreeText returns the task definition src (JSON) with leakMarker in its
// free-text values, and how many it placed; src unchanged and 0 when it is
// not JSON the marking understands.
func markFreeText(src string) (string, int) {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return src, 0
	}
	m := &marker{}
	switch x := v.(type) {
	case []any:
		m.containers(x)
	case map[string]any:
		if inner, ok := x["taskDefinition"].(map[string]any); ok && x["containerDefinitions"] == nil {
			m.task(inner)
		} else {
			m.task(x)
		}
	}
	out, err := json.Marshal(v)
	if err != nil || m.n == 0 {
		return src, 0
	}
	return string(out), m.n
}

type marker struct{ n int }

// text appends the marker to a free-text string; unknown values
// ("(known after apply)") and empty ones stay as they are.
func (m *marker) text(v any) any {
	s, ok := v.(string)
	if !ok || s == Unknown || strings.TrimSpace(s) == "" {
		return v
	}
	m.n++
	return s + leakMarker
}

// values marks every value of a map (dockerLabels, options, driverOpts)
// and, when add is not "", adds the key add holding the marker.
func (m *marker) values(v any, add string) {
	o, ok := v.(map[string]any)
	if !ok {
		return
	}
	for k, e := range o {
		o[k] = m.text(e)
	}
	if add != "" {
		if _, taken := o[add]; !taken {
			o[add] = leakMarker
			m.n++
		}
	}
}

// words marks every element of a list of strings and appends one more.
func (m *marker) words(o map[string]any, key string) {
	switch l := o[key].(type) {
	case nil:
		if _, set := o[key]; !set {
			o[key] = []any{leakMarker}
			m.n++
		}
	case []any:
		for i, e := range l {
			l[i] = m.text(e)
		}
		o[key] = append(l, leakMarker)
		m.n++
	}
}

// pairs marks the valueKey of every element of a name/value list.
func (m *marker) pairs(v any, valueKey string) {
	l, ok := v.([]any)
	if !ok {
		return
	}
	for _, e := range l {
		if o, ok := e.(map[string]any); ok {
			o[valueKey] = m.text(o[valueKey])
		}
	}
}

func (m *marker) task(td map[string]any) {
	if l, ok := td["containerDefinitions"].([]any); ok {
		m.containers(l)
	}
	if vols, ok := td["volumes"].([]any); ok {
		for _, v := range vols {
			if vo, ok := v.(map[string]any); ok {
				if dv, ok := vo["dockerVolumeConfiguration"].(map[string]any); ok {
					m.values(dv["driverOpts"], "")
					m.values(dv["labels"], "")
				}
			}
		}
	}
	if pc, ok := td["proxyConfiguration"].(map[string]any); ok {
		m.pairs(pc["properties"], "value")
	}
	m.pairs(td["tags"], "value")
	td["leakTestMember"] = leakMarker // a member ecskit does not know
	m.n++
}

func (m *marker) containers(l []any) {
	for _, e := range l {
		c, ok := e.(map[string]any)
		if !ok {
			continue
		}
		// environment values (HideValues); one more variable, whose name
		// makes plaintext_secret look at its value.
		if env, ok := c["environment"].([]any); ok || c["environment"] == nil {
			m.pairs(env, "value")
			if _, set := c["environment"]; !set || ok {
				c["environment"] = append(env, map[string]any{"name": "LEAK_TEST_PASSWORD", "value": leakMarker})
				m.n++
			}
		}
		m.words(c, "command")    // HideArgs
		m.words(c, "entryPoint") // HideArgs
		if hc, ok := c["healthCheck"].(map[string]any); ok {
			// HideCommandArgs: all but a leading CMD, CMD-SHELL or NONE.
			if cmd, ok := hc["command"].([]any); ok {
				for i, w := range cmd {
					if s, _ := w.(string); i == 0 && (s == "CMD" || s == "CMD-SHELL" || s == "NONE") {
						continue
					}
					cmd[i] = m.text(w)
				}
			}
		}
		if _, set := c["dockerLabels"]; !set {
			c["dockerLabels"] = map[string]any{}
		}
		m.values(c["dockerLabels"], "leak.test") // HideValues
		if lc, ok := c["logConfiguration"].(map[string]any); ok {
			m.values(lc["options"], "tag") // HideValues
		}
		if fc, ok := c["firelensConfiguration"].(map[string]any); ok {
			m.values(fc["options"], "leak-test") // HideValues
		}
		c["leakTestField"] = leakMarker // a member ecskit does not know (extra_json), hidden
		m.n++
	}
}

// leakFired holds the rules that reported a finding on a marked task
// definition; TestMain checks that every rule did.
var leakFired sync.Map

// checkNoLeak runs every rule on src with leakMarker in its free-text
// values and fails when a message quotes one.
func checkNoLeak(t *testing.T, src string) {
	t.Helper()
	marked, n := markFreeText(src)
	if n == 0 {
		return
	}
	for _, f := range Run(parseTD(t, marked), Config{}) {
		leakFired.Store(f.Rule.Name, true)
		if strings.Contains(f.Message, leakMarker) {
			t.Errorf("rule %s quotes a value the redaction policy hides (at %s):\n%s", f.Rule.Name, f.Path, f.Message)
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		var missing []string
		for _, r := range All() {
			if _, ok := leakFired.Load(r.Name); !ok {
				missing = append(missing, r.Name)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			os.Stderr.WriteString("FAIL: these rules reported nothing on any task definition marked for leaks, so no test shows that their messages quote no hidden value; add a case that makes them fire: " + strings.Join(missing, ", ") + "\n")
			code = 1
		}
	}
	os.Exit(code)
}

// TestNoLeakInMessages: the messages most likely to quote a secret, each
// made to fire on a marked value: a health-check command that is one whole
// curl with an Authorization header, an awslogs mode, a credential in
// environment, a task definition too large because of its environment
// values, a FireLens option.
func TestNoLeakInMessages(t *testing.T) {
	const secret = "Authorization: Bearer " + leakMarker
	for _, c := range []struct {
		name, rule, td string
	}{
		{"health-check command without prefix", "health_check",
			`{"containerDefinitions":[{"name":"web","image":"x","healthCheck":{"command":["curl -f -H '` + secret + `' http://localhost/"]}}]}`},
		{"health-check prefix in lower case", "health_check",
			`{"containerDefinitions":[{"name":"web","image":"x","healthCheck":{"command":["cmd-shell","curl -H '` + secret + `' http://localhost/"]}}]}`},
		{"awslogs mode", "awslogs_options",
			`{"containerDefinitions":[{"name":"web","image":"x","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"g","awslogs-region":"r","mode":"` + leakMarker + `"}}}]}`},
		{"credential in environment", "plaintext_secret",
			`{"containerDefinitions":[{"name":"web","image":"x","environment":[{"name":"DB_PASSWORD","value":"` + leakMarker + `"}]}]}`},
		{"size", "task_definition_size",
			`{"containerDefinitions":[{"name":"web","image":"x","environment":[{"name":"BIG","value":"` + strings.Repeat(leakMarker, 5000) + `"}]}]}`},
		{"FireLens config file on Fargate", "firelens_configuration",
			`{"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[{"name":"log","image":"x","firelensConfiguration":{"type":"fluentbit","options":{"config-file-type":"s3","config-file-value":"arn:aws:s3:::b/` + leakMarker + `"}}},{"name":"app","image":"x","logConfiguration":{"logDriver":"awsfirelens","options":{"Name":"` + leakMarker + `"}}}]}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			fired := false
			for _, f := range Run(parseTD(t, c.td), Config{}) {
				fired = fired || f.Rule.Name == c.rule
				if strings.Contains(f.Message, leakMarker) {
					t.Errorf("rule %s quotes a hidden value (at %s):\n%s", f.Rule.Name, f.Path, f.Message)
				}
			}
			if !fired {
				t.Fatalf("%s reported nothing, so the test shows nothing", c.rule)
			}
			checkNoLeak(t, c.td)
		})
	}
}
