package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/format"
)

// A baseline is the findings a codebase had when it adopted ecslint:
// `--write-baseline FILE` records them, `--baseline FILE` reports (and fails
// on) only the findings not in it. Findings are matched by identity (rule,
// file, resource address, place in the task definition; see
// findings.Identity), never by line, so that code moved by an unrelated edit
// does not bring an old finding back; findings with the same identity are
// counted, so a second one like a recorded one is reported.

// baselineVersion is the version of the baseline file format. A file of
// another version is refused rather than half understood.
const baselineVersion = 1

// baselineFile is the baseline file: version and the findings, one entry per
// finding (two identical findings are two entries), sorted by file,
// address, place, rule and message.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is one recorded finding. File is relative to the baseline
// file's directory, with forward slashes, so that the baseline matches
// from whichever directory ecslint runs. Message is for the people who
// review the baseline; it is used only to choose between findings with the
// same identity, never to tell whether a finding is recorded.
type baselineEntry struct {
	findings.Identity
	Message string `json:"message"`
}

func (a baselineEntry) less(b baselineEntry) bool {
	if a.Identity != b.Identity {
		return a.Identity.Less(b.Identity)
	}
	return a.Message < b.Message
}

// applyBaseline applies --baseline and --write-baseline to report. With
// --write-baseline it writes the report's findings to the file (unless the
// run failed: a baseline of a run that could not read every file would be
// wrong) and reports true: the findings are recorded, so the run succeeds.
// With --baseline it removes from report the findings the file records and
// says on stderr how many it left out. An unreadable or invalid baseline is
// an error.
func applyBaseline(o *options, report *format.Report, cwd string, stderr io.Writer) (recorded bool, err error) {
	if o.writeBaseline != "" {
		if report.Errors.HasErrors() {
			fmt.Fprintf(stderr, "ecslint: the baseline %s was not written, because the run failed; fix the errors reported and run again.\n", o.writeBaseline)
			return false, nil
		}
		n, err := writeBaseline(o.writeBaseline, report.Findings, cwd)
		if err != nil {
			return false, err
		}
		fmt.Fprintf(stderr, "ecslint: wrote %s with %d %s; from now on, run with --baseline %s to report only new findings.\n", o.writeBaseline, n, plural(n, "finding"), o.writeBaseline)
		return true, nil
	}
	if o.baseline == "" {
		return false, nil
	}
	entries, err := readBaseline(o.baseline)
	if err != nil {
		return false, err
	}
	kept, known, stale := filterBaseline(report.Findings, entries, baselineDir(o.baseline, cwd), cwd)
	report.Findings = kept
	if known > 0 || stale > 0 {
		msg := fmt.Sprintf("ecslint: %d %s recorded in the baseline %s not shown", known, plural(known, "finding"), o.baseline)
		if stale > 0 {
			msg += fmt.Sprintf("; %d recorded %s no longer found (run with --write-baseline %s to drop %s)", stale, plural(stale, "finding is", "findings are"), o.baseline, plural(stale, "it", "them"))
		}
		fmt.Fprintln(stderr, msg+".")
	}
	return false, nil
}

// plural is one for n == 1 and many (or one + "s") otherwise.
func plural(n int, one string, many ...string) string {
	if n == 1 {
		return one
	}
	if len(many) > 0 {
		return many[0]
	}
	return one + "s"
}

// baselineDir is the directory the baseline's file names are relative to.
func baselineDir(file, cwd string) string {
	return filepath.Dir(absPath(file, cwd))
}

func absPath(name, cwd string) string {
	if filepath.IsAbs(name) || cwd == "" {
		return filepath.Clean(name)
	}
	return filepath.Join(cwd, name)
}

// entryOf is f as a baseline entry, its file relative to dir.
func entryOf(f findings.Finding, dir, cwd string) baselineEntry {
	e := baselineEntry{Identity: f.Identity(), Message: f.Message}
	if f.Range.Filename != "" {
		abs := absPath(f.Range.Filename, cwd)
		if rel, err := filepath.Rel(dir, abs); err == nil {
			e.File = filepath.ToSlash(rel)
		} else {
			e.File = filepath.ToSlash(abs)
		}
	}
	return e
}

// filterBaseline returns the findings the baseline entries do not account
// for, the number it left out, and the number of entries no finding
// matched. An entry accounts for one finding of its identity; a finding
// with an entry's message too is matched first, so that of two findings
// with one identity the one recorded stays hidden and the new one is shown.
func filterBaseline(fs []findings.Finding, entries []baselineEntry, dir, cwd string) (kept []findings.Finding, known, stale int) {
	exact := map[baselineEntry]int{}
	for _, e := range entries {
		exact[e]++
	}
	keys := make([]baselineEntry, len(fs))
	matched := make([]bool, len(fs))
	for i, f := range fs {
		keys[i] = entryOf(f, dir, cwd)
		if exact[keys[i]] > 0 {
			exact[keys[i]]--
			matched[i] = true
		}
	}
	byIdentity := map[findings.Identity]int{}
	for e, n := range exact {
		byIdentity[e.Identity] += n
	}
	kept = fs[:0:0]
	for i, f := range fs {
		if !matched[i] && byIdentity[keys[i].Identity] > 0 {
			byIdentity[keys[i].Identity]--
			matched[i] = true
		}
		if matched[i] {
			known++
		} else {
			kept = append(kept, f)
		}
	}
	for _, n := range byIdentity {
		stale += n
	}
	return kept, known, stale
}

// writeBaseline writes the findings to file as a baseline and returns how
// many it wrote. The output is deterministic: the same findings give the
// same bytes, whatever their lines.
func writeBaseline(file string, fs []findings.Finding, cwd string) (int, error) {
	dir := baselineDir(file, cwd)
	b := baselineFile{Version: baselineVersion, Findings: make([]baselineEntry, 0, len(fs))}
	for _, f := range fs {
		b.Findings = append(b.Findings, entryOf(f, dir, cwd))
	}
	sort.SliceStable(b.Findings, func(i, j int) bool { return b.Findings[i].less(b.Findings[j]) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return 0, err
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("cannot write the baseline: %v. Give --write-baseline a file in a directory that exists and can be written.", err)
	}
	return len(b.Findings), nil
}

// readBaseline reads a baseline file, with errors that say what to change.
func readBaseline(file string) ([]baselineEntry, error) {
	src, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("the baseline %s does not exist. Create it with --write-baseline %s, or correct the path given to --baseline.", file, file)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the baseline %s: %v.", file, err)
	}
	return parseBaseline(file, src)
}

// parseBaseline parses the baseline src read from file.
func parseBaseline(file string, src []byte) ([]baselineEntry, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	var b baselineFile
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: %s is not a valid baseline: %s. Write it again with --write-baseline %s.", baselineWhere(file, src, err), file, baselineErrText(err), file)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s is not a valid baseline: it has more than one JSON value. Write it again with --write-baseline %s.", file, file)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s is a baseline of version %d; this ecslint reads version %d. Write it again with --write-baseline %s.", file, b.Version, baselineVersion, file)
	}
	for i, e := range b.Findings {
		if e.Rule == "" {
			return nil, fmt.Errorf("%s is not a valid baseline: finding %d has no rule. Write it again with --write-baseline %s.", file, i+1, file)
		}
	}
	return b.Findings, nil
}

// baselineWhere is file:line:column of a JSON decoding error, where the
// error knows its offset.
func baselineWhere(file string, src []byte, err error) string {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	if off <= 0 || off > int64(len(src)) {
		return file
	}
	off-- // the offsets count the bytes read, the last one the culprit
	before := src[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

func baselineErrText(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		want := "a string"
		switch typ.Type.Kind() {
		case reflect.Int:
			want = "a whole number"
		case reflect.Slice:
			want = "an array"
		case reflect.Struct:
			want = "an object"
		}
		return fmt.Sprintf("%s must be %s, not a JSON %s", typ.Field, want, typ.Value)
	}
	if errors.Is(err, io.EOF) {
		return "the file is empty"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
