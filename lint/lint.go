// Package lint is ecslint: it finds Amazon ECS task definitions in Terraform
// modules and task-definition JSON files, runs ecskit's rule catalogue on
// them, and reports findings on their source ranges. Run is the whole
// command line, taking its output writers, so whole runs are tested in
// process.
package lint

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/lint/config"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/format"
	"github.com/ecskit/terraform-provider-ecskit/lint/ignore"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// Version is ecslint's version; release builds set it with
// -ldflags "-X github.com/ecskit/terraform-provider-ecskit/lint.Version=v1.2.3".
var Version = ""

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitFailed   = 2 // the run failed: bad flags, unreadable path, syntax errors in input
)

const usage = `Usage: ecslint [flags] [PATH ...]
       ecslint rules
       ecslint version

ecslint checks Amazon ECS task definitions before terraform apply. PATH is a
Terraform module directory, a .tf or .tf.json file (its directory is linted),
a plan in JSON form (terraform show -json), or a task-definition JSON file.
Without PATH, the current directory is linted. Settings: .ecslint.hcl.

Flags:
`

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

type options struct {
	recursive bool
	format    string
	failOn    rules.Severity
	varFiles  []string
	vars      []string
	portRange rules.PortRange
	portsSet  bool   // --dynamic-port-range was given: it wins over .ecslint.hcl
	config    string // --config
	noColor   bool
	paths     []string
	// baseline and writeBaseline are --baseline and --write-baseline (baseline.go).
	baseline, writeBaseline string
	// callModuleType is --call-module-type; "" when not given (then
	// .ecslint.hcl's call_module_type, else all).
	callModuleType string
}

// Run runs ecslint with the command-line arguments args (without the program
// name) and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			if len(args) > 1 {
				fmt.Fprintln(stderr, "ecslint rules takes no arguments.")
				return ExitFailed
			}
			writeCatalogue(stdout)
			return ExitOK
		case "version":
			fmt.Fprintln(stdout, "ecslint "+version())
			return ExitOK
		}
	}
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "ecslint: "+err.Error())
		return ExitFailed
	}
	r := newRunner(opts)
	if r.loadConfig() {
		for _, p := range opts.paths {
			r.lintPath(p)
		}
	}
	report := r.report()
	recorded, err := applyBaseline(opts, report, r.cwd, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "ecslint: "+err.Error())
		return ExitFailed
	}
	color := !opts.noColor && opts.format == "text" && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	if err := format.Formatters[opts.format](stdout, report, format.Options{Color: color}); err != nil {
		fmt.Fprintln(stderr, "ecslint: cannot write the output: "+err.Error())
		return ExitFailed
	}
	if report.Errors.HasErrors() {
		return ExitFailed
	}
	if recorded {
		return ExitOK // --write-baseline: today's findings are accepted
	}
	for _, f := range report.Findings {
		if f.Severity <= opts.failOn {
			return ExitFindings
		}
	}
	return ExitOK
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("ecslint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.recursive, "recursive", false, "lint every module directory below each PATH, a module that another one calls only through its callers (skips hidden directories and .terraform)")
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(format.Names(), ", "))
	failOn := fs.String("fail-on", "error", "exit 1 when a finding has this severity or a higher one: error, warning or notice")
	fs.Var((*stringList)(&o.varFiles), "var-file", "a .tfvars or .tfvars.json file for the root module's variables (repeatable)")
	fs.Var((*stringList)(&o.vars), "var", "a variable value, name=value (repeatable)")
	ports := fs.String("dynamic-port-range", rules.DefaultDynamicPortRange.String(), "host port range of dynamic port mapping on the container instances, FROM-TO")
	fs.StringVar(&o.config, "config", "", "configuration file (default: "+config.FileName+" in the first directory PATH, else in the working directory)")
	fs.BoolVar(&o.noColor, "no-color", false, "never colour the text output")
	fs.StringVar(&o.baseline, "baseline", "", "report and fail only on findings not recorded in this baseline file (see --write-baseline)")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record today's findings in this baseline file and exit 0")
	fs.Func("call-module-type", "which module calls to follow, `all|local|none`: local and installed remote modules (those terraform init installed), local (./ and ../ sources) only, or none (default all)", func(v string) error {
		o.callModuleType = v
		return config.CheckCallModuleType(v)
	})
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	// Flags may follow paths: parse up to each path and continue after it.
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		o.paths = append(o.paths, args[0])
		args = args[1:]
	}
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	if o.baseline != "" && o.writeBaseline != "" {
		return nil, errors.New("--baseline and --write-baseline cannot be used together: write the baseline with --write-baseline FILE once, then lint with --baseline FILE")
	}
	if format.Formatters[o.format] == nil {
		return nil, fmt.Errorf("unknown format %q; use one of %s", o.format, strings.Join(format.Names(), ", "))
	}
	sev, err := rules.ParseSeverity(*failOn)
	if err != nil {
		return nil, fmt.Errorf("--fail-on: %w", err)
	}
	o.failOn = sev
	if o.portRange, err = parsePortRange(*ports); err != nil {
		return nil, fmt.Errorf("--dynamic-port-range: %w", err)
	}
	fs.Visit(func(f *flag.Flag) { o.portsSet = o.portsSet || f.Name == "dynamic-port-range" })
	return o, nil
}

func parsePortRange(s string) (rules.PortRange, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "-")
	a, err1 := strconv.Atoi(strings.TrimSpace(from))
	b, err2 := strconv.Atoi(strings.TrimSpace(to))
	if !ok || err1 != nil || err2 != nil || a < 1 || b > 65535 || a > b {
		return rules.PortRange{}, fmt.Errorf("%q is not a port range; write FROM-TO with 1 <= FROM <= TO <= 65535, e.g. 32768-65535", s)
	}
	return rules.PortRange{From: a, To: b}, nil
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseCacheBytes bounds the source held in the parse cache (its syntax trees
// take about 14 times as much memory). Modules are linted in walk order, so a
// module's children and the shared modules it calls are parsed shortly before
// they are needed again; under --recursive the cache keeps only the modules
// that more than one check reads (ParseCache.SetShared), so that the shared
// modules of a tree like terraform-aws-modules/terraform-aws-ecs (300 KB of
// them, called from every example and wrapper) are parsed once.
const parseCacheBytes = 512 << 10

// runner collects the findings and errors of one run.
type runner struct {
	opts     *options
	cwd      string
	findings []findings.Finding
	seen     map[string]bool // findings already reported, by identityKey
	errors   hcl.Diagnostics
	// files are the files the output shows snippets of (text format only).
	files   map[string]*hcl.File
	modules map[string]bool // module directories already linted, by real path
	cfg     *config.Config  // .ecslint.hcl, or the defaults
	// ignores are the ecslint-ignore comments of the files linted so far;
	// ignored names those files.
	ignores ignore.Set
	ignored map[string]bool
	// parsed holds parsed files for the module loads of the run.
	parsed *module.ParseCache
	// loadOpts are the options of every module load, made once.
	loadOpts     module.Options
	loadOptsOnce sync.Once
	// blocks are the block headers of the resources linted, by address
	// without instance keys, for placing findings from plan JSON on the
	// configuration's source.
	blocks map[string]hcl.Range
	// planFindings come from plan JSON; they are placed and deduplicated
	// against the configuration's own findings once every PATH is read.
	planFindings []findings.Finding
}

func newRunner(o *options) *runner {
	cwd, _ := os.Getwd()
	return &runner{opts: o, cwd: cwd, seen: map[string]bool{}, files: map[string]*hcl.File{}, modules: map[string]bool{},
		cfg: config.Default(), ignored: map[string]bool{}, blocks: map[string]hcl.Range{},
		parsed: module.NewParseCache(parseCacheBytes)}
}

func (r *runner) rulesConfig() rules.Config {
	return rules.Config{DynamicPortRange: r.opts.portRange, Skip: r.skip}
}

// configRules returns the options of the configuration rules, with the task
// definitions the task rules decoded.
func (r *runner) configRules(decoded map[*module.Instance]*taskdef.TaskDefinition) configrules.Options {
	return configrules.Options{DynamicPortRange: r.opts.portRange, Skip: r.skip, TaskDefinitions: decoded}
}

// moduleOptions returns the options of the module loads of the run, made on
// first use (after the configuration file is read); loads share them.
func (r *runner) moduleOptions() module.Options {
	r.loadOptsOnce.Do(func() {
		r.loadOpts = module.Options{
			VarFiles:       r.opts.varFiles,
			Vars:           r.opts.vars,
			DataSources:    dataSources(r.rulesConfig()),
			Schemas:        schemas(),
			Types:          readTypes(),
			ParseCache:     r.parsed,
			CallModuleType: r.opts.callModuleType,
		}
	})
	return r.loadOpts
}

// skip reports whether the configuration turns a rule off.
func (r *runner) skip(name string) bool { return !r.cfg.Enabled(name) }

// addFinding records a task-definition rule finding about instance in. A
// finding without a source range is placed on the block header. The same
// finding reached twice is reported once (add).
func (r *runner) addFinding(f rules.Finding, rng hcl.Range, addr string) {
	r.add(ruleFinding(f, rng, addr))
}

// ruleFinding is the finding of a task-definition rule about instance addr,
// placed on rng when the rule gives no source range.
func ruleFinding(f rules.Finding, rng hcl.Range, addr string) findings.Finding {
	if f.Range.Filename != "" {
		rng = f.Range
	}
	return findings.Finding{Rule: f.Rule.Name, Severity: f.Severity, Link: f.Rule.Link(), Message: f.Message, Range: rng, Address: addr, Place: f.Place}
}

// add records a finding unless it was reported already or an ignore comment
// suppresses it, and reports whether it was recorded. The ignore comments of
// its file must be known by then.
//
// A finding is reported already when one with the same identity was: the
// same rule at the same place (its source range, its place in the task
// definition, what a configuration rule's finding is about: Place and About)
// saying the same. That is a finding reached twice: a module that two root
// modules call by the same name under --recursive, a plan linted twice, or
// the instances of one block (the keys of a for_each, the calls of a local
// module) that make the same mistake at the same line: one problem in the
// code, reported once, with the first instance's address and call chain. The
// text is part of the identity because it carries the values: instances
// whose callers give different values (memoryReservation 128 in one, 512 in
// the other) are different findings, each reported. A plan's findings are
// known by their instance too (addPlanned).
func (r *runner) add(f findings.Finding) bool { return r.addKeyed(f, identityKey(f, "")) }

// addPlanned records a finding of plan JSON as add does, but known by its
// resource instance too: a plan's values are its instances' own, and the
// block header a finding is placed on is not where each value was written,
// so two instances of one block with one message are two findings.
func (r *runner) addPlanned(f findings.Finding) bool { return r.addKeyed(f, identityKey(f, f.Address)) }

func (r *runner) addKeyed(f findings.Finding, key string) bool {
	if r.seen[key] {
		return false
	}
	r.seen[key] = true
	if len(r.ignores.Filter([]findings.Finding{f})) == 0 {
		return false
	}
	r.findings = append(r.findings, f)
	return true
}

// identityKey is what add compares findings by: rule, place and text, and
// the instance's address when given (addPlanned).
func identityKey(f findings.Finding, addr string) string {
	var b strings.Builder
	for _, s := range append([]string{f.Range.String(), f.Rule, f.Place, f.Message, addr}, f.About...) {
		b.WriteString(s)
		b.WriteByte(0)
	}
	return b.String()
}

func (r *runner) addError(d *hcl.Diagnostic) { r.errors = append(r.errors, d) }

func (r *runner) addSource(name string, src []byte) {
	if _, ok := r.files[name]; !ok {
		r.files[name] = &hcl.File{Bytes: src}
	}
}

// displayName is path relative to the working directory where it can be.
func (r *runner) displayName(path string) string {
	if !filepath.IsAbs(path) || r.cwd == "" {
		return path
	}
	if rel, err := filepath.Rel(r.cwd, path); err == nil {
		return rel
	}
	return path
}

func (r *runner) report() *format.Report {
	r.placePlanFindings()
	fs := append(r.findings, r.ignores.Problems(knownRule)...)
	out := fs[:0]
	for _, f := range fs {
		if !r.cfg.Enabled(f.Rule) {
			continue
		}
		f.Severity = r.cfg.Severity(f.Rule, f.Severity)
		out = append(out, f)
	}
	findings.Sort(out)
	r.readMissingSources(out)
	return &format.Report{Findings: out, Errors: sortDiags(dedupeDiags(r.errors)), Files: r.files, Rules: ruleInfos(), Version: version()}
}

func dedupeDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	seen := map[string]bool{}
	var out hcl.Diagnostics
	for _, d := range diags {
		key := fmt.Sprintf("%d\x00%s\x00%s", d.Severity, d.Summary, d.Detail)
		if d.Subject != nil {
			key += "\x00" + d.Subject.String()
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}
