package lint

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesKnowEveryFunction: ecslint --recursive on the repository's examples evaluates every function they
// call, the ecskit provider's included (examples/functions, examples/sensitive-values), so it warns about no
// unknown function and no failed call.
func TestExamplesKnowEveryFunction(t *testing.T) {
	dir := filepath.Join("..", "examples")
	calls := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tf") {
			return err
		}
		b, err := os.ReadFile(p)
		calls += strings.Count(string(b), "provider::ecskit::")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 4 {
		t.Fatalf("the examples call the ecskit provider's functions %d times; the test needs them", calls)
	}
	var stdout, stderr bytes.Buffer
	Run([]string{"--format", "json", "--recursive", dir}, &stdout, &stderr)
	var out struct {
		Errors []struct {
			Summary, Message string
			Range            *struct{ Filename string }
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("ecslint's JSON output: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	for _, e := range out.Errors {
		if strings.Contains(e.Summary, "function") {
			t.Errorf("%+v: %s: %s", e.Range, e.Summary, e.Message)
		}
	}
}
