// Package config reads .ecslint.hcl, ecslint's configuration file:
//
//	config {
//	  dynamic_port_range = "32768-65535" # host ports Docker picks for hostPort 0 in bridge mode
//	  var_files          = ["prod.tfvars"] # relative to this file
//	  call_module_type   = "all" # module calls followed: all, local or none
//	}
//
//	rule "plaintext_secret" {
//	  enabled = false
//	}
//
//	rule "static_host_port_in_dynamic_range" {
//	  severity = "error"
//	}
//
// Unknown keys and unknown rule names are errors with their ranges.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// FileName is the configuration file ecslint looks for in the linted root.
const FileName = ".ecslint.hcl"

// Config is the effective configuration.
type Config struct {
	// DynamicPortRange is the host port range of dynamic port mapping.
	DynamicPortRange rules.PortRange
	// VarFiles are -var-file paths, resolved against the configuration file's directory.
	VarFiles []string
	// CallModuleType is which module calls are followed: "all", "local" or
	// "none"; "" when the file does not say.
	CallModuleType string
	rules          map[string]ruleConfig
}

// CallModuleTypes are the values of call_module_type (and of ecslint's
// --call-module-type), in tflint's meaning: all = local calls and the remote
// calls terraform init installed; local = only ./ and ../ sources; none = no
// module call.
var CallModuleTypes = []string{"all", "local", "none"}

// CheckCallModuleType returns an error that says what to write when s is not
// one of CallModuleTypes.
func CheckCallModuleType(s string) error {
	for _, v := range CallModuleTypes {
		if s == v {
			return nil
		}
	}
	return fmt.Errorf("%q is not a module call type; use all (local and installed remote modules), local (only ./ and ../ sources) or none", s)
}

type ruleConfig struct {
	enabled  *bool
	severity *rules.Severity
}

// Default is the configuration without a file.
func Default() *Config {
	return &Config{DynamicPortRange: rules.DefaultDynamicPortRange, rules: map[string]ruleConfig{}}
}

// Enabled reports whether the rule runs.
func (c *Config) Enabled(name string) bool {
	if rc, ok := c.rules[name]; ok && rc.enabled != nil {
		return *rc.enabled
	}
	return true
}

// Severity returns the rule's severity after overrides.
func (c *Config) Severity(name string, def rules.Severity) rules.Severity {
	if rc, ok := c.rules[name]; ok && rc.severity != nil {
		return *rc.severity
	}
	return def
}

type fileSchema struct {
	Config *struct {
		DynamicPortRange *string  `hcl:"dynamic_port_range"`
		VarFiles         []string `hcl:"var_files,optional"`
		CallModuleType   *string  `hcl:"call_module_type"`
	} `hcl:"config,block"`
	Rules []struct {
		Name     string  `hcl:"name,label"`
		Enabled  *bool   `hcl:"enabled"`
		Severity *string `hcl:"severity"`
	} `hcl:"rule,block"`
}

// Find returns the path of the configuration file in dir, or "".
func Find(dir string) string {
	p := filepath.Join(dir, FileName)
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p
	}
	return ""
}

// Parse reads configuration source named filename.
func Parse(src []byte, filename string, known func(string) bool) (*Config, hcl.Diagnostics) {
	f, diags := hclparse.NewParser().ParseHCL(src, filename)
	if diags.HasErrors() {
		return nil, diags
	}
	var fs fileSchema
	if d := gohcl.DecodeBody(f.Body, nil, &fs); d.HasErrors() {
		// Report unknown rule names too, not only the first kind of mistake.
		for _, b := range ruleLabels(f.Body) {
			if !known(b.name) {
				d = append(d, unknownRule(b.name, b.rng))
			}
		}
		return nil, append(diags, d...)
	}
	cfg := Default()
	if fs.Config != nil {
		if s := fs.Config.DynamicPortRange; s != nil {
			r, err := ParsePortRange(*s)
			if err != nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid dynamic_port_range", Detail: err.Error(), Subject: attrRange(f.Body, "config", "dynamic_port_range")})
			} else {
				cfg.DynamicPortRange = r
			}
		}
		if s := fs.Config.CallModuleType; s != nil {
			if err := CheckCallModuleType(*s); err != nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid call_module_type", Detail: capital(err.Error()) + ".", Subject: attrRange(f.Body, "config", "call_module_type")})
			} else {
				cfg.CallModuleType = *s
			}
		}
		for _, vf := range fs.Config.VarFiles {
			if !filepath.IsAbs(vf) {
				vf = filepath.Join(filepath.Dir(filename), vf)
			}
			cfg.VarFiles = append(cfg.VarFiles, vf)
		}
	}
	blocks := ruleBlocks(f.Body)
	for i, r := range fs.Rules {
		var rng *hcl.Range
		if i < len(blocks) {
			rng = blocks[i]
		}
		if !known(r.Name) {
			diags = append(diags, unknownRule(r.Name, rng))
			continue
		}
		rc := ruleConfig{enabled: r.Enabled}
		if r.Severity != nil {
			sev, err := rules.ParseSeverity(*r.Severity)
			if err != nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid severity", Detail: capital(err.Error()) + ".", Subject: rng})
				continue
			}
			rc.severity = &sev
		}
		cfg.rules[r.Name] = rc
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return cfg, diags
}

func unknownRule(name string, rng *hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown rule", Detail: fmt.Sprintf("There is no rule %q; run `ecslint rules` for the list of rule names.", name), Subject: rng}
}

// ParsePortRange reads "32768-65535".
func ParsePortRange(s string) (rules.PortRange, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || from < 1 || to > 65535 || from > to {
		return rules.PortRange{}, fmt.Errorf("port range %q must be \"first-last\" with 1 <= first <= last <= 65535, for example \"32768-65535\"", s)
	}
	return rules.PortRange{From: from, To: to}, nil
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
