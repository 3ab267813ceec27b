package config

import (
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

func known(n string) bool { return n == "plaintext_secret" || n == "host_port_zero" }

func TestParse(t *testing.T) {
	src := `
config {
  dynamic_port_range = "49153-65535"
  var_files          = ["prod.tfvars"]
  call_module_type   = "local"
}

rule "plaintext_secret" {
  enabled = false
}

rule "host_port_zero" {
  severity = "warning"
}
`
	cfg, diags := Parse([]byte(src), "/repo/.ecslint.hcl", known)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if cfg.DynamicPortRange != (rules.PortRange{From: 49153, To: 65535}) {
		t.Errorf("range %v", cfg.DynamicPortRange)
	}
	if len(cfg.VarFiles) != 1 || cfg.VarFiles[0] != "/repo/prod.tfvars" {
		t.Errorf("var files %v", cfg.VarFiles)
	}
	if cfg.CallModuleType != "local" {
		t.Errorf("call_module_type %q, want local", cfg.CallModuleType)
	}
	if cfg.Enabled("plaintext_secret") || !cfg.Enabled("host_port_zero") {
		t.Error("enabled wrong")
	}
	if cfg.Severity("host_port_zero", rules.Error) != rules.Warning || cfg.Severity("plaintext_secret", rules.Warning) != rules.Warning {
		t.Error("severity wrong")
	}
}

func TestErrorsHaveRanges(t *testing.T) {
	cases := []struct {
		src, want string
		line, col int
	}{
		{"rule \"nope\" {\n  enabled = false\n}\n", `There is no rule "nope"`, 1, 6},
		{"config {\n  dynamic_range = \"1-2\"\n}\n", `An argument named "dynamic_range" is not expected here`, 2, 3},
		{"rule \"host_port_zero\" {\n  enabled = false\n  level = 1\n}\n", `An argument named "level" is not expected here`, 3, 3},
		{"config {\n  dynamic_port_range = \"70000-1\"\n}\n", `must be "first-last"`, 2, 24},
		{"rule \"host_port_zero\" {\n  severity = \"fatal\"\n}\n", `Unknown severity "fatal"`, 1, 6},
		{"colour = true\n", `An argument named "colour" is not expected here`, 1, 1},
		{"config {\n", `Unclosed configuration block`, 1, 8},
		{"config {\n  call_module_type = \"remote\"\n}\n", `"remote" is not a module call type; use all`, 2, 22},
	}
	for _, c := range cases {
		_, diags := Parse([]byte(c.src), ".ecslint.hcl", known)
		if !diags.HasErrors() {
			t.Errorf("%q: want an error", c.src)
			continue
		}
		d := diags[0]
		if !strings.Contains(d.Summary+" "+d.Detail, c.want) {
			t.Errorf("%q: got %q / %q, want %q", c.src, d.Summary, d.Detail, c.want)
		}
		if d.Subject == nil || d.Subject.Start.Line != c.line || d.Subject.Start.Column != c.col {
			t.Errorf("%q: range %v, want %d:%d", c.src, d.Subject, c.line, c.col)
		}
	}
}
