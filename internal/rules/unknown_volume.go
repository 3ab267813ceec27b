package rules

import (
	"sort"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// UnknownVolume: a mount point's sourceVolume must name a volume of the task
// (ecs-facts 13.10).
var UnknownVolume = register(&Rule{
	Meta: Meta{
		Name:     "unknown_volume",
		Severity: Error,
		Title:    "Mount point names no volume",
		Summary:  "mountPoints.sourceVolume not declared in volumes.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if td.Volumes.Unknown {
			return
		}
		declared := map[string]bool{}
		for _, v := range td.Volumes.Items {
			n, ok := v.Name.Get()
			if !ok && !v.Name.Absent() {
				return // an unknown volume name might be the one a mount point wants
			}
			if ok {
				declared[n] = true
			}
		}
		for _, c := range td.ContainerDefinitions.Items {
			for _, mp := range c.MountPoints.Items {
				src, ok := mp.SourceVolume.Get()
				if !ok || declared[src] {
					continue
				}
				p.Report(mp.SourceVolume, "%s: mount point sourceVolume %s names no volume of the task (%s); ECS requires sourceVolume to match the name of a volume in volumes and rejects the task definition. Add a volume named %s to volumes, or change sourceVolume to a declared volume.",
					c.Label(), taskdef.Quote(src), volumeList(declared), taskdef.Quote(src))
			}
		}
	},
})

// volumeList describes the declared volume names for a message.
func volumeList(declared map[string]bool) string {
	if len(declared) == 0 {
		return "the task declares no volumes"
	}
	names := make([]string, 0, len(declared))
	for n := range declared {
		names = append(names, taskdef.Quote(n))
	}
	sort.Strings(names)
	return "declared: " + strings.Join(names, ", ")
}
