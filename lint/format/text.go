package format

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

// Text writes the errors with hcl's diagnostic writer, then one block per
// finding: `file:line:col: severity: message (rule)`, the source line and a
// caret under the range, and a summary line.
func Text(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	lines := lineCache{files: r.Files, starts: map[string][]int{}}
	if len(r.Errors) > 0 {
		dw := hcl.NewDiagnosticTextWriter(bw, r.Files, 100, opts.Color)
		// hcl's writer prints whole source lines: a diagnostic on a huge line (minified JSON, a
		// generated file) is written without its snippet.
		bare := hcl.NewDiagnosticTextWriter(bw, nil, 100, opts.Color)
		for _, d := range r.Errors {
			w := dw
			if d.Subject != nil && lines.longLine(d.Subject.Filename, d.Subject.Start.Line, d.Subject.End.Line) {
				w = bare
			}
			if err := w.WriteDiagnostic(d); err != nil {
				return err
			}
		}
	}
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	counts := map[rules.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
		sev := f.Severity.String()
		switch f.Severity {
		case rules.Error:
			sev = paint(ansiBold+ansiRed, sev)
		case rules.Warning:
			sev = paint(ansiBold+ansiYellow, sev)
		default:
			sev = paint(ansiBold+ansiCyan, sev)
		}
		where := f.Address
		if f.Range.Filename != "" {
			where = fmt.Sprintf("%s:%d:%d", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column)
		}
		fmt.Fprintf(bw, "%s: %s: %s %s\n", paint(ansiBold, where), sev, f.Message, paint(ansiDim, "("+f.Rule+")"))
		if src, ok := lines.line(f.Range.Filename, f.Range.Start.Line); ok {
			writeSnippet(bw, src, f.Range, paint)
		}
		for i := range f.Callers {
			c := f.Callers[i]
			fmt.Fprintf(bw, "  %s %s\n", callerText(f, i), paint(ansiDim, "("+fmt.Sprintf("%s:%d:%d", c.Range.Filename, c.Range.Start.Line, c.Range.Start.Column)+")"))
		}
		if instanceAmbiguous(f) {
			// One block stands for several instances (count, for_each): say which one.
			fmt.Fprintf(bw, "  in %s\n", f.Address)
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, summary(counts, len(r.Findings)))
	return bw.Flush()
}

func summary(counts map[rules.Severity]int, total int) string {
	if total == 0 {
		return "No issues found."
	}
	var parts []string
	for _, s := range []rules.Severity{rules.Error, rules.Warning, rules.Notice} {
		if n := counts[s]; n > 0 {
			name := s.String()
			if n > 1 {
				name += "s"
			}
			parts = append(parts, strconv.Itoa(n)+" "+name)
		}
	}
	issues := "issues"
	if total == 1 {
		issues = "issue"
	}
	return fmt.Sprintf("%d %s found: %s.", total, issues, strings.Join(parts, ", "))
}

// maxSnippetWidth is the most characters of a source line a snippet shows: of
// a longer line (minified JSON, a generated file), a window around the range.
const maxSnippetWidth = 160

// writeSnippet prints the source line with its number and a caret under the
// range (to the end of the line when the range spans several lines).
func writeSnippet(w io.Writer, src []byte, rng hcl.Range, paint func(string, string) string) {
	num := strconv.Itoa(rng.Start.Line)
	text := []rune(strings.ReplaceAll(string(src), "\t", " "))
	start := rng.Start.Column - 1
	end := len(text)
	if rng.End.Line == rng.Start.Line && rng.End.Column-1 > start && rng.End.Column-1 < end {
		end = rng.End.Column - 1
	}
	prefix, suffix := "", ""
	if len(text) > maxSnippetWidth && start >= 0 && start <= len(text) {
		from := max(0, min(start-maxSnippetWidth/4, len(text)-maxSnippetWidth))
		to := from + maxSnippetWidth
		if from > 0 {
			prefix = "…"
		}
		if to < len(text) {
			suffix = "…"
		}
		shift := from - utf8.RuneCountInString(prefix)
		text = text[from:to]
		start, end = start-shift, min(end, to)-shift
	}
	fmt.Fprintf(w, "  %s | %s%s%s\n", num, prefix, string(text), suffix)
	if start < 0 || start > end {
		return
	}
	mark := "^"
	if end-start > 1 {
		mark += strings.Repeat("~", end-start-1)
	}
	fmt.Fprintf(w, "  %s | %s%s\n", strings.Repeat(" ", len(num)), strings.Repeat(" ", start), paint(ansiRed, mark))
}

// longLine reports whether any of the lines first..last of filename is longer
// than a snippet shows.
func (c *lineCache) longLine(filename string, first, last int) bool {
	for n := first; n <= last && n < first+maxSnippetLines; n++ {
		if src, ok := c.line(filename, n); ok && len(src) > maxSnippetWidth*4 {
			return true
		}
	}
	return false
}

// maxSnippetLines bounds how many lines longLine looks at.
const maxSnippetLines = 20

// lineCache finds lines of the report's files; each file is split once.
type lineCache struct {
	files  map[string]*hcl.File
	starts map[string][]int
}

func (c *lineCache) line(filename string, n int) ([]byte, bool) {
	f := c.files[filename]
	if f == nil || n < 1 {
		return nil, false
	}
	starts, ok := c.starts[filename]
	if !ok {
		starts = []int{0}
		for i, b := range f.Bytes {
			if b == '\n' {
				starts = append(starts, i+1)
			}
		}
		c.starts[filename] = starts
	}
	if n > len(starts) {
		return nil, false
	}
	begin := starts[n-1]
	end := len(f.Bytes)
	if n < len(starts) {
		end = starts[n] - 1
	}
	if begin > end {
		return nil, false
	}
	return bytes.TrimRight(f.Bytes[begin:end], "\r"), true
}

// instanceAmbiguous reports whether a finding's source position alone does
// not say which instance it is about: its resource has an instance key, or
// sits in a module instance that has one, and the message does not name it.
func instanceAmbiguous(f findings.Finding) bool {
	return f.Range.Filename != "" && strings.Contains(f.Address, "[") && !strings.Contains(f.Message, f.Address)
}
