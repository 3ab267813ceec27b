package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// ContainerMemoryRequired: without task-level memory every container needs a
// non-zero memory or memoryReservation (ecs-facts 3.5.4, 4.5). Fargate tasks
// need task memory anyway (fargate_task_size_required). Task-level memory is
// ignored for Windows containers on EC2 (3.5.3), so there a container without
// its own memory is worth a warning even when the task sets memory; whether
// ECS rejects that is not documented. Managed Instances fall back to the
// containers' sizes (3.5.5); a task with none there is a warning too.
var ContainerMemoryRequired = register(&Rule{
	Meta: Meta{
		Name:     "container_memory_required",
		Severity: Error,
		Title:    "Container without memory",
		Summary:  "No task memory and a container with neither memory nor memoryReservation.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if td.Fargate() != taskdef.No || td.Memory.Unknown {
			return
		}
		sev := Error
		why := "the task sets no task-level memory"
		switch {
		case td.Memory.Set:
			if td.Windows() != taskdef.Yes {
				return
			}
			sev = Warning
			why = "task-level memory is ignored for Windows containers on EC2"
		case managedInstancesOnly(td):
			sev = Warning
			why = "the task sets no task-level memory, and on Managed Instances ECS sizes the task from its containers' memory"
		}
		for _, c := range td.ContainerDefinitions.Items {
			if !lacksMemory(c) {
				continue
			}
			zero := ""
			if c.Memory.Known() || c.MemoryReservation.Known() {
				zero = " (0 counts as not set)"
			}
			if sev == Error {
				p.Report(c, "%s sets neither memory nor memoryReservation%s, and %s; ECS rejects the task definition (\"Invalid setting for container '%s'. At least one of 'memory' or 'memoryReservation' must be specified.\"). Set memoryReservation (a soft limit in MiB, for example 256) or memory (a hard limit) on the container, or set the task-level memory.",
					c.Label(), zero, why, nameForAWS(c))
				continue
			}
			p.ReportSeverity(Warning, c, "%s sets neither memory nor memoryReservation%s, and %s; the container may be rejected or run without a memory limit. Set memoryReservation (a soft limit in MiB, for example 256) or memory (a hard limit) on the container.",
				c.Label(), zero, why)
		}
	},
})

// lacksMemory reports whether the container certainly has neither a non-zero
// memory nor a non-zero memoryReservation.
func lacksMemory(c *taskdef.Container) bool {
	for _, v := range []taskdef.Value[int64]{c.Memory, c.MemoryReservation} {
		if v.Unknown || (v.Set && v.V != 0) {
			return false
		}
	}
	return true
}

// managedInstancesOnly reports whether the task certainly lists
// MANAGED_INSTANCES and neither EC2 nor EXTERNAL.
func managedInstancesOnly(td *taskdef.TaskDefinition) bool {
	return td.Compatible(types.CompatibilityManagedInstances) == taskdef.Yes &&
		td.Compatible(types.CompatibilityEc2) == taskdef.No &&
		td.Compatible(types.CompatibilityExternal) == taskdef.No
}

// nameForAWS is the container name as AWS's error texts print it.
func nameForAWS(c *taskdef.Container) string {
	if n, ok := c.Name.Get(); ok {
		return n
	}
	return "X"
}
