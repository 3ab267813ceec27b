package compose_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Hostile input to the provider's engine, compose.Task (what ecskit_task_definition runs at plan time).

func taskConfig(containers []cty.Value) *tree.Node {
	return tree.FromValue(cty.ObjectVal(map[string]cty.Value{
		"family":                   cty.StringVal("big"),
		"requires_compatibilities": cty.ListVal([]cty.Value{cty.StringVal("FARGATE")}),
		"network_mode":             cty.StringVal("awsvpc"),
		"cpu":                      cty.StringVal("256"),
		"memory":                   cty.StringVal("512"),
		"containers":               cty.ListVal(containers),
	}), hcl.Range{Filename: "main.tf"})
}

func TestHostileTenThousandContainers(t *testing.T) {
	containers := make([]cty.Value, 10000)
	for i := range containers {
		containers[i] = cty.StringVal(fmt.Sprintf(`{"name":"c%d","image":"i","essential":true,"memory":64}`, i))
	}
	res := compose.Task(taskConfig(containers), rules.Config{})
	found := false
	for _, f := range res.Findings {
		found = found || f.Rule.Name == "container_limit"
	}
	if !found {
		t.Errorf("no container_limit finding for 10,000 containers; problems %v", res.Problems)
	}
}

func TestHostileContainerJSON(t *testing.T) {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	for name, src := range map[string]string{
		"nested 10,000 deep": `{"name":"a","image":"i","command":` + deep + `}`,
		"non-UTF-8":          "{\"name\":\"a\xff\xfe\",\"image\":\"i\"}",
		"not JSON":           "\x00\x01{",
		"truncated":          `{"name":"a","image":"i","portMappings":[{"containerPort":80`,
	} {
		t.Run(name, func(t *testing.T) {
			res := compose.Task(taskConfig([]cty.Value{cty.StringVal(src)}), rules.Config{})
			if len(res.Problems)+len(res.DecodeErrors)+len(res.Findings) == 0 {
				t.Fatalf("no problem, decode error or finding for %.60q", src)
			}
			for _, p := range res.Problems {
				if p.Summary == "" || p.Detail == "" {
					t.Errorf("problem without a message: %+v", p)
				}
			}
		})
	}
}
