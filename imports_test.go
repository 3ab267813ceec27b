package main

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The layers of the module, named by the first element of a package's directory ("" is the module root, the
// provider's main package), and the layers each may import. Nothing may import the root (it is a program).
var allowedImports = map[string][]string{
	"":         {"provider", "internal"},
	"provider": {"provider", "internal"},
	"lint":     {"lint", "internal"},
	"internal": {"internal"},
	// Build tools (scripts/dist) stand beside the programs and use none of their packages.
	"scripts": {},
}

// TestImportDirection keeps the layout true: provider/ and lint/ use internal/ and never each other, internal/
// uses neither. It reads the import declarations of every Go file of the module, test files and files for other
// platforms or build tags included, so an import that only one build would compile is caught too.
func TestImportDirection(t *testing.T) {
	violations, seen, err := importViolations(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Error(v)
	}
	// The check must have looked at the real layout: each layer imports internal/ today.
	for _, edge := range []string{"provider -> internal", "lint -> internal", " -> provider"} {
		if seen[edge] == 0 {
			t.Errorf("no import %q was found: the check no longer reads the module's packages", edge)
		}
	}
}

// TestImportDirectionCatchesViolations runs the same check on a small module laid out like this one, with one
// import of each forbidden kind.
func TestImportDirectionCatchesViolations(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.25\n")
	write("main.go", "package main\n\nimport _ \"example.com/m/provider\"\n")
	write("provider/p.go", "package provider\n\nimport (\n\t_ \"example.com/m/internal/a\"\n\t_ \"example.com/m/lint/x\"\n)\n")
	write("lint/x/x.go", "package x\n\nimport _ \"example.com/m/internal/a\"\n")
	write("lint/y/y_windows.go", "package y\n\nimport _ \"example.com/m/provider\"\n")
	write("internal/a/a.go", "package a\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n")
	write("internal/b/b_test.go", "package b_test\n\nimport _ \"example.com/m/lint/x\"\n")
	write("internal/c/c.go", "package c\n\nimport _ \"example.com/m\"\n")
	write("tools/t.go", "package t\n")
	write("internal/a/testdata/ignored.go", "package ignored\n\nimport _ \"example.com/m/provider\"\n")

	violations, _, err := importViolations(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"internal/b/b_test.go imports example.com/m/lint/x",
		"internal/c/c.go imports example.com/m,",
		"lint/y/y_windows.go imports example.com/m/provider",
		"provider/p.go imports example.com/m/lint/x",
		"tools/t.go is in tools/",
	}
	if len(violations) != len(want) {
		t.Errorf("got %d violations, want %d:\n%s", len(violations), len(want), strings.Join(violations, "\n"))
	}
	for _, w := range want {
		if !slices.ContainsFunc(violations, func(v string) bool { return strings.HasPrefix(v, w) }) {
			t.Errorf("no violation starting %q among:\n%s", w, strings.Join(violations, "\n"))
		}
	}
}

// importViolations reads every Go file of the module rooted at root (except under testdata/, directories
// starting with "." or "_", and nested modules) and returns one message per forbidden import, sorted, and how
// often each allowed edge between layers ("lint -> internal") occurs.
func importViolations(root string) (violations []string, seen map[string]int, err error) {
	module, err := modulePath(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, nil, err
	}
	seen = map[string]int{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			name := d.Name()
			if rel != "." && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if rel != "." {
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") {
			return nil
		}
		from := layerOf(path.Dir(rel))
		allowed, known := allowedImports[from]
		if !known {
			violations = append(violations, fmt.Sprintf("%s is in %s/, which is none of the module's layers (provider/, lint/, internal/): "+
				"move it into one of them, or give %s/ its allowed imports in allowedImports in imports_test.go.", rel, from, from))
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue // the standard library or another module
			}
			to := layerOf(strings.TrimPrefix(strings.TrimPrefix(imp, module), "/"))
			if imp == module || !slices.Contains(allowed, to) {
				violations = append(violations, fmt.Sprintf("%s imports %s, but %s may import %s: %s",
					rel, imp, describe(from), mayImport(allowed), remedy(from, to, imp == module)))
				continue
			}
			if from != to {
				seen[from+" -> "+to]++
			}
		}
		return nil
	})
	slices.Sort(violations)
	return violations, seen, err
}

// layerOf names the layer of a package directory relative to the module root: its first element.
func layerOf(dir string) string {
	if dir == "." || dir == "" {
		return ""
	}
	first, _, _ := strings.Cut(dir, "/")
	return first
}

func mayImport(layers []string) string {
	if len(layers) == 0 {
		return "none of the module's packages"
	}
	return "only " + strings.Join(layers, "/ and ") + "/"
}

func describe(layer string) string {
	if layer == "" {
		return "the provider's main package"
	}
	return layer + "/"
}

func remedy(from, to string, root bool) string {
	switch {
	case root:
		return "the module root is the provider program and cannot be imported; move what is needed into internal/."
	case from == "internal":
		return "internal/ is shared by both programs and depends on neither; move what it needs from " + to + "/ into internal/."
	case from == "scripts":
		return "the build tools stand apart from the programs; copy what they need, or make it a module of its own."
	default:
		return "provider/ and lint/ never use each other; move the shared code into internal/ and import it from there."
	}
}

// modulePath reads the module path from the go.mod file at p.
func modulePath(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("%s has no module line", p)
}
