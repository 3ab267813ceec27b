package compose

import (
	"strings"
	"testing"
)

func TestRedactContainers(t *testing.T) {
	const secret = "hunter2"
	in := `[{"name":"web","image":"nginx:1.27","cpu":256,"memory":512,"essential":true,` +
		`"environment":[{"name":"APP_ENV","value":"` + secret + `"},{"name":"DB_PASSWORD","value":"` + secret + `"}],` +
		`"secrets":[{"name":"API_KEY","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/api-key"}],` +
		`"command":["--password",` + `"` + secret + `"],"entryPoint":["sh","-c"],` +
		`"healthCheck":{"command":["CMD-SHELL","curl -u admin:` + secret + ` localhost"],"interval":30,"retries":3,"timeout":5},` +
		`"logConfiguration":{"logDriver":"splunk","options":{"splunk-token":"` + secret + `"},"secretOptions":[{"name":"x","valueFrom":"arn:aws:ssm:::parameter/x"}]},` +
		`"firelensConfiguration":{"type":"fluentbit","options":{"config-file-value":"` + secret + `"}},` +
		`"dockerLabels":{"traefik.auth":"` + secret + `"},` +
		`"portMappings":[{"containerPort":80,"hostPort":80}],` +
		`"someNewField":{"token":"` + secret + `"}}, "not an object"]`
	got, err := RedactContainers(in)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, secret) {
		t.Fatalf("the redacted JSON still holds the secret:\n%s", got)
	}
	want := `[{"command":["(redacted)","(redacted)"],"cpu":256,"dockerLabels":{"traefik.auth":"(redacted)"},"entryPoint":["(redacted)","(redacted)"],` +
		`"environment":[{"name":"APP_ENV","value":"(redacted)"},{"name":"DB_PASSWORD","value":"(redacted)"}],"essential":true,` +
		`"firelensConfiguration":{"options":{"config-file-value":"(redacted)"},"type":"fluentbit"},` +
		`"healthCheck":{"command":["CMD-SHELL","(redacted)"],"interval":30,"retries":3,"timeout":5},"image":"nginx:1.27",` +
		`"logConfiguration":{"logDriver":"splunk","options":{"splunk-token":"(redacted)"},"secretOptions":[{"name":"x","valueFrom":"arn:aws:ssm:::parameter/x"}]},` +
		`"memory":512,"name":"web","portMappings":[{"containerPort":80,"hostPort":80}],` +
		`"secrets":[{"name":"API_KEY","valueFrom":"arn:aws:ssm:eu-west-1:123456789012:parameter/api-key"}],"someNewField":"(redacted)"},"(redacted)"]`
	if got != want {
		t.Errorf("RedactContainers:\n got %s\nwant %s", got, want)
	}
}

// TestRedactWrongShapes: values of an unexpected shape are redacted whole,
// never passed through.
func TestRedactWrongShapes(t *testing.T) {
	for _, in := range []string{
		`{"name":"a","environment":"x-secret"}`,
		`{"name":"a","environment":["x-secret"]}`,
		`{"name":"a","environment":[{"name":"A","value":"x-secret","other":"x-secret"}]}`,
		`{"name":"a","healthCheck":"x-secret"}`,
		`{"name":"a","healthCheck":{"command":"x-secret","extra":"x-secret"}}`,
		`{"name":"a","logConfiguration":{"logDriver":"awslogs","options":["x-secret"]}}`,
		`{"name":"a","dockerLabels":["x-secret"]}`,
		`{"name":"a","command":"x-secret"}`,
		`{"name":"a","command":[{"x":"x-secret"}]}`,
	} {
		got, err := RedactContainer(in)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if strings.Contains(got, "x-secret") {
			t.Errorf("RedactContainer(%s) = %s: the value passed through", in, got)
		}
	}
	if got, _ := RedactContainers(`{"name":"not a list"}`); got != `"(redacted)"` {
		t.Errorf("RedactContainers of an object = %s, want the whole value redacted", got)
	}
	if _, err := RedactContainers(`[{`); err == nil {
		t.Error("RedactContainers of invalid JSON returned no error")
	}
}
