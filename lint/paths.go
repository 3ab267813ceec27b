package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/ignore"
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

// lintTree lints the module directories below root: directories with .tf or
// .tf.json files, skipping hidden directories (.terraform, .git). Symbolic
// links to directories are not followed, so link loops cannot hang the walk.
//
// A module directory that another module of the tree calls (a local source
// leading to it) is checked through its callers, with their inputs, not
// again on its own: that is what Terraform evaluates, and a reusable
// module's defaults are its callers' to override. So the walk first lists
// the module directories and the local calls of each (module.LocalCalls,
// which parses only the files that may hold one); then the modules that no
// other module of the tree calls are checked, each with the modules it
// calls; then, one at a time in walk order, the called modules that none of
// those checks reached (called only from a cycle of calls, or only by
// callers that failed to load, or only with count = 0) are checked on their
// own, so that no module is left out. With --call-module-type none no call
// is followed, so every module is checked on its own.
func (r *runner) lintTree(root string) {
	events := r.walkTree(root)
	calls := r.treeCalls(events)
	called := map[string]bool{}
	for _, dirs := range calls {
		for d := range dirs {
			called[d] = true
		}
	}
	r.parsed.SetShared(sharedModules(events, calls, called))
	defer r.parsed.SetShared(nil)
	reached := map[string]bool{}
	r.checkInOrder(events, root, func(e *treeEvent) bool { return !called[e.real] }, reached)
	for i := range events {
		e := &events[i]
		if e.diag != nil || !called[e.real] || reached[e.real] {
			continue
		}
		if display := r.claimReal(e.abs, e.real); display != "" {
			res := r.checkModule(display, root)
			r.merge(res)
			for _, d := range res.called {
				reached[d] = true
			}
		}
	}
}

// treeEvent is one event of the walk of a tree, in walk order: an error (a
// directory that cannot be read), or a module directory.
type treeEvent struct {
	diag      *hcl.Diagnostic
	abs, real string // the module directory: absolute, and with links resolved
}

// walkTree lists the module directories below root in walk order: each
// directory before its subdirectories, those in lexical order. Each
// directory is read once: its entries tell both whether it is a module and
// which subdirectories to walk.
func (r *runner) walkTree(root string) []treeEvent {
	var events []treeEvent
	fail := func(d *hcl.Diagnostic) { events = append(events, treeEvent{diag: d}) }
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			fail(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read directory",
				Detail: fmt.Sprintf("Cannot read %s: %s.", dir, unwrapPathError(err))})
			return
		}
		if hasConfigFiles(entries) {
			abs, real, diag := resolveModule(dir)
			if diag != nil {
				fail(diag)
			} else {
				events = append(events, treeEvent{abs: abs, real: real})
			}
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				walk(filepath.Join(dir, e.Name()))
			}
		}
	}
	walk(root)
	return events
}

// treeCalls returns, for each module directory of the tree (by real path),
// the other module directories of the tree its local calls lead to
// (module.LocalCalls), read by GOMAXPROCS workers. Under
// --call-module-type none it returns none.
func (r *runner) treeCalls(events []treeEvent) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	if r.callModuleType() == module.CallNone {
		return out
	}
	inTree := make(map[string]bool, len(events))
	for _, e := range events {
		if e.diag == nil {
			inTree[e.real] = true
		}
	}
	calls := make([][]string, len(events))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				calls[i] = module.LocalCalls(events[i].real, 0)
			}
		}()
	}
	for i, e := range events {
		if e.diag == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	for i, dirs := range calls {
		for _, d := range dirs {
			if d != events[i].real && inTree[d] {
				if out[events[i].real] == nil {
					out[events[i].real] = map[string]bool{}
				}
				out[events[i].real][d] = true
			}
		}
	}
	return out
}

// sharedModules returns the module directories of the tree that more than
// one of the modules nothing calls leads to, through calls at any depth:
// those the checks read more than once, which the parse cache keeps.
func sharedModules(events []treeEvent, calls map[string]map[string]bool, called map[string]bool) map[string]bool {
	uses := map[string]int{}
	for _, e := range events {
		if e.diag != nil || called[e.real] {
			continue
		}
		seen := map[string]bool{e.real: true}
		stack := []string{e.real}
		for len(stack) > 0 {
			d := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for c := range calls[d] {
				if !seen[c] {
					seen[c] = true
					uses[c]++
					stack = append(stack, c)
				}
			}
		}
	}
	shared := map[string]bool{}
	for d, n := range uses {
		if n > 1 {
			shared[d] = true
		}
	}
	return shared
}

// callModuleType is the run's module call type: --call-module-type, else
// .ecslint.hcl's call_module_type, else all.
func (r *runner) callModuleType() string {
	if t := r.moduleOptions().CallModuleType; t != "" {
		return t
	}
	return module.CallAll
}

// checkInOrder checks the module directories of events that pick selects,
// and reports the walk's errors, with GOMAXPROCS workers. Every event takes
// a slot in a queue in walk order; this goroutine merges the slots in that
// order, each when its worker is done, so the output does not depend on
// scheduling. The queue is bounded, so at most a few modules' results wait
// in memory. The directories the checks reached through calls are added to
// reached.
func (r *runner) checkInOrder(events []treeEvent, root string, pick func(*treeEvent) bool, reached map[string]bool) {
	workers := runtime.GOMAXPROCS(0)
	type slot struct {
		diag *hcl.Diagnostic // an error of the walk, or
		dir  string          // a module directory to lint, whose result is
		res  *moduleResult
		done chan struct{} // closed when res is set
	}
	order := make(chan *slot, 4*workers)
	jobs := make(chan *slot, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				s.res = r.checkModule(s.dir, root)
				close(s.done)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for i := range events {
			e := &events[i]
			switch {
			case e.diag != nil:
				order <- &slot{diag: e.diag}
			case pick(e):
				// Claimed here, in walk order, so that the same directory reached
				// twice (through a link) is linted under its first name.
				if display := r.claimReal(e.abs, e.real); display != "" {
					s := &slot{dir: display, done: make(chan struct{})}
					order <- s
					jobs <- s
				}
			}
		}
	}()
	for s := range order {
		if s.done == nil {
			r.addError(s.diag)
			continue
		}
		<-s.done
		r.merge(s.res)
		for _, d := range s.res.called {
			reached[d] = true
		}
	}
	wg.Wait()
}

// hasConfigFiles reports whether a directory's entries include a .tf or
// .tf.json file.
func hasConfigFiles(entries []os.DirEntry) bool {
	for _, e := range entries {
		if !e.IsDir() && isConfigFile(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			return true
		}
	}
	return false
}

// schemas names the nested blocks of the resource types ecslint reads, for
// .tf.json files: configrules.Schemas, which has the task definitions' from
// compose's table too.
func schemas() map[string]*module.BlockSchema { return configrules.Schemas }

// readTypes names the resource and data source types ecslint reads: the
// task definitions and ecskit data sources of the task-definition rules, and
// those of the configuration rules. The loader evaluates no others.
func readTypes() map[string]bool {
	out := map[string]bool{"aws_ecs_task_definition": true, "ecskit_task_definition": true,
		"ecskit_container_definition": true, "ecskit_fargate_size": true}
	for typ := range configrules.Types {
		out[typ] = true
	}
	return out
}

// lintModule loads the module in dir (files read inside allowed) and checks it.
func (r *runner) lintModule(dir, allowed string) {
	display, diag := r.claimModule(dir)
	switch {
	case diag != nil:
		r.addError(diag)
	case display != "":
		r.merge(r.checkModule(display, allowed))
	}
}

// claimModule returns the name to lint the module directory dir under, or ""
// when it was already linted in this run (it is compared by real path).
func (r *runner) claimModule(dir string) (string, *hcl.Diagnostic) {
	abs, real, diag := resolveModule(dir)
	if diag != nil {
		return "", diag
	}
	return r.claimReal(abs, real), nil
}

// resolveModule returns a module directory's absolute path and its real
// path (links resolved).
func resolveModule(dir string) (abs, real string, diag *hcl.Diagnostic) {
	abs, err := filepath.Abs(dir)
	real = abs
	if err == nil {
		real, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return "", "", &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read module",
			Detail: fmt.Sprintf("Cannot read the module directory %s: %s.", dir, unwrapPathError(err))}
	}
	return abs, real, nil
}

// claimReal returns the name to lint the module directory abs (real with
// links resolved) under, or "" when it was already linted on its own in
// this run. It is not safe for concurrent use.
func (r *runner) claimReal(abs, real string) string {
	if r.modules[real] {
		return ""
	}
	r.modules[real] = true
	return r.displayName(abs)
}

// moduleResult is what checking one module directory produced. Workers build
// it without touching the runner; merge adds it to the runner.
type moduleResult struct {
	findings []findings.Finding
	errors   hcl.Diagnostics
	// files are the files the module tree was read from, by the names in
	// ranges, and the JSON files read with file(); merge keeps the few the
	// output shows.
	files map[string]*hcl.File
	// directives are the ignore comments of the .tf files that have any.
	directives map[string][]*ignore.Directive
	// instances are the resource instances, for placing findings from plan
	// JSON on their blocks.
	instances []*module.Instance
	// called are the module directories (real paths) the check reached
	// through calls, with at least one instance.
	called []string
}

func (m *moduleResult) addError(d *hcl.Diagnostic) { m.errors = append(m.errors, d) }

// addFinding records a task-definition rule finding about instance in. A
// finding without a source range is placed on the block header.
func (m *moduleResult) addFinding(f rules.Finding, rng hcl.Range, addr string) {
	m.findings = append(m.findings, ruleFinding(f, rng, addr))
}

func (m *moduleResult) addSource(name string, src []byte) {
	if _, ok := m.files[name]; !ok {
		m.files[name] = &hcl.File{Bytes: src}
	}
}

// checkModule loads the module in dir (files read inside allowed) and checks
// it. It only reads the runner, so modules are checked concurrently.
func (r *runner) checkModule(dir, allowed string) *moduleResult {
	opts := r.moduleOptions()
	opts.AllowedDir = allowed
	cfg, diags := module.Load(dir, opts)
	unsetEmptyStrings(cfg)
	out := &moduleResult{errors: diags, files: make(map[string]*hcl.File, len(cfg.Files))}
	for name, f := range cfg.Files {
		out.files[name] = f
		if strings.HasSuffix(name, ".tf") && bytes.Contains(f.Bytes, ignoreMarker) {
			if out.directives == nil {
				out.directives = map[string][]*ignore.Directive{}
			}
			out.directives[name] = ignore.Parse(f.Bytes, name)
		}
	}
	out.instances = cfg.Instances
	out.called = cfg.Called
	m := &moduleRun{r: r, out: out, cfg: cfg, files: cfg.Reader}
	m.check()
	hideSensitive(out, plan.HiddenStrings(cfg.Sensitive))
	return out
}

// ignoreMarker starts every ignore comment; only files that contain it are
// lexed for ignore comments.
var ignoreMarker = []byte("ecslint-ignore")

// merge adds a module's result to the run: its ignore comments first, so
// that they apply to its findings; then its errors and findings. Of its
// files, only those the output shows are kept, so memory does not grow with
// the number of modules linted.
func (r *runner) merge(m *moduleResult) {
	for name, ds := range m.directives {
		if !r.ignored[name] {
			r.ignored[name] = true
			r.ignores.Add(name, ds)
			r.keepSource(name, m.files[name], false)
		}
	}
	for _, d := range m.errors {
		r.addError(d)
		for _, rng := range []*hcl.Range{d.Subject, d.Context} {
			if rng != nil {
				r.keepSource(rng.Filename, m.files[rng.Filename], true)
			}
		}
	}
	for _, in := range m.instances {
		if in.Mode != module.Managed {
			continue
		}
		addr := stripKeys(in.Address)
		if _, ok := r.blocks[addr]; !ok {
			r.blocks[addr] = in.DefRange
		}
	}
	for _, f := range m.findings {
		if r.add(f) {
			r.keepSource(f.Range.Filename, m.files[f.Range.Filename], false)
		}
	}
}

// keepSource keeps the file the output shows a snippet of (only the text
// format shows any): all of it for diagnostics, whose snippets name the
// enclosing block, only its bytes for findings.
func (r *runner) keepSource(name string, f *hcl.File, whole bool) {
	if r.opts.format != "text" || f == nil {
		return
	}
	if old, ok := r.files[name]; ok && (old.Body != nil || !whole) {
		return
	}
	if !whole {
		f = &hcl.File{Bytes: f.Bytes}
	}
	r.files[name] = f
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
	if err == nil {
		src, err = plan.Text(src) // UTF-16 as Windows PowerShell writes it, or UTF-8 with a byte-order mark
	}
	if err != nil {
		r.addError(&hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read file",
			Detail: fmt.Sprintf("Cannot read %s: %s.", name, unwrapPathError(err))})
		return
	}
	if !plan.MayBePlan(src) {
		r.addSource(name, src) // a plan's lines hold its sensitive values in plain text: none is printed
	}
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
