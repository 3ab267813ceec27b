package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestRecursiveCalledModulesAnyWorkers: under --recursive, which modules are
// checked on their own and which only through their callers does not depend
// on the number of workers: the golden trees of called modules give their
// expected output byte for byte with 1, 2 and 8 workers.
func TestRecursiveCalledModulesAnyWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, name := range []string{"recursive-called-module", "recursive-unreached-module"} {
		dir := filepath.Join("testdata", name)
		want, err := os.ReadFile(filepath.Join(dir, "expected.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, workers := range []int{1, 2, 8} {
			runtime.GOMAXPROCS(workers)
			for range 5 {
				var stdout, stderr bytes.Buffer
				Run([]string{"--recursive", "--format", "json", dir}, &stdout, &stderr)
				if !bytes.Equal(stdout.Bytes(), want) {
					t.Fatalf("%s with %d workers: the output differs from expected.json:\n%s", name, workers, firstDifference(want, stdout.Bytes()))
				}
			}
		}
	}
}

// TestRecursiveCallModuleTypeNone: with --call-module-type none no call is
// followed, so a called module is linted on its own (as a reusable module:
// its literal error is found, without a call chain).
func TestRecursiveCallModuleTypeNone(t *testing.T) {
	dir := filepath.Join("testdata", "recursive-called-module")
	_, rep := runJSON(t, "--recursive", "--call-module-type", "none", dir)
	var found bool
	for _, is := range rep.Issues {
		if is.Rule.Name == "essential_container" {
			found = true
		}
	}
	if !found {
		t.Errorf("the literal error of modules/task is not reported under --call-module-type none: %+v", rep.Issues)
	}
}

// TestSharedModules: the modules that more than one uncalled module leads to,
// at any depth, are the ones the parse cache keeps.
func TestSharedModules(t *testing.T) {
	var events []treeEvent
	for _, d := range []string{"/a", "/b", "/c", "/m", "/n", "/x", "/p", "/q"} {
		events = append(events, treeEvent{abs: d, real: d})
	}
	calls := map[string]map[string]bool{
		"/a": {"/m": true}, "/b": {"/m": true, "/n": true}, "/m": {"/n": true}, "/c": {"/x": true},
		"/p": {"/q": true}, "/q": {"/p": true}, // a cycle nothing else calls
	}
	called := map[string]bool{"/m": true, "/n": true, "/x": true, "/p": true, "/q": true}
	got := sharedModules(events, calls, called)
	if len(got) != 2 || !got["/m"] || !got["/n"] {
		t.Errorf("shared = %v, want /m and /n", got)
	}
}
