package taskdef_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// TestHostileTenThousandContainers decodes and checks a task definition with 10,000 containers, every one of
// them exposing the same host port: the result is the container_limit finding, and duplicate findings stay
// proportional to the containers (no quadratic blow-up in findings).
func TestHostileTenThousandContainers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"family":"big","networkMode":"host","memory":"512","containerDefinitions":[`)
	for i := range 10000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"c%d","image":"i","essential":true,"portMappings":[{"containerPort":80}]}`, i)
	}
	b.WriteString(`]}`)
	n, diags := tree.ParseJSON([]byte(b.String()), "big.json")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	td, errs := taskdef.Decode(n)
	if len(errs) > 0 {
		t.Fatal(errs.Error())
	}
	fs := rules.Run(td, rules.Config{DynamicPortRange: rules.DefaultDynamicPortRange})
	limit := 0
	for _, f := range fs {
		if f.Rule.Name == "container_limit" {
			limit++
		}
	}
	if limit != 1 {
		t.Errorf("%d container_limit findings, want 1", limit)
	}
	if len(fs) > 3*10000 {
		t.Errorf("%d findings for 10,000 containers", len(fs))
	}
}

// TestHostileDeepJSON parses JSON nested 10,000 deep: a parse error with its position, not a stack overflow.
func TestHostileDeepJSON(t *testing.T) {
	src := `{"containerDefinitions":` + strings.Repeat(`[`, 10000) + strings.Repeat(`]`, 10000) + `}`
	_, diags := tree.ParseJSON([]byte(src), "deep.json")
	if !diags.HasErrors() {
		t.Fatal("no error for JSON nested 10,000 deep")
	}
	if d := diags[0]; d.Subject == nil || d.Subject.Filename != "deep.json" || !strings.Contains(d.Detail+d.Summary, "deep") {
		t.Errorf("error without a position or a reason: %s", d.Error())
	}
}
