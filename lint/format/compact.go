package format

import (
	"bufio"
	"fmt"
	"io"
)

// Compact writes one line per finding, `file:line:col: severity - message
// (rule)`, the form editors and grep understand. A finding from plan JSON
// without a source is placed at its resource address. Errors of the run come
// first, as `file:line:col: error - summary: detail`.
func Compact(w io.Writer, r *Report, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Errors {
		where := "ecslint"
		if d.Subject != nil {
			where = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		fmt.Fprintf(bw, "%s: %s - %s\n", where, severityName(d.Severity), oneLine(diagText(d)))
	}
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%s: %s - %s (%s)\n", location(f), f.Severity, oneLine(f.Message), f.Rule)
	}
	return bw.Flush()
}

// oneLine replaces line breaks, so one record stays on one line.
func oneLine(s string) string {
	out := []rune(s)
	for i, c := range out {
		if c == '\n' || c == '\r' {
			out[i] = ' '
		}
	}
	return string(out)
}
