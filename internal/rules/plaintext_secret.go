package rules

import (
	"strings"
	"unicode"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// PlaintextSecret: an environment variable whose name ends in a credential
// word (DB_PASSWORD, GITHUB_TOKEN, STRIPE_API_KEY) and whose value is a
// literal is stored in plain text in the task definition, readable by anyone
// who may describe it. ECS's secrets field injects it from Secrets Manager or
// SSM instead (ecs-facts 1.11, 12.1). To keep false positives low the
// credential word must end the name (TOKEN_URL, SECRET_ARN and PASSWORD_FILE
// name something else) and values that are references, paths or flags are
// skipped.
var PlaintextSecret = register(&Rule{
	Meta: Meta{
		Name:     "plaintext_secret",
		Severity: Warning,
		Title:    "Credential in a plain environment variable",
		Summary:  "Environment variable that looks like a credential with a literal value (use secrets).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		for _, c := range p.TD.ContainerDefinitions.Items {
			for _, kv := range c.Environment.Items {
				name, ok := kv.Name.Get()
				if !ok || !credentialName(name) {
					continue
				}
				value, ok := kv.Value.Get()
				if !ok || !literalValue(value) {
					continue
				}
				p.Report(kv.Value, "%s: environment variable %s looks like a credential and holds a literal value; it is stored in plain text in the task definition and shown to anyone who can describe it. Move it to secrets: {\"name\": %s, \"valueFrom\": <ARN of a Secrets Manager secret or SSM SecureString parameter>} (this needs an executionRoleArn allowed to read it).",
					c.Label(), name, taskdef.Quote(name))
			}
		}
	},
})

// credentialSuffixes are the word sequences that, ending a variable name,
// mark it as a credential.
var credentialSuffixes = [][]string{
	{"PASSWORD"}, {"PASSWD"}, {"PASSPHRASE"}, {"PASS"}, {"PWD"},
	{"SECRET"}, {"TOKEN"}, {"APIKEY"}, {"CREDENTIAL"}, {"CREDENTIALS"},
	{"API", "KEY"}, {"ACCESS", "KEY"}, {"PRIVATE", "KEY"}, {"SECRET", "KEY"}, {"AUTH", "KEY"},
	{"ENCRYPTION", "KEY"}, {"SIGNING", "KEY"}, {"MASTER", "KEY"}, {"LICENSE", "KEY"}, {"APP", "KEY"},
}

// credentialName reports whether an environment variable name ends in a
// credential word: DB_PASSWORD, dbPassword, DD_API_KEY, apiKey.
func credentialName(name string) bool {
	words := nameWords(name)
	for _, suf := range credentialSuffixes {
		n := len(suf)
		if len(words) < n {
			continue
		}
		if suf[0] == "PWD" && len(words) == 1 {
			continue // $PWD is the working directory
		}
		match := true
		for i, w := range suf {
			if words[len(words)-n+i] != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// nameWords splits a variable name into upper-case words at non-alphanumeric
// characters and camelCase boundaries: "dbAPIKey" → DB, API, KEY.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	rs := []rune(name)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToUpper(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// literalValue reports whether a value looks like an inline credential
// rather than empty, a reference (ARN, ${…}, {{resolve:…}}), a file path or
// a flag.
func literalValue(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	lower := strings.ToLower(v)
	for _, prefix := range []string{"arn:", "/", "file://", "s3://", "ssm:", "secretsmanager:"} {
		if strings.HasPrefix(lower, prefix) {
			return false
		}
	}
	for _, ref := range []string{"${", "{{", "$("} {
		if strings.Contains(v, ref) {
			return false
		}
	}
	switch lower {
	case "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null", "0", "1":
		return false
	}
	return true
}
