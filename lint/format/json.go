package format

import (
	"encoding/json"
	"io"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// The JSON shape is tflint's (formatter/json.go), so tools that read tflint's
// output read ecslint's; address is ecslint's addition.
type jsonIssue struct {
	Rule    jsonRule    `json:"rule"`
	Message string      `json:"message"`
	Range   jsonRange   `json:"range"`
	Callers []jsonRange `json:"callers"`
	Address string      `json:"address,omitempty"`
}

type jsonRule struct {
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Link     string `json:"link"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonError struct {
	Summary  string     `json:"summary,omitempty"`
	Message  string     `json:"message"`
	Severity string     `json:"severity"`
	Range    *jsonRange `json:"range,omitempty"`
}

type jsonOutput struct {
	Issues []jsonIssue `json:"issues"`
	Errors []jsonError `json:"errors"`
}

func toJSONRange(r hcl.Range) jsonRange {
	return jsonRange{Filename: r.Filename, Start: jsonPos{r.Start.Line, r.Start.Column}, End: jsonPos{r.End.Line, r.End.Column}}
}

// JSON writes the report in tflint's JSON shape, indented, with a final newline.
func JSON(w io.Writer, r *Report, _ Options) error {
	out := jsonOutput{Issues: make([]jsonIssue, 0, len(r.Findings)), Errors: make([]jsonError, 0, len(r.Errors))}
	for _, f := range r.Findings {
		out.Issues = append(out.Issues, jsonIssue{
			Rule:    jsonRule{Name: f.Rule, Severity: f.Severity.String(), Link: f.Link},
			Message: f.Message,
			Range:   toJSONRange(f.Range),
			Callers: jsonCallers(f.Callers),
			Address: f.Address,
		})
	}
	for _, d := range r.Errors {
		e := jsonError{Summary: d.Summary, Message: d.Detail, Severity: severityName(d.Severity)}
		if e.Message == "" {
			e.Message = d.Summary
		}
		if d.Subject != nil {
			rng := toJSONRange(*d.Subject)
			e.Range = &rng
		}
		out.Errors = append(out.Errors, e)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// jsonCallers are a finding's module calls, outermost first, as tflint's
// callers: ranges only (the text and SARIF formats name the calls).
func jsonCallers(cs []findings.Caller) []jsonRange {
	out := make([]jsonRange, 0, len(cs))
	for _, c := range cs {
		out = append(out, toJSONRange(c.Range))
	}
	return out
}
