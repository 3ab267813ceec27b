package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// The task cpu bounds on EC2 and EXTERNAL, in CPU units (ecs-facts 3.5.1;
// 18.1: the API's 128 is used, not the 0.25 vCPU of one guide page).
const (
	MinTaskCPU = 128
	MaxTaskCPU = 196608
)

// TaskCPURange: outside Fargate, a task cpu must be 128–196608 CPU units, and
// cpu and memory must be numbers ECS can read (ecs-facts 3.1, 3.5.1).
// Fargate-compatible tasks are fargate_cpu_memory's.
var TaskCPURange = register(&Rule{
	Meta: Meta{
		Name:     "task_cpu_range",
		Severity: Error,
		Title:    "Task CPU out of range",
		Summary:  "Task cpu outside what ECS accepts for the launch type (EC2/EXTERNAL: 128–196608 CPU units), or task cpu/memory that ECS cannot read.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		},
	},
	Check: checkTaskCPURange,
})

func checkTaskCPURange(p *Pass) {
	td := p.TD
	if td.Fargate() == taskdef.Yes {
		return // fargate_cpu_memory checks cpu and memory against the Fargate table
	}
	sev, why := Error, ""
	if td.Windows() != taskdef.No {
		// Task-level cpu and memory are ignored for Windows containers (ecs-facts 3.5.3).
		sev, why = Warning, " ECS documents task-level cpu and memory as ignored for Windows containers, so it may not check them; set cpu and memory on the containers instead."
	}
	if s, ok := td.CPU.Get(); ok {
		cpu, err := fargate.ParseCPU(s)
		switch {
		case err != nil:
			p.ReportSeverity(sev, td.CPU, "Task %s; ECS cannot convert it to CPU units and rejects the task definition. Write cpu as CPU units, for example \"1024\", or as vCPUs, for example \"1 vCPU\".%s", err, why)
		case cpu < MinTaskCPU || cpu > MaxTaskCPU:
			rsev := sev
			if td.Compatible(types.CompatibilityManagedInstances) == taskdef.Yes && td.Compatible(types.CompatibilityEc2) != taskdef.Yes && td.Compatible(types.CompatibilityExternal) != taskdef.Yes {
				// The API documents the bounds for EC2 and EXTERNAL only.
				rsev = Warning
			}
			dir := "below the minimum"
			if cpu > MaxTaskCPU {
				dir = "above the maximum"
			}
			p.ReportSeverity(rsev, td.CPU, "Task cpu %s is %s that ECS accepts for tasks on EC2 and EXTERNAL instances: %d to %d CPU units (.125 to 192 vCPU). Set cpu within that range, or omit it.%s",
				fargate.FormatCPU(cpu), dir, MinTaskCPU, MaxTaskCPU, why)
		}
	}
	if s, ok := td.Memory.Get(); ok {
		if _, err := fargate.ParseMemory(s); err != nil {
			p.ReportSeverity(sev, td.Memory, "Task %s; ECS cannot convert it to MiB and rejects the task definition. Write memory as MiB, for example \"2048\", or as GB, for example \"2 GB\".%s", err, why)
		}
	}
}
