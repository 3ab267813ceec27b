package rules

// DuplicateContainerName: container names identify containers in links,
// dependsOn, volumesFrom and load balancers, so they must be unique
// (ecs-facts 1.9).
var DuplicateContainerName = register(&Rule{
	Meta: Meta{
		Name:     "duplicate_container_name",
		Severity: Error,
		Title:    "Duplicate container name",
		Summary:  "Two containers with one name.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		seen := map[string]bool{}
		for _, c := range p.TD.ContainerDefinitions.Items {
			n, ok := c.Name.Get()
			if !ok {
				continue
			}
			if seen[n] {
				p.Report(c.Name, "Two containers are named %q; container names must be unique within a task definition because dependsOn, links, volumesFrom and load balancers refer to containers by name. Rename one of them.", n)
			}
			seen[n] = true
		}
	},
})
