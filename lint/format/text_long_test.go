package format

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// TestTextLongLines: a source line of 20,000 characters (minified JSON) is shown as a window around the range,
// with the caret under the right character; an error on such a line is written without a snippet.
func TestTextLongLines(t *testing.T) {
	line := strings.Repeat("[", 10000) + `"needle"` + strings.Repeat("]", 10000)
	col := 10001 // the opening quote of "needle", 1-based
	r := &Report{
		Files: map[string]*hcl.File{"deep.json": {Bytes: []byte(line + "\n")}},
		Findings: []findings.Finding{{Rule: "r", Severity: rules.Error, Message: "found the needle.",
			Range: rng("deep.json", 1, col, 1, col+8)}},
		Errors: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Too deep", Detail: "Nested too deeply.",
			Subject: rng("deep.json", 1, 5000, 1, 5001).Ptr()}},
	}
	var out bytes.Buffer
	if err := Text(&out, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var snippet, caret string
	for _, l := range strings.Split(out.String(), "\n") {
		if n := utf8.RuneCountInString(l); n > maxSnippetWidth+20 {
			t.Errorf("a line of %d characters was written:\n%.200s…", n, l)
		}
		if strings.Contains(l, "needle") {
			snippet = l
		}
		if strings.Contains(l, "^~") {
			caret = l
		}
	}
	if snippet == "" || caret == "" {
		t.Fatalf("no snippet with a caret for the finding:\n%s", out.String())
	}
	if !strings.Contains(snippet, "…") {
		t.Errorf("the window does not say it is cut: %q", snippet)
	}
	at := utf8.RuneCountInString(caret[:strings.Index(caret, "^")])
	if got := string([]rune(snippet)[at : at+8]); got != `"needle"` {
		t.Errorf("the caret is under %q, want under \"needle\":\n%s\n%s", got, snippet, caret)
	}
	if !strings.Contains(out.String(), "Too deep") {
		t.Errorf("the error was not written:\n%.500s", out.String())
	}
}
