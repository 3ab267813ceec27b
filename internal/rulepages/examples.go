package rulepages

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Examples are a page's failing and passing examples, as tests run them through ecslint and the provider.
//
// Each of the two sections shows its example in a ```json block (a task definition, for task rules) or an
// ```hcl block (Terraform, for the other rules). Below the failing example the page quotes what is reported,
// each finding in a ``` or ```text block: the message, after a line that says where when it is a task rule's
// ("ecskit reports, at `containerDefinitions[0].name`:", or "..., for the whole task definition:"); or lines as ecslint's text output prints them
// ("main.tf:6:3: warning: message (rule)"). A "..." in a quote stands for words left out.
//
// An example abridged for the reader is completed for the tests by an HTML comment right below its block,
// which Markdown does not show:
//
//	<!-- hidden lines that complete the example:
//	resource "aws_ecs_task_definition" "web" { ... }
//	-->
//
// adds Terraform after an HCL example, and
//
//	<!-- the example in full, as an HCL expression:
//	{ family = "app", containerDefinitions = [ ... ] }
//	-->
//
// gives a JSON example in full as a Terraform expression (with the functions range, format and replace), for an
// example too long to show.
type Examples struct {
	Failing, Passing Example
	// Findings are the findings the page quotes for the failing example.
	Findings []Quote
}

// Example is one example of a page.
type Example struct {
	// Lang is "json" or "hcl".
	Lang string
	// Code is the example as the page shows it; Line is the line of the page it starts on.
	Code string
	Line int
	// Hidden are the lines that complete an HCL example.
	Hidden string
	// Full is the expression that gives a JSON example in full.
	Full string
}

// Quote is a finding as a page quotes it.
type Quote struct {
	// Message is the quoted message.
	Message string
	// Place is where a task rule's finding is, in the API's terms, when the page says it ("ecskit reports,
	// at `path`:"); Placed is true then, and also for a finding on the whole task definition ("ecskit
	// reports, for the whole task definition:"), whose Place is empty.
	Place  string
	Placed bool
	// Rule, Severity, File, Line and Column are set when the page quotes ecslint's text output.
	Rule, Severity, File string
	Line, Column         int
}

// The markers of the comments that complete an example.
const (
	hiddenMarker = "<!-- hidden lines that complete the example:"
	fullMarker   = "<!-- the example in full, as an HCL expression:"
)

var (
	placeText  = regexp.MustCompile("(?i)\\bat `([^`]+)`:\\s*$")
	wholeText  = regexp.MustCompile(`(?i)\bfor the whole task definition:\s*$`)
	outputLine = regexp.MustCompile(`^(\S+?):(\d+):(\d+): (error|warning|notice): (.*) \(([a-z0-9_]+)\)$`)
)

// HCL is an HCL example with its hidden lines.
func (e Example) HCL() string {
	if e.Hidden == "" {
		return e.Code
	}
	return e.Code + e.Hidden
}

// JSON is a JSON example in full: its code, or the JSON its full expression gives.
func (e Example) JSON() ([]byte, error) {
	if e.Full == "" {
		return []byte(e.Code), nil
	}
	expr, diags := hclsyntax.ParseExpression([]byte(e.Full), "example", hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		return nil, diags
	}
	v, diags := expr.Value(&hcl.EvalContext{Functions: map[string]function.Function{
		"range": stdlib.RangeFunc, "format": stdlib.FormatFunc, "replace": stdlib.ReplaceFunc,
	}})
	if diags.HasErrors() {
		return nil, diags
	}
	return ctyjson.Marshal(v, v.Type())
}

// Matches reports whether msg is the quoted message: the same words, where a "..." in the quote stands for any
// words.
func (q Quote) Matches(msg string) bool {
	got := strings.Join(strings.Fields(msg), " ")
	parts := strings.Split(strings.ReplaceAll(strings.Join(strings.Fields(q.Message), " "), "…", "..."), "...")
	if len(parts) == 1 {
		return got == parts[0]
	}
	if !strings.HasPrefix(got, strings.TrimSpace(parts[0])) || !strings.HasSuffix(got, strings.TrimSpace(parts[len(parts)-1])) {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		i := strings.Index(got, p)
		if i < 0 {
			return false
		}
		got = got[i+len(p):]
	}
	return true
}

// block is a fenced code block or an HTML comment of a page.
type block struct {
	lang, text string
	comment    bool
	line       int
	// before is the text between the previous block and this one.
	before string
}

// blocks splits a section into its fenced blocks and HTML comments; first is the section's first line.
func blocks(section string, first int) ([]block, error) {
	var out []block
	lines := strings.SplitAfter(section, "\n")
	var before strings.Builder
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\n")
		switch {
		case strings.HasPrefix(l, "```"):
			b := block{lang: strings.TrimPrefix(l, "```"), line: first + i + 1, before: before.String()}
			j := i + 1
			for ; j < len(lines) && strings.TrimRight(lines[j], "\n") != "```"; j++ {
				b.text += lines[j]
			}
			if j == len(lines) {
				return nil, fmt.Errorf("line %d: the code block is not closed", first+i)
			}
			out, i = append(out, b), j
			before.Reset()
		case strings.HasPrefix(l, "<!--"):
			b := block{lang: l, comment: true, line: first + i + 1, before: before.String()}
			j := i + 1
			for ; j < len(lines) && strings.TrimRight(lines[j], "\n") != "-->"; j++ {
				b.text += lines[j]
			}
			if j == len(lines) {
				return nil, fmt.Errorf("line %d: the comment is not closed by a line -->", first+i)
			}
			out, i = append(out, b), j
			before.Reset()
		default:
			before.WriteString(lines[i])
		}
	}
	return out, nil
}

// section returns the text of the page's section called name and the line it starts on.
func section(page, name string) (string, int, error) {
	head := "\n## " + name + "\n"
	i := strings.Index(page, head)
	if i < 0 {
		return "", 0, fmt.Errorf("the page has no section %q", name)
	}
	body := page[i+len(head):]
	if j := strings.Index(body, "\n## "); j >= 0 {
		body = body[:j+1]
	}
	return body, strings.Count(page[:i+len(head)], "\n") + 1, nil
}

// example reads the example at the start of bs and the comment that completes it; it returns the blocks
// after them.
func example(bs []block, name string) (Example, []block, error) {
	if len(bs) == 0 || (bs[0].lang != "json" && bs[0].lang != "hcl") {
		return Example{}, nil, fmt.Errorf("the %s example is not a ```json or ```hcl block", name)
	}
	e := Example{Lang: bs[0].lang, Code: bs[0].text, Line: bs[0].line}
	bs = bs[1:]
	if len(bs) > 0 && bs[0].comment && strings.TrimSpace(bs[0].before) == "" {
		switch {
		case bs[0].lang == hiddenMarker && e.Lang == "hcl":
			e.Hidden = bs[0].text
		case bs[0].lang == fullMarker && e.Lang == "json":
			e.Full = bs[0].text
		default:
			return Example{}, nil, fmt.Errorf("line %d: the comment below the %s example is neither %q (for HCL) nor %q (for JSON)", bs[0].line-1, name, hiddenMarker, fullMarker)
		}
		bs = bs[1:]
	}
	return e, bs, nil
}

// ParseExamples reads a rule page's examples and the findings it quotes.
func ParseExamples(page string) (*Examples, error) {
	var out Examples
	text, first, err := section(page, "Failing example")
	if err != nil {
		return nil, err
	}
	bs, err := blocks(text, first)
	if err != nil {
		return nil, err
	}
	if out.Failing, bs, err = example(bs, "failing"); err != nil {
		return nil, err
	}
	for _, b := range bs {
		if b.comment || (b.lang != "" && b.lang != "text") {
			return nil, fmt.Errorf("line %d: below the failing example only quoted findings (``` or ```text blocks) may follow", b.line-1)
		}
		out.Findings = append(out.Findings, quotes(b)...)
	}
	if len(out.Findings) == 0 {
		return nil, fmt.Errorf("the failing example quotes no finding")
	}
	text, first, err = section(page, "Passing example")
	if err != nil {
		return nil, err
	}
	if bs, err = blocks(text, first); err != nil {
		return nil, err
	}
	if out.Passing, bs, err = example(bs, "passing"); err != nil {
		return nil, err
	}
	if len(bs) > 0 {
		return nil, fmt.Errorf("line %d: the passing example is followed by another block", bs[0].line-1)
	}
	return &out, nil
}

// quotes reads the findings of one quote block.
func quotes(b block) []Quote {
	lines := strings.Split(strings.TrimSpace(b.text), "\n")
	var out []Quote
	for _, l := range lines {
		m := outputLine.FindStringSubmatch(l)
		if m == nil {
			out = nil
			break
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		out = append(out, Quote{File: m[1], Line: line, Column: col, Severity: m[4], Message: m[5], Rule: m[6]})
	}
	if out != nil {
		return out
	}
	q := Quote{Message: strings.Join(strings.Fields(b.text), " ")}
	if m := placeText.FindStringSubmatch(strings.TrimSpace(b.before)); m != nil {
		q.Place, q.Placed = m[1], true
	} else if wholeText.MatchString(strings.TrimSpace(b.before)) {
		q.Placed = true
	}
	return []Quote{q}
}
