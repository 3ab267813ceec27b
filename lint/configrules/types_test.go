package configrules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// typeName is a resource or data source type as a string literal of the rules names it.
var typeName = regexp.MustCompile(`^(aws|ecskit)_[a-z0-9_]+$`)

// TestTypesNamesEveryTypeRead reads the package's source: every resource type the rules name (in InstancesOf,
// refOf, a list of types...) must be in Types, or the loader would not evaluate the instances a rule looks for and
// the rule would go silent.
func TestTypesNamesEveryTypeRead(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			typ, err := strconv.Unquote(lit.Value)
			if err != nil || !typeName.MatchString(typ) {
				return true
			}
			seen++
			if !Types[typ] {
				t.Errorf("%s: the rules read %q, which Types does not name", fset.Position(lit.Pos()), typ)
			}
			return true
		})
	}
	if seen < 10 {
		t.Errorf("found only %d resource type names; the test no longer sees the source it checks", seen)
	}
}
