package lint

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/lint/config"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// configPath returns the configuration file to use: --config, else
// .ecslint.hcl in the linted root (the first PATH that is a directory), else
// in the working directory (where pre-commit runs, with changed files as
// PATHs); "" when there is none.
func (r *runner) configPath() string {
	if r.opts.config != "" {
		return r.opts.config
	}
	for _, p := range r.opts.paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			if found := config.Find(p); found != "" {
				return found
			}
			break
		}
	}
	return config.Find(".")
}

// loadConfig reads the configuration file, if any, and applies it: the
// dynamic port range (unless --dynamic-port-range was given) and the
// variable files (before those of --var-file). It reports false when the
// file has errors: then nothing is linted and the run exits 2.
func (r *runner) loadConfig() bool {
	path := r.configPath()
	if path == "" {
		return true
	}
	name := path
	if a, err := filepath.Abs(path); err == nil {
		name = r.displayName(a)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read the configuration file",
			Detail: fmt.Sprintf("Cannot read %s: %s. Fix the path given to --config, or remove the flag.", name, unwrapPathError(err))})
		return false
	}
	r.files[name] = &hcl.File{Bytes: src}
	cfg, diags := config.Parse(src, name, knownRule)
	r.errors = append(r.errors, diags...)
	if diags.HasErrors() {
		return false
	}
	r.cfg = cfg
	if r.opts.callModuleType == "" {
		r.opts.callModuleType = cfg.CallModuleType
	}
	if !r.opts.portsSet {
		r.opts.portRange = cfg.DynamicPortRange
	}
	r.opts.varFiles = append(append([]string{}, cfg.VarFiles...), r.opts.varFiles...)
	return true
}

// readMissingSources reads, for the text format, the files of findings whose
// source was not kept: findings from plan JSON placed on a resource's block
// header after its module's files were dropped.
func (r *runner) readMissingSources(fs []findings.Finding) {
	if r.opts.format != "text" {
		return
	}
	for _, f := range fs {
		name := f.Range.Filename
		if _, ok := r.files[name]; ok || name == "" {
			continue
		}
		if src, err := tffunc.ReadCapped(name, tffunc.DefaultMaxFileSize); err == nil {
			r.files[name] = &hcl.File{Bytes: src}
		}
	}
}
