package rules

// MaxContainers is the fixed quota of containers per task definition (ecs-facts 5).
const MaxContainers = 10

// ContainerLimit: a task definition holds 1 to 10 containers.
var ContainerLimit = register(&Rule{
	Meta: Meta{
		Name:     "container_limit",
		Severity: Error,
		Title:    "Wrong number of containers",
		Summary:  "More than 10 containers in a task definition, or none.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html",
		},
	},
	Check: func(p *Pass) {
		l := p.TD.ContainerDefinitions
		if l.Unknown {
			return
		}
		switch n := len(l.Items); {
		case n > MaxContainers:
			p.Report(l, "The task defines %d containers; ECS allows at most %d containers in a task definition (a quota that cannot be raised) and rejects it with \"Too many containers.\". Split the containers across several task definitions or services.", n, MaxContainers)
		case n == 0:
			p.Report(l, "The task defines no containers; ECS requires at least one (\"Container list cannot be empty.\"). Add a container definition.")
		}
	},
})
