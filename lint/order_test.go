package lint

import (
	"bytes"
	"fmt"
	"math/rand"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/lint/format"
)

// TestDeterministicOutput: the same input gives the same bytes in every
// format, whatever the number of workers checking the modules of a tree and
// however often it runs. The tree is every case of testdata (module trees,
// syntax errors, warnings of evaluation, ignore comments, configuration
// rules), with plan JSON and task-definition JSON files as further PATHs.
func TestDeterministicOutput(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	paths := []string{"--recursive", "testdata", filepath.Join("configrules", "testdata"),
		filepath.Join("testdata", "plan", "tfplan.json"), filepath.Join("testdata", "taskjson", "describe.json")}
	for _, name := range format.Names() {
		var first []byte
		for _, workers := range []int{1, 2, 8, 1} {
			runtime.GOMAXPROCS(workers)
			var stdout, stderr bytes.Buffer
			code := Run(append([]string{"--no-color", "--format", name}, paths...), &stdout, &stderr)
			if code != ExitFailed {
				t.Fatalf("%s: exit %d; the tree has syntax errors, want %d", name, code, ExitFailed)
			}
			if stdout.Len() == 0 {
				t.Fatalf("%s: no output", name)
			}
			if first == nil {
				first = stdout.Bytes()
				continue
			}
			if !bytes.Equal(first, stdout.Bytes()) {
				t.Errorf("%s with %d workers: the output differs from the first run's:\n%s", name, workers, firstDifference(first, stdout.Bytes()))
			}
		}
	}
}

// firstDifference shows the lines around the first byte where a and b differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, bytes.LastIndexByte(a[:i], '\n'))
	clip := func(s []byte) []byte { return s[from:min(len(s), from+400)] }
	return fmt.Sprintf("first run: %q\nthis run:  %q", clip(a), clip(b))
}

// TestSortDiagsAnyOrder: errors found in any order (by workers, or a cycle
// met from either end) are reported in one order.
func TestSortDiagsAnyOrder(t *testing.T) {
	rng := func(file string, line, col int) *hcl.Range {
		return &hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: col, Byte: line*100 + col}, End: hcl.Pos{Line: line, Column: col + 4, Byte: line*100 + col + 4}}
	}
	want := hcl.Diagnostics{
		{Severity: hcl.DiagError, Summary: "Cannot read path", Detail: "Cannot read a."},
		{Severity: hcl.DiagError, Summary: "Cannot read path", Detail: "Cannot read b."},
		{Severity: hcl.DiagError, Summary: "Reference cycle", Detail: "local.a and local.b", Subject: rng("a/main.tf", 2, 3)},
		{Severity: hcl.DiagWarning, Summary: "Remote module not loaded", Subject: rng("a/main.tf", 2, 3)},
		{Severity: hcl.DiagError, Summary: "Reference cycle", Detail: "module.x and module.y", Subject: rng("a/main.tf", 9, 1)},
		{Severity: hcl.DiagError, Summary: "Reference cycle", Detail: "module.y and module.z", Subject: rng("a/main.tf", 9, 1)},
		{Severity: hcl.DiagWarning, Summary: "Unsupported function", Subject: rng("b/main.tf", 1, 1)},
	}
	r := rand.New(rand.NewSource(1))
	for range 50 {
		got := append(hcl.Diagnostics{}, want...)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		got = sortDiags(got)
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("position %d: %s %q, want %s %q", i, got[i].Summary, got[i].Detail, want[i].Summary, want[i].Detail)
			}
		}
	}
}
