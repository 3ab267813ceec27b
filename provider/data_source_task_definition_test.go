package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// taskConfig is an ecskit_task_definition "t" with the given attributes and
// blocks (HCL; ";" separates lines) and containers (an HCL list of container
// objects, each passed through jsonencode).
func taskConfig(task, containers string) string {
	if !strings.HasPrefix(task, "family =") {
		task = `family = "app";` + task
	}
	return `
data "ecskit_task_definition" "t" {
  containers = [for c in ` + containers + ` : jsonencode(c)]
  ` + strings.ReplaceAll(task, ";", "\n  ") + `
}
`
}

func TestAccTaskDefinitionFargateSizeForms(t *testing.T) {
	addr := "data.ecskit_task_definition.t"
	unitTest(t, resource.TestStep{
		Config: taskConfig(`requires_compatibilities = ["FARGATE"]; network_mode = "awsvpc"; cpu = "1 vCPU"; memory = "3 GB"`,
			`[{ name = "web", image = "nginx" }]`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("normalized_cpu"), knownvalue.StringExact("1024")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("normalized_memory"), knownvalue.StringExact("3072")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
		},
	})
}
