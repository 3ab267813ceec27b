package rules

import (
	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// ContainerCPU: the containers' cpu values together cannot exceed the task
// cpu; equality is allowed (ecs-facts 4.1).
var ContainerCPU = register(&Rule{
	Meta: Meta{
		Name:     "container_cpu",
		Severity: Error,
		Title:    "Container CPU does not fit",
		Summary:  "Sum of container cpu above task cpu.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		taskCPU, ok := taskSize(td, td.CPU, fargate.ParseCPU)
		if !ok {
			return
		}
		sum, parts, ok := sumOf(td, func(c *taskdef.Container) taskdef.Value[int64] { return c.CPU })
		if !ok || sum <= int64(taskCPU) {
			return
		}
		sev, note := taskSizeSeverity(td)
		p.ReportSeverity(sev, td.CPU, "The containers' cpu values add up to %d CPU units (%s), more than the task cpu %d units; ECS rejects the task definition (\"The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.\").%s Lower the containers' cpu or raise the task cpu to at least %d.",
			sum, parts, taskCPU, note, sum)
	},
})
