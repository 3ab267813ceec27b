package format

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
)

// TestTextNamesTheInstance: a block expanded by count or for_each stands for
// several instances, so the text output says which one a finding is about,
// unless the message already does.
func TestTextNamesTheInstance(t *testing.T) {
	r := &Report{Findings: []findings.Finding{
		{Rule: "fargate_cpu_memory", Severity: rules.Error, Message: "bad size", Range: rng("svc/main.tf", 3, 5, 3, 9), Address: `module.svc["web"].aws_ecs_task_definition.this`},
		{Rule: "fargate_cpu_memory", Severity: rules.Error, Message: "bad size", Range: rng("main.tf", 3, 5, 3, 9), Address: `aws_ecs_task_definition.this`},
		{Rule: "fargate_service_placement", Severity: rules.Error, Message: `module.svc["api"].aws_ecs_service.this is on Fargate`, Range: rng("svc/main.tf", 9, 3, 9, 9), Address: `module.svc["api"].aws_ecs_service.this`},
	}}
	var b bytes.Buffer
	if err := Text(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "  in "); n != 1 {
		t.Errorf("want the instance named once (only where the position and message leave it open), got %d:\n%s", n, out)
	}
	if !strings.Contains(out, "  in module.svc[\"web\"].aws_ecs_task_definition.this\n") {
		t.Errorf("instance not named:\n%s", out)
	}
}
