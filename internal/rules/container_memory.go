package rules

import (
	"fmt"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// ContainerMemory: a container's memoryReservation must stay below its
// memory (ecs-facts 4.4; equality is disputed, so it is a warning); a
// container's memory cannot exceed the task memory (4.2); the containers'
// reservations together cannot exceed it either (4.3, equality allowed).
var ContainerMemory = register(&Rule{
	Meta: Meta{
		Name:     "container_memory",
		Severity: Error,
		Title:    "Container memory does not fit",
		Summary:  "memoryReservation above memory; a container's memory above task memory; sum of reservations above task memory.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		for _, c := range td.ContainerDefinitions.Items {
			mem, memOK := c.Memory.Get()
			res, resOK := c.MemoryReservation.Get()
			if !memOK || !resOK || mem <= 0 {
				continue
			}
			switch {
			case res > mem:
				p.Report(c.MemoryReservation, "%s: memoryReservation %d MiB is greater than memory %d MiB; ECS requires the hard limit (memory) to be greater than the soft limit (memoryReservation) and rejects the task definition. Lower memoryReservation below %d or raise memory above %d.",
					c.Label(), res, mem, mem, res)
			case res == mem:
				p.ReportSeverity(Warning, c.MemoryReservation, "%s: memoryReservation equals memory (%d MiB); AWS documents that memory must be greater than memoryReservation (some reports say equal values are accepted). Remove memoryReservation, since memory alone reserves that much, or lower it.",
					c.Label(), mem)
			}
		}
		taskMem, ok := taskSize(td, td.Memory, fargate.ParseMemory)
		if !ok {
			return
		}
		sev, note := taskSizeSeverity(td)
		for _, c := range td.ContainerDefinitions.Items {
			if mem, ok := c.Memory.Get(); ok && mem > int64(taskMem) {
				p.ReportSeverity(sev, c.Memory, "%s: memory %d MiB is greater than the task memory %d MiB; ECS rejects the task definition (\"The 'memory' setting for container '%s' is greater than for the task.\").%s Lower the container's memory to at most %d or raise the task memory.",
					c.Label(), mem, taskMem, nameForAWS(c), note, taskMem)
			}
		}
		sum, parts, ok := sumOf(td, func(c *taskdef.Container) taskdef.Value[int64] { return c.MemoryReservation })
		if ok && sum > int64(taskMem) {
			p.ReportSeverity(sev, td.Memory, "The containers' memoryReservation values add up to %d MiB (%s), more than the task memory %d MiB; ECS rejects the task definition (\"The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.\").%s Lower the reservations or raise the task memory to at least %d.",
				sum, parts, taskMem, note, sum)
		}
	},
})

// taskSize parses a known task-level cpu or memory. It gives false for an
// unknown or malformed value (malformed ones are other rules' findings) and
// when the OS is unknown, since Windows on EC2 ignores task-level sizes.
func taskSize(td *taskdef.TaskDefinition, v taskdef.Value[string], parse func(string) (int, error)) (int, bool) {
	s, ok := v.Get()
	if !ok || td.Windows() == taskdef.Maybe {
		return 0, false
	}
	n, err := parse(s)
	return n, err == nil
}

// taskSizeSeverity is how certain a comparison with task-level cpu or
// memory is: ECS ignores task-level sizes for Windows containers on EC2
// (ecs-facts 3.5.3), so whether it still compares them is not known.
func taskSizeSeverity(td *taskdef.TaskDefinition) (Severity, string) {
	if td.Windows() == taskdef.Yes && td.Fargate() != taskdef.Yes {
		return Warning, " (Task-level sizes are ignored for Windows containers on EC2, so ECS may accept this, but the numbers contradict each other.)"
	}
	return Error, ""
}

// sumOf adds up one integer field over the containers that set it and lists
// the parts ("a" 512, "b" 256). It gives false if any of them is unknown.
func sumOf(td *taskdef.TaskDefinition, field func(*taskdef.Container) taskdef.Value[int64]) (int64, string, bool) {
	var sum int64
	var parts []string
	for _, c := range td.ContainerDefinitions.Items {
		v := field(c)
		if v.Unknown {
			return 0, "", false
		}
		if !v.Set {
			continue
		}
		sum += v.V
		parts = append(parts, fmt.Sprintf("%s %d", strings.TrimPrefix(c.Label(), "container "), v.V))
	}
	return sum, strings.Join(parts, ", "), true
}
