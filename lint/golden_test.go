package lint

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*/expected.json from the current output")

// TestGolden runs `ecslint --format json DIR` in process on every directory
// of testdata and compares the output with DIR/expected.json. A case may
// give its arguments in args.json (a JSON array; "DIR" stands for the case
// directory) and its exit code in exit_code (default 1 when the expected
// output has issues, else 0).
func TestGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join("testdata", e.Name())
		ran++
		t.Run(e.Name(), func(t *testing.T) {
			args := []string{"--format", "json", dir}
			if b, err := os.ReadFile(filepath.Join(dir, "args.json")); err == nil {
				var custom []string
				if err := json.Unmarshal(b, &custom); err != nil {
					t.Fatalf("args.json: %v", err)
				}
				args = args[:0]
				for _, a := range custom {
					if a == "DIR" {
						a = dir
					} else if len(a) > 4 && a[:4] == "DIR/" {
						a = filepath.Join(dir, a[4:])
					}
					args = append(args, a)
				}
			}
			var stdout, stderr bytes.Buffer
			code := Run(args, &stdout, &stderr)
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			expectedPath := filepath.Join(dir, "expected.json")
			if *update {
				if err := os.WriteFile(expectedPath, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(expectedPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got := stdout.String(); got != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", expectedPath, got, want)
			}
			var out struct {
				Issues []json.RawMessage `json:"issues"`
				Errors []struct {
					Severity string `json:"severity"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(want, &out); err != nil {
				t.Fatalf("expected.json: %v", err)
			}
			wantCode := ExitOK
			if len(out.Issues) > 0 {
				wantCode = ExitFindings
			}
			for _, e := range out.Errors {
				if e.Severity == "error" {
					wantCode = ExitFailed
				}
			}
			if b, err := os.ReadFile(filepath.Join(dir, "exit_code")); err == nil {
				if err := json.Unmarshal(bytes.TrimSpace(b), &wantCode); err != nil {
					t.Fatalf("exit_code: %v", err)
				}
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d", code, wantCode)
			}
		})
	}
	if ran == 0 {
		t.Fatal("no golden cases in testdata")
	}
}
