package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
	"github.com/ecskit/terraform-provider-ecskit/lint/plan"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// lintPath lints one command-line PATH.
func (r *runner) lintPath(p string) {
	st, err := os.Stat(p)
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read path",
			Detail: fmt.Sprintf("Cannot read %s: %s. Give a module directory, a .tf or .tf.json file, or a task-definition JSON file.", p, unwrapPathError(err))})
		return
	}
	switch {
	case st.IsDir() && r.opts.recursive:
		r.lintTree(p)
	case st.IsDir():
		r.lintModule(p, p)
	case isConfigFile(p) && !isPlanFile(p):
		dir := filepath.Dir(p)
		r.lintModule(dir, dir)
	default:
		r.lintJSONFile(p)
	}
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func isConfigFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// isPlanFile reports whether a .tf.json file is really plan JSON: the input
// kind is told by content, never by name alone.
func isPlanFile(name string) bool {
	if !strings.HasSuffix(name, ".json") {
		return false
	}
	src, err := tffunc.ReadCapped(name, tffunc.DefaultMaxFileSize)
	return err == nil && plan.IsPlan(src)
}

// lintTree lints every module directory below root: directories with .tf or
// .tf.json files, skipping hidden directories (.terraform, .git). Symbolic
// links to directories are not followed, so link loops cannot hang the walk.
func (r *runner) lintTree(root string) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read directory",
				Detail: fmt.Sprintf("Cannot read %s: %s.", path, unwrapPathError(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if hasConfigFiles(path) {
			r.lintModule(path, root)
		}
		return nil
	})
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read directory",
			Detail: fmt.Sprintf("Cannot walk %s: %s.", root, err)})
	}
}

func hasConfigFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && isConfigFile(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			return true
		}
	}
	return false
}

// schemas names the nested blocks of the resource types ecslint reads, for
// .tf.json files: those of the configuration rules, and the task definitions'
// from compose.TaskSchema.
func schemas() map[string]*module.BlockSchema {
	out := make(map[string]*module.BlockSchema, len(configrules.Schemas)+2)
	for typ, s := range configrules.Schemas {
		out[typ] = s
	}
	task := blockSchema(compose.TaskSchema)
	out["aws_ecs_task_definition"], out["ecskit_task_definition"] = task, task
	return out
}

// lintModule loads the module in dir (files read inside allowed) and checks it.
func (r *runner) lintModule(dir, allowed string) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read module",
			Detail: fmt.Sprintf("Cannot read the module directory %s: %s.", dir, unwrapPathError(err))})
		return
	}
	if r.modules[abs] {
		return
	}
	r.modules[abs] = true
	if a, err := filepath.Abs(dir); err == nil {
		dir = r.displayName(a)
	}
	cfg, diags := module.Load(dir, module.Options{
		VarFiles:    r.opts.varFiles,
		Vars:        r.opts.vars,
		DataSources: dataSources(r.rulesConfig()),
		Schemas:     schemas(),
		AllowedDir:  allowed,
	})
	r.errors = append(r.errors, diags...)
	for name, f := range cfg.Files {
		r.files[name] = f
	}
	r.roots = append(r.roots, cfg)
	files, err := tffunc.NewFiles(dir, allowed, 0)
	if err != nil {
		files = nil
	}
	m := &moduleRun{r: r, cfg: cfg, files: files}
	m.checkTaskDefinitions()
	for _, f := range configrules.Check(cfg, configrules.Options{DynamicPortRange: r.opts.portRange, Skip: r.skip}) {
		r.add(f)
	}
}

// lintJSONFile lints a task-definition JSON file: a RegisterTaskDefinition
// input, a describe-task-definition output or a bare containerDefinitions
// array, told apart by content.
func (r *runner) lintJSONFile(path string) {
	name := path
	if a, err := filepath.Abs(path); err == nil {
		name = r.displayName(a)
	}
	src, err := tffunc.ReadCapped(path, tffunc.DefaultMaxFileSize)
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read file",
			Detail: fmt.Sprintf("Cannot read %s: %s.", name, unwrapPathError(err))})
		return
	}
	r.addSource(name, src)
	n, diags := tree.ParseJSON(src, name)
	if diags.HasErrors() {
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				d.Detail = strings.TrimSpace(d.Detail + " ecslint reads this file as JSON (a task definition); Terraform files must end in .tf or .tf.json.")
			}
		}
		r.errors = append(r.errors, diags...)
		return
	}
	start := hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}
	if plan.IsPlan(src) {
		r.lintPlan(name, src)
		return
	}
	if !looksLikeTaskDefinition(n) {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Not a task definition",
			Detail:  name + " is JSON but not a task definition: expected a RegisterTaskDefinition input (with containerDefinitions), a describe-task-definition output (with taskDefinition) or an array of container definitions.",
			Subject: n.Range.Ptr()})
		return
	}
	td, errs := decode(n)
	for _, d := range errs.Diagnostics() {
		if d.Subject == nil {
			d.Subject = start.Ptr()
		}
		r.addError(d)
	}
	for _, f := range rules.Run(td, r.rulesConfig()) {
		r.addFinding(f, start, "")
	}
}

func looksLikeTaskDefinition(n *tree.Node) bool {
	switch n.Kind {
	case tree.Array:
		return true
	case tree.Object:
		return n.Get("containerDefinitions") != nil || n.Get("taskDefinition") != nil
	}
	return false
}
