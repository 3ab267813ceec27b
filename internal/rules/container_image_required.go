package rules

import "strings"

// ContainerImageRequired: every container needs an image (ecs-facts 1.5).
var ContainerImageRequired = register(&Rule{
	Meta: Meta{
		Name:     "container_image_required",
		Severity: Error,
		Title:    "Container without image",
		Summary:  "Container without image.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		},
	},
	Check: func(p *Pass) {
		for _, c := range p.TD.ContainerDefinitions.Items {
			img := c.Image
			switch {
			case img.Absent():
				p.Report(c, "%s has no image; RegisterTaskDefinition no longer accepts container definitions without one. Set image to a repository URI, for example \"public.ecr.aws/nginx/nginx:1.27\".", c.Label())
			case img.Known() && strings.TrimSpace(img.V) == "":
				p.Report(img, "%s: image is empty; RegisterTaskDefinition no longer accepts container definitions without an image. Set image to a repository URI, for example \"public.ecr.aws/nginx/nginx:1.27\".", c.Label())
			}
		}
	},
})
