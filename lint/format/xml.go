package format

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

type checkstyleOutput struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
	Link     string `xml:"link,attr,omitempty"`
}

// checkstyleSeverity maps to checkstyle's error, warning and info.
func checkstyleSeverity(s rules.Severity) string {
	if s == rules.Notice {
		return "info"
	}
	return s.String()
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Checkstyle writes checkstyle XML: one <file> per file in name order, one
// <error> per finding with source "ecslint.RULE". Findings from plan JSON
// without a source are grouped under their resource address; errors of the
// run under their file (or "ecslint") with source "ecslint".
func Checkstyle(w io.Writer, r *Report, _ Options) error {
	files := map[string][]checkstyleError{}
	for _, d := range r.Errors {
		name, line, col := "ecslint", 0, 0
		if d.Subject != nil && d.Subject.Filename != "" {
			name, line, col = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
		}
		files[name] = append(files[name], checkstyleError{Line: line, Column: col, Severity: severityName(d.Severity), Message: oneLine(diagText(d)), Source: "ecslint"})
	}
	for _, f := range r.Findings {
		name := f.Range.Filename
		if name == "" {
			name = f.Address
		}
		files[name] = append(files[name], checkstyleError{
			Line: f.Range.Start.Line, Column: f.Range.Start.Column, Severity: checkstyleSeverity(f.Severity),
			Message: f.Message, Source: "ecslint." + f.Rule, Link: f.Link,
		})
	}
	out := checkstyleOutput{Version: "4.3", Files: []checkstyleFile{}}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out.Files = append(out.Files, checkstyleFile{Name: n, Errors: files[n]})
	}
	return writeXML(w, out)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	TestCases []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes JUnit XML with one test suite, "ecslint": a test case per
// finding (class name: the file or resource address; name: rule and
// position), each with a <failure> whose type is the severity, and a test
// case with an <error> per error of the run. CI systems (GitLab's test
// reports among them) show each finding as a failed test.
func JUnit(w io.Writer, r *Report, _ Options) error {
	suite := junitSuite{Name: "ecslint", TestCases: []junitCase{}}
	for _, d := range r.Errors {
		if d.Severity != hcl.DiagError { // warnings of the run are not test results
			continue
		}
		class, where := "ecslint", "ecslint"
		if d.Subject != nil && d.Subject.Filename != "" {
			class = d.Subject.Filename
			where = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		suite.TestCases = append(suite.TestCases, junitCase{Name: d.Summary + " (" + where + ")", ClassName: class,
			Error: &junitProblem{Message: oneLine(diagText(d)), Type: "error", Text: where + ": " + diagText(d)}})
		suite.Errors++
	}
	for _, f := range r.Findings {
		suite.TestCases = append(suite.TestCases, junitCase{Name: f.Rule + " (" + location(f) + ")", ClassName: className(f),
			Failure: &junitProblem{Message: f.Message, Type: f.Severity.String(), Text: junitText(f)}})
		suite.Failures++
	}
	suite.Tests = len(suite.TestCases)
	return writeXML(w, junitSuites{Name: "ecslint", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}})
}

func className(f findings.Finding) string {
	if f.Range.Filename != "" {
		return f.Range.Filename
	}
	return f.Address
}

func junitText(f findings.Finding) string {
	lines := []string{location(f) + ": " + f.Severity.String() + ": " + f.Message}
	if f.Address != "" && f.Range.Filename != "" {
		lines = append(lines, "Resource: "+f.Address)
	}
	lines = append(lines, "Rule: "+f.Rule+" ("+f.Link+")")
	return strings.Join(lines, "\n")
}
