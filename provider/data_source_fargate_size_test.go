package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// sizeIs checks the outputs of data.ecskit_fargate_size.<name>.
func sizeIs(name, cpu, memory string) []statecheck.StateCheck {
	addr := "data.ecskit_fargate_size." + name
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("cpu"), knownvalue.StringExact(cpu)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("memory"), knownvalue.StringExact(memory)),
	}
}

func TestAccFargateSize(t *testing.T) {
	unitTest(t,
		resource.TestStep{
			Config: `
data "ecskit_fargate_size" "nothing_fits" {
  min_cpu    = "16 vCPU"
  min_memory = "121 GB"
}`,
			ExpectError: diagRE("Error: No Fargate size fits", `min_memory = "121 GB"`,
				"No Fargate size for Linux has at least 16384 CPU units and 123904 MiB of memory: the largest is cpu 16384 (16 vCPU) / memory 122880 MiB (120 GB)."),
		},
		resource.TestStep{
			Config: `
data "ecskit_fargate_size" "windows_arm" {
  min_cpu                 = 1024
  operating_system_family = "WINDOWS_SERVER_2022_CORE"
  cpu_architecture        = "ARM64"
}`,
			ExpectError: diagRE("Error: Windows on ARM64", `cpu_architecture = "ARM64"`, "Fargate runs Windows containers only on X86_64"),
		},
		resource.TestStep{
			Config: `
data "ecskit_fargate_size" "bad_cpu" {
  min_cpu = "one core"
}`,
			ExpectError: diagRE("Error: Invalid min_cpu", `min_cpu: cpu "one core" is neither a number of CPU units`),
		},
		resource.TestStep{
			Config:      `data "ecskit_fargate_size" "empty" {}`,
			ExpectError: diagRE("Error: Missing Attribute Configuration", "At least one of these attributes must be configured: [min_cpu,min_memory,containers]"),
		},
		resource.TestStep{
			Config: `
data "ecskit_fargate_size" "forms" {
  min_cpu    = "0.5 vCPU"
  min_memory = "3 GB"
}

# 300 CPU units and 2500 MiB: the least cpu above, then the least memory.
data "ecskit_fargate_size" "odd" {
  min_cpu    = 300
  min_memory = 2500
}

# Windows has nothing below 1 vCPU.
data "ecskit_fargate_size" "windows" {
  min_cpu                 = 256
  min_memory              = 512
  operating_system_family = "WINDOWS_SERVER_2019_FULL"
}

data "ecskit_fargate_size" "arm" {
  min_cpu          = "2 vCPU"
  cpu_architecture = "ARM64"
}

# cpu 256+512 = 768; memory 1024 (hard limit) + 1536 (reservation only) = 2560.
data "ecskit_fargate_size" "containers" {
  containers = [
    jsonencode({ name = "web", image = "x", cpu = 256, memory = 1024, memoryReservation = 512 }),
    jsonencode({ name = "log", image = "x", cpu = 512, memoryReservation = 1536 }),
  ]
}

# The larger of min_memory and the containers' sum wins.
data "ecskit_fargate_size" "both" {
  min_memory = "8 GB"
  containers = [jsonencode({ name = "web", image = "x", cpu = 2048, memory = 512 })]
}
`,
			ConfigStateChecks: concat(
				sizeIs("forms", "512", "3072"),
				sizeIs("odd", "512", "3072"),
				sizeIs("windows", "1024", "2048"),
				sizeIs("arm", "2048", "4096"),
				sizeIs("containers", "1024", "3072"),
				sizeIs("both", "2048", "8192"),
			),
		},
	)
}

func concat[T any](lists ...[]T) []T {
	var out []T
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
