package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// output is the part of ecslint's JSON format that the measurement reads.
type output struct {
	Issues []struct {
		Rule struct {
			Name     string `json:"name"`
			Severity string `json:"severity"`
		} `json:"rule"`
		Message string  `json:"message"`
		Range   rng     `json:"range"`
		Callers []rng   `json:"callers"`
		Address *string `json:"address"`
	} `json:"issues"`
	Errors []struct {
		Summary  string `json:"summary"`
		Message  string `json:"message"`
		Severity string `json:"severity"`
		Range    *rng   `json:"range"`
	} `json:"errors"`
}

type rng struct {
	Filename string `json:"filename"`
	Start    struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	} `json:"start"`
}

func (r *rng) String() string {
	if r == nil || r.Filename == "" {
		return "-"
	}
	return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
}

// result is what one repository gave.
type result struct {
	Repo          string         `json:"repo"`
	Commit        string         `json:"commit"`
	Status        string         `json:"status"` // "ok", or why it was not measured
	Exit          int            `json:"exit"`
	Seconds       float64        `json:"seconds"`
	RunFailures   int            `json:"run_failures"`
	Errors        int            `json:"error_findings"`
	Warnings      int            `json:"warning_findings"`
	Notices       int            `json:"notice_findings"`
	RemoteModules int            `json:"remote_module_not_loaded"`
	UnknownFuncs  int            `json:"unknown_function"`
	Cycles        int            `json:"reference_cycle"`
	OtherWarnings int            `json:"other_warnings"`
	Summaries     map[string]int `json:"summaries"` // every "errors" entry, by severity and summary
	SameRuns      bool           `json:"same_bytes_every_run"`
	SameWorkers   bool           `json:"same_bytes_one_worker"`
	Stderr        string         `json:"stderr,omitempty"`
}

func measureMain(args []string) error {
	fs := flag.NewFlagSet("measure", flag.ExitOnError)
	bin := fs.String("ecslint", "", "the ecslint binary")
	list := fs.String("list", "", "the corpus list (lint/bench/realcode.txt)")
	dir := fs.String("dir", "", "the directory holding the checkouts, one OWNER+NAME directory each")
	out := fs.String("out", "", "a directory to keep the outputs, findings.tsv and summary.json in")
	runs := fs.Int("runs", 3, "runs per repository (at least 2; the last with GOMAXPROCS=1)")
	timeout := fs.Duration("timeout", 2*time.Minute, "time limit of one run")
	_ = fs.Parse(args)
	if *bin == "" || *list == "" || *dir == "" || *runs < 2 || fs.NArg() != 0 {
		return errors.New("measure needs -ecslint BIN -list FILE -dir DIR, and -runs of at least 2")
	}
	repos, err := readRepos(*list)
	if err != nil {
		return err
	}
	absBin, err := filepath.Abs(*bin)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
	}
	var results []result
	var findings bytes.Buffer
	findings.WriteString("repo\tseverity\trule\tplace\taddress\tcallers\tmessage\n")
	for _, r := range repos {
		res, first := measureRepo(absBin, filepath.Join(*dir, r.Dir()), r, *runs, *timeout)
		results = append(results, res)
		if first == nil {
			continue
		}
		if *out != "" {
			if err := os.WriteFile(filepath.Join(*out, r.Dir()+".json"), first, 0o644); err != nil {
				return err
			}
		}
		var o output
		_ = json.Unmarshal(first, &o)
		for _, is := range o.Issues {
			addr := ""
			if is.Address != nil {
				addr = *is.Address
			}
			var callers []string
			for _, c := range is.Callers {
				callers = append(callers, c.String())
			}
			fmt.Fprintf(&findings, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, is.Rule.Severity, is.Rule.Name,
				is.Range.String(), addr, strings.Join(callers, " "), oneLine(is.Message))
		}
	}
	printTable(os.Stdout, results)
	if *out != "" {
		if err := os.WriteFile(filepath.Join(*out, "findings.tsv"), findings.Bytes(), 0o644); err != nil {
			return err
		}
		b, err := json.MarshalIndent(results, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*out, "summary.json"), append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// measureRepo runs ecslint in one checkout and returns the tallies and the first run's output.
func measureRepo(bin, dir string, r repo, runs int, timeout time.Duration) (result, []byte) {
	res := result{Repo: r.Name, Commit: r.Commit, Summaries: map[string]int{}}
	head, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	switch {
	case err != nil:
		res.Status = "not checked out"
		return res, nil
	case strings.TrimSpace(string(head)) != r.Commit:
		res.Status = "checkout at " + strings.TrimSpace(string(head))[:12] + ", not at the listed commit"
		return res, nil
	}
	var outs [][]byte
	for i := 0; i < runs; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		cmd := exec.CommandContext(ctx, bin, "--recursive", "--format", "json", ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		if i == runs-1 {
			cmd.Env = append(cmd.Env, "GOMAXPROCS=1")
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		timedOut := ctx.Err() == context.DeadlineExceeded
		cancel()
		var exit *exec.ExitError
		switch {
		case timedOut:
			res.Status = fmt.Sprintf("run %d took longer than %s", i+1, timeout)
			return res, nil
		case err != nil && !errors.As(err, &exit):
			res.Status = fmt.Sprintf("cannot run ecslint: %v", err)
			return res, nil
		case cmd.ProcessState.ExitCode() < 0:
			res.Status = fmt.Sprintf("ecslint was killed: %v (%s)", cmd.ProcessState, firstLine(stderr.String()))
			return res, nil
		}
		if i == 0 {
			res.Exit = cmd.ProcessState.ExitCode()
			res.Seconds = elapsed.Seconds()
			res.Stderr = firstLine(stderr.String())
		} else if cmd.ProcessState.ExitCode() != res.Exit {
			res.Status = fmt.Sprintf("exit codes differ between runs: %d and %d", res.Exit, cmd.ProcessState.ExitCode())
		}
		outs = append(outs, stdout.Bytes())
	}
	res.SameRuns = true
	for _, o := range outs[1 : len(outs)-1] {
		res.SameRuns = res.SameRuns && bytes.Equal(o, outs[0])
	}
	res.SameWorkers = bytes.Equal(outs[len(outs)-1], outs[0])
	var o output
	if err := json.Unmarshal(outs[0], &o); err != nil {
		res.Status = fmt.Sprintf("output is not ecslint's JSON: %v", err)
		return res, outs[0]
	}
	if res.Status == "" {
		res.Status = "ok"
	}
	for _, is := range o.Issues {
		switch is.Rule.Severity {
		case "error":
			res.Errors++
		case "warning":
			res.Warnings++
		default:
			res.Notices++
		}
	}
	for _, e := range o.Errors {
		res.Summaries[e.Severity+": "+e.Summary]++
		switch {
		case e.Severity == "error":
			res.RunFailures++
			if e.Summary == "Reference cycle" {
				res.Cycles++
			}
		case e.Summary == "Remote module not loaded":
			res.RemoteModules++
		case e.Summary == "Call to unknown function":
			res.UnknownFuncs++
		case e.Summary == "Reference cycle":
			res.Cycles++
		default:
			res.OtherWarnings++
		}
	}
	return res, outs[0]
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

func printTable(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "repository\texit\tfailures\terrors\twarnings\tnotices\tremote\tunknown fn\tcycles\tother warn\tsame runs\tsame 1 worker\tseconds\t")
	var total result
	measured, same, sameW := 0, 0, 0
	summaries := map[string]int{}
	for _, r := range results {
		if r.Status != "ok" {
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t\t\t\t\t\t\t\t\t\n", r.Repo, r.Status)
			continue
		}
		measured++
		if r.SameRuns {
			same++
		}
		if r.SameWorkers {
			sameW++
		}
		total.RunFailures += r.RunFailures
		total.Errors += r.Errors
		total.Warnings += r.Warnings
		total.Notices += r.Notices
		total.RemoteModules += r.RemoteModules
		total.UnknownFuncs += r.UnknownFuncs
		total.Cycles += r.Cycles
		total.OtherWarnings += r.OtherWarnings
		total.Seconds += r.Seconds
		for k, v := range r.Summaries {
			summaries[k] += v
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%.2f\t\n", r.Repo, r.Exit, r.RunFailures,
			r.Errors, r.Warnings, r.Notices, r.RemoteModules, r.UnknownFuncs, r.Cycles, r.OtherWarnings,
			yesNo(r.SameRuns), yesNo(r.SameWorkers), r.Seconds)
	}
	fmt.Fprintf(tw, "TOTAL (%d of %d measured)\t\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d/%d\t%d/%d\t%.2f\t\n", measured,
		len(results), total.RunFailures, total.Errors, total.Warnings, total.Notices, total.RemoteModules,
		total.UnknownFuncs, total.Cycles, total.OtherWarnings, same, measured, sameW, measured, total.Seconds)
	_ = tw.Flush()
	exits := map[int]int{}
	for _, r := range results {
		if r.Status == "ok" {
			exits[r.Exit]++
		}
	}
	var codes []string
	for c, n := range exits {
		codes = append(codes, fmt.Sprintf("exit %d: %d", c, n))
	}
	sort.Strings(codes)
	fmt.Fprintf(w, "\nexit codes: %s\n", strings.Join(codes, ", "))
	keys := make([]string, 0, len(summaries))
	for k := range summaries {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if summaries[keys[i]] != summaries[keys[j]] {
			return summaries[keys[i]] > summaries[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintln(w, "run diagnostics by severity and summary:")
	for _, k := range keys {
		fmt.Fprintf(w, "  %6d  %s\n", summaries[k], k)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "NO"
}
