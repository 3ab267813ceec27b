// Package ignore reads ecslint's inline ignore comments:
//
//	# ecslint-ignore: rule_a,rule_b reason
//	resource "aws_ecs_service" "web" { ... }
//
// A directive suppresses findings of the named rules on its own line or on
// the line below it. On the first line of a file, the form
//
//	# ecslint-ignore-file: rule_a reason
//
// suppresses the named rules in the whole file. "//" and "/* */" comments work
// too. Comments are found by lexing the file with hclsyntax, never with a
// regular expression over the text, so a "#" inside a string is not a
// comment. A directive that names an unknown rule, or that suppresses
// nothing, is itself reported, so ignores do not outlive their reason.
package ignore

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// Directive is one ignore comment.
type Directive struct {
	Rules  []string
	Reason string
	// File is true for ecslint-ignore-file on the first line.
	File  bool
	Range hcl.Range
	// last is the line the comment ends on; a line comment's token includes
	// its newline, so its range ends on the next line.
	last int
	used map[string]bool
}

// Set holds the directives of some files.
type Set struct {
	byFile map[string][]*Directive
}

const (
	lineMarker = "ecslint-ignore:"
	fileMarker = "ecslint-ignore-file:"
)

// Parse finds the directives in one HCL file. Lexing problems are not this
// package's to report: the parser reports them.
func Parse(src []byte, filename string) []*Directive {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var out []*Directive
	for _, t := range tokens {
		if t.Type != hclsyntax.TokenComment {
			continue
		}
		if d := parseComment(string(t.Bytes), t.Range); d != nil {
			out = append(out, d)
		}
	}
	return out
}

func parseComment(text string, rng hcl.Range) *Directive {
	body := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(body, "#"):
		body = strings.TrimPrefix(body, "#")
	case strings.HasPrefix(body, "//"):
		body = strings.TrimPrefix(body, "//")
	case strings.HasPrefix(body, "/*"):
		body = strings.TrimSuffix(strings.TrimPrefix(body, "/*"), "*/")
	}
	body = strings.TrimSpace(body)
	d := &Directive{Range: rng, last: rng.Start.Line + strings.Count(strings.TrimRight(text, "\r\n"), "\n"), used: map[string]bool{}}
	switch {
	case strings.HasPrefix(body, fileMarker):
		d.File = true
		body = strings.TrimPrefix(body, fileMarker)
	case strings.HasPrefix(body, lineMarker):
		body = strings.TrimPrefix(body, lineMarker)
	default:
		return nil
	}
	body = strings.TrimSpace(body)
	names, reason, _ := strings.Cut(body, " ")
	for _, n := range strings.Split(names, ",") {
		if n = strings.TrimSpace(n); n != "" {
			d.Rules = append(d.Rules, n)
		}
	}
	d.Reason = strings.TrimSpace(reason)
	return d
}

// Add records the directives of a file.
func (s *Set) Add(filename string, ds []*Directive) {
	if s.byFile == nil {
		s.byFile = map[string][]*Directive{}
	}
	s.byFile[filename] = append(s.byFile[filename], ds...)
}

// AddSource lexes src and records its directives.
func (s *Set) AddSource(src []byte, filename string) { s.Add(filename, Parse(src, filename)) }

// Filter returns the findings no directive suppresses, and marks the
// directives that suppressed something as used.
func (s *Set) Filter(fs []findings.Finding) []findings.Finding {
	var out []findings.Finding
	for _, f := range fs {
		if !s.suppress(f) {
			out = append(out, f)
		}
	}
	return out
}

func (s *Set) suppress(f findings.Finding) bool {
	if f.Rule == RuleName {
		return false
	}
	line := f.Range.Start.Line
	hit := false
	for _, d := range s.byFile[f.Range.Filename] {
		applies := (d.File && d.Range.Start.Line == 1) ||
			(!d.File && (d.Range.Start.Line == line || d.last == line-1))
		if !applies {
			continue
		}
		for _, r := range d.Rules {
			if r == f.Rule || r == "all" {
				d.used[r] = true
				hit = true
			}
		}
	}
	return hit
}

// Problems reports directives that name rules known reports as unknown, that
// suppressed nothing, that have no rule, or file-level forms not on line 1.
// Call it after Filter has seen every finding.
func (s *Set) Problems(known func(string) bool) []findings.Finding {
	var out []findings.Finding
	files := make([]string, 0, len(s.byFile))
	for f := range s.byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		for _, d := range s.byFile[file] {
			report := func(msg string) {
				out = append(out, findings.Finding{Rule: RuleName, Severity: Rule.Severity, Link: Rule.Link(), Message: msg, Range: d.Range})
			}
			if d.File && d.Range.Start.Line != 1 {
				report("ecslint-ignore-file works only on the first line of a file; move it there, or use ecslint-ignore on the line above the finding.")
				continue
			}
			if len(d.Rules) == 0 {
				report("This ecslint-ignore comment names no rule. Write the rule names after the colon, for example \"# ecslint-ignore: host_port_zero reason\".")
				continue
			}
			for _, r := range d.Rules {
				switch {
				case r != "all" && !known(r):
					report("ecslint-ignore names the unknown rule \"" + r + "\"; run `ecslint rules` for the list of rule names.")
				case !d.used[r]:
					report("ecslint-ignore for \"" + r + "\" suppresses nothing here; remove it, or move it to the line of the finding or the line above.")
				}
			}
		}
	}
	return out
}
