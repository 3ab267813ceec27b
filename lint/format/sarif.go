package format

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads. sarif_test.go
// validates the output against the official schema.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is ecslint's home page in SARIF's tool.driver.
	InformationURI = "https://github.com/ecskit/terraform-provider-ecskit"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	// RelatedLocations are the module calls the finding came through.
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               *int                   `json:"id,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

func diagLevel(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagError {
		return "error"
	}
	return "warning"
}

// sarifURI turns a file name into a URI reference: relative names keep
// forward slashes (code scanning resolves them against the checkout),
// absolute ones become file URIs.
func sarifURI(name string) string {
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: strings.TrimPrefix(p, "./")}).String()
}

func sarifRange(r hcl.Range) *sarifPhysicalLocation {
	loc := &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: sarifURI(r.Filename)}}
	if r.Start.Line > 0 {
		reg := &sarifRegion{StartLine: r.Start.Line, StartColumn: max(r.Start.Column, 1), EndLine: r.End.Line, EndColumn: r.End.Column}
		if reg.EndLine < reg.StartLine {
			reg.EndLine = reg.StartLine
		}
		if reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn {
			reg.EndColumn = reg.StartColumn + 1
		}
		loc.Region = reg
	}
	return loc
}

// SARIF writes the report as a SARIF 2.1.0 log with one run: the rule
// catalogue in tool.driver.rules, one result per finding, and the errors of
// the run as tool execution notifications. A finding from plan JSON without a
// source has a logical location, its resource address; one with both a
// source and an address has both.
func SARIF(w io.Writer, r *Report, _ Options) error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "ecslint", Version: r.Version, InformationURI: InformationURI, Rules: []sarifRule{}}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: !r.Errors.HasErrors()}},
		Results:     make([]sarifResult, 0, len(r.Findings)),
	}
	index := map[string]int{}
	for i, rule := range r.Rules {
		index[rule.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: rule.Name, Name: rule.Name, ShortDescription: sarifMessage{Text: rule.Summary}, HelpURI: rule.Link,
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rule.Severity)},
		})
	}
	for _, f := range r.Findings {
		res := sarifResult{RuleID: f.Rule, Level: sarifLevel(f.Severity), Message: sarifMessage{Text: f.Message}}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		var loc sarifLocation
		if f.Range.Filename != "" {
			loc.PhysicalLocation = sarifRange(f.Range)
		}
		if f.Address != "" {
			loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: f.Address, Kind: "resource"}}
		}
		res.Locations = []sarifLocation{loc}
		for i, c := range f.Callers {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id, Message: &sarifMessage{Text: callerText(f, i)}, PhysicalLocation: sarifRange(c.Range)})
		}
		run.Results = append(run.Results, res)
	}
	for _, d := range r.Errors {
		n := sarifNotification{Level: diagLevel(d.Severity), Message: sarifMessage{Text: diagText(d)}}
		if d.Subject != nil && d.Subject.Filename != "" {
			n.Locations = []sarifLocation{{PhysicalLocation: sarifRange(*d.Subject)}}
		}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}
