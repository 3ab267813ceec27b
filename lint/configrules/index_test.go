package configrules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// TestRuleIndexListsEveryRule keeps templates/rules/README.md, the catalogue
// page, in step with the rules both programs register.
func TestRuleIndexListsEveryRule(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", "rules", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	index := string(b)
	var names []string
	for _, r := range rules.All() {
		names = append(names, r.Name)
	}
	for _, r := range All() {
		names = append(names, r.Name)
	}
	for _, n := range names {
		if !strings.Contains(index, "[`"+n+"`]("+n+".md)") {
			t.Errorf("templates/rules/README.md does not list %s", n)
		}
	}
	if got, want := strings.Count(index, "](")-0, len(names)+1; got != want {
		t.Errorf("the index links %d pages, the catalogue has %d rules plus ignore_comment", got, want)
	}
}
