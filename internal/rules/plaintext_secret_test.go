package rules

import (
	"strings"
	"testing"
)

func TestPlaintextSecret(t *testing.T) {
	env := func(pairs string) string {
		return `{"containerDefinitions":[{"name":"web","image":"x","environment":[` + pairs + `]}]}`
	}
	runRule(t, PlaintextSecret, []ruleCase{
		{name: "password", td: env(`{"name":"DB_PASSWORD","value":"hunter2"}`),
			want:  []string{`container "web": environment variable DB_PASSWORD looks like a credential and holds a literal value`},
			paths: []string{"containerDefinitions[0].environment[0].value"}},
		{name: "many credential names", td: env(`{"name":"GITHUB_TOKEN","value":"ghp_x"},{"name":"DD_API_KEY","value":"k"},{"name":"apiKey","value":"k"},{"name":"AWS_SECRET_ACCESS_KEY","value":"k"},{"name":"client-secret","value":"s"},{"name":"SSH_PRIVATE_KEY","value":"-----BEGIN"},{"name":"dbPassword","value":"p"},{"name":"SMTP_PASS","value":"p"}`),
			want: []string{"GITHUB_TOKEN", "DD_API_KEY", "apiKey", "AWS_SECRET_ACCESS_KEY", "client-secret", "SSH_PRIVATE_KEY", "dbPassword", "SMTP_PASS"}},
		{name: "word boundaries", td: env(`{"name":"TOKEN_URL","value":"https://auth/token"},{"name":"SECRET_ARN","value":"x"},{"name":"PASSWORD_FILE","value":"pw.txt"},{"name":"MAX_TOKENS","value":"100"},{"name":"PASSWORD_MIN_LENGTH","value":"12"},{"name":"BYPASS","value":"x"},{"name":"AWS_ACCESS_KEY_ID","value":"AKIA"},{"name":"PWD","value":"/app"},{"name":"KEYSPACE","value":"k"},{"name":"SORT_KEY","value":"k"}`)},
		{name: "references and flags", td: env(`{"name":"DB_PASSWORD","value":"arn:aws:secretsmanager:us-east-1:1:secret:db"},{"name":"API_TOKEN","value":"${TOKEN}"},{"name":"JWT_SECRET","value":"{{resolve:secretsmanager:jwt}}"},{"name":"GOOGLE_APPLICATION_CREDENTIALS","value":"/run/creds.json"},{"name":"USE_TOKEN","value":"true"},{"name":"ADMIN_PASSWORD","value":""}`)},
		{name: "unknown value", td: env(`{"name":"DB_PASSWORD","value":"(known after apply)"}`)},
		{name: "unknown name", td: env(`{"name":"(known after apply)","value":"hunter2"}`)},
		{name: "unknown environment", td: `{"containerDefinitions":[{"name":"web","image":"x","environment":"(known after apply)"}]}`},
	})
}

func TestNameWords(t *testing.T) {
	for in, want := range map[string]string{
		"dbAPIKey":      "DB API KEY",
		"DB_PASSWORD":   "DB PASSWORD",
		"client-secret": "CLIENT SECRET",
		"oauth2Token":   "OAUTH2 TOKEN",
		"APIKEY":        "APIKEY",
	} {
		got := nameWords(in)
		if s := strings.Join(got, " "); s != want {
			t.Errorf("nameWords(%q) = %q, want %q", in, s, want)
		}
	}
}
