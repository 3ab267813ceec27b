package rules

import (
	"fmt"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// FargateCPUMemory: the task cpu/memory pair must be a Fargate size for the
// task's OS (ecs-facts 3.1–3.3). AWS answers an invalid pair with
// "ClientException: Invalid 'cpu' setting for task."
var FargateCPUMemory = register(&Rule{
	Meta: Meta{
		Name:     "fargate_cpu_memory",
		Severity: Error,
		Title:    "Invalid Fargate CPU/memory combination",
		Summary:  "Task cpu/memory pair not valid on Fargate for the OS (Linux 0.25–16 vCPU table, Windows 1/2/4 vCPU).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
		},
	},
	Check: checkFargateCPUMemory,
})

func checkFargateCPUMemory(p *Pass) {
	td := p.TD
	if td.Fargate() != taskdef.Yes {
		return
	}
	cpuS, cpuOK := td.CPU.Get()
	memS, memOK := td.Memory.Get()
	var cpu, mem int
	var err error
	if cpuOK {
		if cpu, err = fargate.ParseCPU(cpuS); err != nil {
			p.Report(td.CPU, "%s. Fargate accepts cpu %s CPU units.", capitalize(err.Error()), fargate.ListCPUs(fargate.Linux))
			return
		}
	}
	if memOK {
		if mem, err = fargate.ParseMemory(memS); err != nil {
			p.Report(td.Memory, "%s.", capitalize(err.Error()))
			return
		}
	}
	if !cpuOK || !memOK {
		return // missing values are fargate_task_size_required's; unknown ones are silent
	}
	var oses []fargate.OS
	switch td.Windows() {
	case taskdef.Yes:
		oses = []fargate.OS{fargate.Windows}
	case taskdef.No:
		oses = []fargate.OS{fargate.Linux}
	default:
		oses = []fargate.OS{fargate.Linux, fargate.Windows}
	}
	for _, os := range oses {
		if fargate.Valid(os, cpu, mem) {
			return
		}
	}
	os := oses[0]
	size := fmt.Sprintf("cpu %s with memory %s", fargate.FormatCPU(cpu), fargate.FormatMemory(mem))
	var b strings.Builder
	if fargate.MemoryFor(os, cpu) == nil {
		fmt.Fprintf(&b, "%s is not a Fargate size: on %s, Fargate accepts cpu %s CPU units.", size, os, fargate.ListCPUs(os))
		p.reportSize(td.CPU, &b, os, cpu, mem)
		return
	}
	fmt.Fprintf(&b, "%s is not a Fargate size: with %d CPU units, memory must be %s MiB.", size, cpu, fargate.ListMemory(os, cpu))
	p.reportSize(td.Memory, &b, os, cpu, mem)
}

func (p *Pass) reportSize(at taskdef.Locator, b *strings.Builder, os fargate.OS, cpu, mem int) {
	if near := fargate.Nearest(os, cpu, mem); len(near) > 0 {
		parts := make([]string, len(near))
		for i, s := range near {
			parts[i] = fmt.Sprintf("cpu %q with memory %q", fmt.Sprint(s.CPU), fmt.Sprint(s.Memory))
		}
		fmt.Fprintf(b, " Nearest valid sizes: %s.", strings.Join(parts, "; "))
	}
	b.WriteString(` AWS would reject it at apply time with "Invalid 'cpu' setting for task."`)
	p.Report(at, "%s", b.String())
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
