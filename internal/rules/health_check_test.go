package rules

import (
	"strings"
	"testing"
)

func TestHealthCheck(t *testing.T) {
	hc := func(body string) string {
		return `{"containerDefinitions":[{"name":"web","image":"x","healthCheck":` + body + `}]}`
	}
	runRule(t, HealthCheck, []ruleCase{
		{name: "valid", td: hc(`{"command":["CMD-SHELL","curl -f http://localhost/ || exit 1"],"interval":30,"timeout":5,"retries":3,"startPeriod":0}`)},
		{name: "edges", td: hc(`{"command":["CMD","/bin/check"],"interval":300,"timeout":60,"retries":10,"startPeriod":300}`)},
		{name: "low edges", td: hc(`{"command":["CMD","/bin/check"],"interval":5,"timeout":2,"retries":1}`)},
		{name: "no prefix warns", td: hc(`{"command":["curl","-f","http://localhost/"]}`),
			want:  []string{`container "web": healthCheck.command starts with neither "CMD" nor "CMD-SHELL"; `},
			paths: []string{"containerDefinitions[0].healthCheck.command[0]"}},
		{name: "lowercase prefix warns", td: hc(`{"command":["cmd-shell","true"]}`), want: []string{`starts with neither "CMD" nor "CMD-SHELL" (the prefix is case-sensitive)`}},
		{name: "missing command", td: hc(`{"interval":30}`), want: []string{`container "web": healthCheck has no command`}, paths: []string{"containerDefinitions[0].healthCheck"}},
		{name: "empty command", td: hc(`{"command":[]}`), want: []string{"healthCheck.command is empty"}},
		{name: "prefix only", td: hc(`{"command":["CMD-SHELL",""]}`), want: []string{`healthCheck.command is "CMD-SHELL" with nothing to run`}},
		{name: "out of range", td: hc(`{"command":["CMD","true"],"interval":1,"timeout":61,"retries":0,"startPeriod":301}`),
			want: []string{
				"healthCheck.interval is 1, outside the 5–300 seconds ECS accepts. Set interval between 5 and 300; omit it to use the default of 30 seconds.",
				"healthCheck.timeout is 61, outside the 2–60 seconds",
				"healthCheck.retries is 0, outside the 1–10 ECS accepts",
				"healthCheck.startPeriod is 301, outside the 0–300 seconds ECS accepts. Set startPeriod between 0 and 300; omit it to have no start period.",
			},
			paths: []string{"containerDefinitions[0].healthCheck.interval", "containerDefinitions[0].healthCheck.timeout", "containerDefinitions[0].healthCheck.retries", "containerDefinitions[0].healthCheck.startPeriod"}},
		{name: "unknown health check", td: hc(`"(known after apply)"`)},
		{name: "unknown command", td: hc(`{"command":"(known after apply)","interval":"(known after apply)"}`)},
		{name: "unknown first word", td: hc(`{"command":["(known after apply)","x"]}`)},
		{name: "unknown argument", td: hc(`{"command":["CMD-SHELL","(known after apply)"]}`)},
	})
	td := parseTD(t, hc(`{"command":["curl","-f","http://localhost/"]}`))
	fs := Run(td, Config{Skip: func(n string) bool { return n != HealthCheck.Name }})
	if len(fs) != 1 || fs[0].Severity != Warning {
		t.Fatalf("command without CMD: got %v, want one warning", fs)
	}
	if want := `write ["CMD-SHELL", <the command as one string>]`; !strings.Contains(fs[0].Message, want) {
		t.Errorf("message %q does not suggest %s", fs[0].Message, want)
	}
	// The command is free text, hidden in the redacted copies: the message
	// quotes none of it (a whole curl with its Authorization header may be
	// the first element).
	for _, word := range []string{"curl", "-f", "localhost"} {
		if strings.Contains(fs[0].Message, word) {
			t.Errorf("message %q quotes the command (%q)", fs[0].Message, word)
		}
	}
}
