package rules

import (
	"strings"
	"testing"
)

// TestCatalogue: the catalogue holds every task rule once, in order, with its metadata; Lookup finds task rules
// only, LookupMeta every rule.
func TestCatalogue(t *testing.T) {
	all := All()
	if len(all) == 0 {
		t.Fatal("no task rules")
	}
	metas := Catalogue()
	for i, r := range all {
		if r.Scope != TaskScope || metas[i] != &r.Meta {
			t.Errorf("task rule %s is not at place %d of the catalogue", r.Name, i)
		}
		if i > 0 && all[i-1].Name >= r.Name {
			t.Errorf("task rules out of order: %s before %s", all[i-1].Name, r.Name)
		}
		if Lookup(r.Name) != r || LookupMeta(r.Name) != &r.Meta {
			t.Errorf("Lookup(%q) does not return the rule", r.Name)
		}
		if r.Link() != DocsBase+r.Name+".md" || r.Heading() != r.Title+" ("+r.Name+")" {
			t.Errorf("%s: link %s, heading %s", r.Name, r.Link(), r.Heading())
		}
	}
	if Lookup("no_such_rule") != nil || LookupMeta("no_such_rule") != nil {
		t.Error("an unknown name is found")
	}
}

// TestDeclare: another package's rule joins the catalogue after the task rules; malformed and duplicate rules
// are refused.
func TestDeclare(t *testing.T) {
	m := &Meta{Name: "zz_test_config_rule", Severity: Warning, Title: "T", Summary: "S", Since: "0.1.0", Scope: ConfigScope}
	impl := new(int)
	Declare(m, impl)
	defer delete(catalogue, m.Name)
	if LookupMeta(m.Name) != m || Lookup(m.Name) != nil || Implementation(m.Name, ConfigScope) != impl || Implementation(m.Name, TaskScope) != nil {
		t.Error("the declared rule is not found as a configuration rule only")
	}
	if c := Catalogue(); c[len(All())] != m {
		t.Errorf("the configuration rule is not right after the task rules")
	}
	for _, bad := range []struct {
		m    Meta
		want string
	}{
		{Meta{Name: "zz_test_config_rule", Title: "T", Summary: "S", Since: "0.1.0", Scope: ConfigScope}, "duplicate"},
		{Meta{Name: "Bad-Name", Title: "T", Summary: "S", Since: "0.1.0", Scope: ConfigScope}, "snake_case"},
		{Meta{Name: "zz_no_summary", Title: "T", Since: "0.1.0", Scope: ConfigScope}, "summary"},
		{Meta{Name: "zz_no_since", Title: "T", Summary: "S", Scope: ConfigScope}, "Since"},
		{Meta{Name: "zz_no_scope", Title: "T", Summary: "S", Since: "0.1.0"}, "scope"},
		{Meta{Name: "zz_task", Title: "T", Summary: "S", Since: "0.1.0", Scope: TaskScope}, "outside the rules package"},
	} {
		func() {
			defer func() {
				if p, _ := recover().(string); !strings.Contains(p, bad.want) {
					t.Errorf("%s: panic %q, want one about %q", bad.m.Name, p, bad.want)
				}
			}()
			m := bad.m
			Declare(&m, nil)
		}()
	}
	if LookupMeta("zz_no_summary") != nil {
		t.Error("a refused rule joined the catalogue")
	}
}
