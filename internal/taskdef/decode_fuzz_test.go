package taskdef_test

import (
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// FuzzDecode runs the whole task-definition JSON front door, tree.ParseJSON, taskdef.Decode and rules.Run, on
// arbitrary bytes: nothing may panic, a parse error must say where it is, and every decoding error and finding
// must name what it is about. Seeds (real AWS task definitions among them) live in testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"family":"web","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512",
		"containerDefinitions":[{"name":"web","image":"nginx","portMappings":[{"containerPort":80,"hostPort":8080}]}]}`))
	f.Add([]byte(`[{"name":"a","image":"i","dependsOn":[{"containerName":"a","condition":"HEALTHY"}]}]`))
	f.Add([]byte(`{"taskDefinition":{"containerDefinitions":[{"name":"a","memory":"1 GB","cpu":-1}]}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		n, diags := tree.ParseJSON(src, "td.json")
		if diags.HasErrors() {
			for _, d := range diags {
				if d.Subject == nil || d.Subject.Start.Line < 1 {
					t.Fatalf("parse error without a position: %s", d.Error())
				}
			}
			return
		}
		td, errs := taskdef.Decode(n)
		if td == nil {
			t.Fatal("Decode returned no task definition")
		}
		for _, e := range errs {
			if strings.TrimSpace(e.Error()) == "" {
				t.Fatal("empty decoding error")
			}
		}
		for _, fd := range rules.Run(td, rules.Config{DynamicPortRange: rules.DefaultDynamicPortRange}) {
			if fd.Rule == nil || fd.Message == "" {
				t.Fatalf("finding without a rule or message: %+v", fd)
			}
		}
	})
}
