package rules

import (
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// DependsOnCycle: containers whose dependsOn form a cycle wait for each
// other. No AWS source says registration rejects a cycle (ecs-facts 11.6),
// so this is a warning. Each cycle is reported once, on the dependency that
// closes it.
var DependsOnCycle = register(&Rule{
	Meta: Meta{
		Name:     "depends_on_cycle",
		Severity: Warning,
		Title:    "Cyclic container dependencies",
		Summary:  "Cyclic dependsOn.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html",
		},
	},
	Check: func(p *Pass) {
		names := p.TD.ByName()
		const (
			unvisited = iota
			onPath
			done
		)
		state := map[*taskdef.Container]int{}
		var path []*taskdef.Container
		var visit func(c *taskdef.Container)
		visit = func(c *taskdef.Container) {
			state[c] = onPath
			path = append(path, c)
			for _, d := range c.DependsOn.Items {
				n, ok := d.ContainerName.Get()
				next := names[n]
				if !ok || next == nil {
					continue
				}
				switch state[next] {
				case unvisited:
					visit(next)
				case onPath:
					reportCycle(p, path, next, d)
				}
			}
			path = path[:len(path)-1]
			state[c] = done
		}
		for _, c := range p.TD.ContainerDefinitions.Items {
			if state[c] == unvisited {
				visit(c)
			}
		}
	},
})

// reportCycle reports the cycle from start along path back to start, closed
// by dependency d of the last container on path.
func reportCycle(p *Pass, path []*taskdef.Container, start *taskdef.Container, d *taskdef.ContainerDependency) {
	i := len(path) - 1
	for path[i] != start {
		i--
	}
	var steps []string
	for _, c := range path[i:] {
		steps = append(steps, c.Name.V)
	}
	steps = append(steps, start.Name.V)
	last := path[len(path)-1]
	if last == start {
		p.Report(d.ContainerName, "%s: dependsOn names the container itself; it would wait for itself and never start. Remove this dependency.", last.Label())
		return
	}
	p.Report(d.ContainerName, "%s: dependsOn closes the cycle %s; each container in it waits for the next, so none of them can start and the task never runs. Remove one of these dependencies.",
		last.Label(), strings.Join(steps, " → "))
}
