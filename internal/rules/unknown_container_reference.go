package rules

import (
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// UnknownContainerReference: dependsOn and volumesFrom must name a container
// of the task (ecs-facts 11.3, 13.10). A link ("name" or "name:alias") to a
// missing container cannot work either, but no AWS source says registration
// rejects it, so that is a warning. Silent when a container name is unknown.
var UnknownContainerReference = register(&Rule{
	Meta: Meta{
		Name:     "unknown_container_reference",
		Severity: Error,
		Title:    "Reference to a missing container",
		Summary:  "dependsOn / volumesFrom / links naming a container not in the task.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VolumeFrom.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if td.AnyContainerNameUnknown() {
			return
		}
		names := td.ByName()
		for _, c := range td.ContainerDefinitions.Items {
			for _, d := range c.DependsOn.Items {
				if n, ok := d.ContainerName.Get(); ok && names[n] == nil {
					p.Report(d.ContainerName, "%s: dependsOn names container %s, which is not in the task; ECS rejects the task definition (\"Cannot depend on container + '%s' because it does not exist\"). Use the name of a container of this task (%s), or remove the dependency.",
						c.Label(), taskdef.Quote(n), n, containerList(td))
				}
			}
			for _, v := range c.VolumesFrom.Items {
				n, ok := v.SourceContainer.Get()
				switch {
				case !ok:
				case names[n] == nil:
					p.Report(v.SourceContainer, "%s: volumesFrom sourceContainer %s is not a container of the task; ECS requires another container of the same task definition and rejects the task definition. Use the name of a container of this task (%s), or remove the entry.",
						c.Label(), taskdef.Quote(n), containerList(td))
				case names[n] == c:
					p.ReportSeverity(Warning, v.SourceContainer, "%s: volumesFrom names the container itself; sourceContainer must be another container of the task. Name the container whose volumes you want, or remove the entry.", c.Label())
				}
			}
			for _, l := range c.Links.Items {
				s, ok := l.Get()
				if !ok {
					continue
				}
				n, _, _ := strings.Cut(s, ":")
				if names[n] == nil {
					p.ReportSeverity(Warning, l, "%s: link %s names container %s, which is not in the task; Docker cannot link to it and the container fails to start. Link to a container of this task (%s) as \"name:alias\", or remove the link.",
						c.Label(), taskdef.Quote(s), taskdef.Quote(n), containerList(td))
				}
			}
		}
	},
})

// containerList names the task's containers for a message.
func containerList(td *taskdef.TaskDefinition) string {
	var names []string
	for _, c := range td.ContainerDefinitions.Items {
		if n, ok := c.Name.Get(); ok {
			names = append(names, taskdef.Quote(n))
		}
	}
	if len(names) == 0 {
		return "none has a name"
	}
	return strings.Join(names, ", ")
}
