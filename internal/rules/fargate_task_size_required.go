package rules

import "github.com/ecskit/terraform-provider-ecskit/internal/taskdef"

// FargateTaskSizeRequired: Fargate tasks need both task-level cpu and memory
// (ecs-facts 3.2, 3.5.6).
var FargateTaskSizeRequired = register(&Rule{
	Meta: Meta{
		Name:     "fargate_task_size_required",
		Severity: Error,
		Title:    "Fargate task without task size",
		Summary:  "FARGATE without task-level cpu or memory.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if td.Fargate() != taskdef.Yes {
			return
		}
		for _, f := range []struct {
			v    taskdef.Value[string]
			name string
			eg   string
		}{{td.CPU, "cpu", `"256"`}, {td.Memory, "memory", `"512"`}} {
			if f.v.Absent() {
				p.Report(f.v, "The task requires FARGATE compatibility but sets no task-level %s; Fargate needs both cpu and memory at task level. Set %s, for example %s (see the Fargate size table).", f.name, f.name, f.eg)
			}
		}
	},
})
