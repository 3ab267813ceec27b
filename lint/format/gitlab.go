package format

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// GitLab's code quality report is a JSON array of issues in the subset of
// the Code Climate issue format that GitLab reads: description, check_name,
// fingerprint, severity and location (path and lines.begin). GitLab ignores
// the other Code Climate members, so none are written. gitlab_test.go
// validates the output against testdata/gitlab-codequality.schema.json,
// written from GitLab's documentation.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// gitlabErrorCheck is the check_name of the errors of the run.
const gitlabErrorCheck = "ecslint"

// gitlabSeverity maps ecslint's severities onto GitLab's scale (info,
// minor, major, critical, blocker): an error is a deployment AWS rejects or
// that cannot work, critical; a warning major; a notice info. blocker is
// kept for errors of the run, which stop ecslint from checking a file.
func gitlabSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "critical"
	case rules.Warning:
		return "major"
	}
	return "info"
}

// gitlabPath is a file name as GitLab wants it, relative to the repository
// root with forward slashes: ecslint's names are relative to the working
// directory, which in a GitLab job is the checkout. A finding from plan
// JSON without a source is placed at its resource address.
func gitlabPath(name, address string) string {
	if name == "" {
		if address != "" {
			return address
		}
		return gitlabErrorCheck
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(name)), "./")
}

// fingerprinter makes fingerprints that stay the same when unrelated code
// moves: a hash of what identifies a finding (rule, file, resource address,
// place in the task definition; findings.Identity), never its line. GitLab
// shows issues with the same fingerprint once, so findings with the same
// identity get the number of their occurrence in the report's order too.
type fingerprinter map[string]int

func (fp fingerprinter) fingerprint(parts ...string) string {
	key := strings.Join(parts, "\x00")
	n := fp[key]
	fp[key] = n + 1
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16])
}

// GitLab writes the report as a GitLab code quality report (artifacts:
// reports: codequality). Errors of the run are issues too, with check_name
// "ecslint", so that a file ecslint could not read shows in the merge
// request: severity blocker for errors, info for warnings.
func GitLab(w io.Writer, r *Report, _ Options) error {
	out := make([]gitlabIssue, 0, len(r.Findings)+len(r.Errors))
	fp := fingerprinter{}
	for _, f := range r.Findings {
		id := f.Identity()
		path := gitlabPath(f.Range.Filename, f.Address)
		out = append(out, gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: fp.fingerprint("finding", id.Rule, path, id.Address, id.Place),
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(f.Range.Start.Line, 1)}},
		})
	}
	for _, d := range r.Errors {
		path, line := gitlabErrorCheck, 1
		if d.Subject != nil && d.Subject.Filename != "" {
			path, line = gitlabPath(d.Subject.Filename, ""), max(d.Subject.Start.Line, 1)
		}
		sev := "info"
		if d.Severity == hcl.DiagError {
			sev = "blocker"
		}
		out = append(out, gitlabIssue{
			Description: diagText(d),
			CheckName:   gitlabErrorCheck,
			Fingerprint: fp.fingerprint("error", path, d.Summary, d.Detail),
			Severity:    sev,
			Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
