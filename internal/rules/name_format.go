package rules

import (
	"regexp"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// The API's name patterns (ecs-facts 1.2, 1.4, 1.6, 1.7).
var (
	resourceNameRE    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,255}$`)
	portMappingNameRE = regexp.MustCompile(`^[a-z0-9_][a-z0-9_-]{0,63}$`)
	nameBadCharsRE    = regexp.MustCompile(`[^A-Za-z0-9_-]+`)
	portBadCharsRE    = regexp.MustCompile(`[^a-z0-9_-]+`)
)

// NameFormat: the family, container, volume and port-mapping names must
// match the API's patterns, and every container needs a name.
var NameFormat = register(&Rule{
	Meta: Meta{
		Name:     "name_format",
		Severity: Error,
		Title:    "Invalid name",
		Summary:  "Family, container, volume or port-mapping name outside the API's patterns; container without a name.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		if s, ok := td.Family.Get(); ok && !resourceNameRE.MatchString(s) {
			p.Report(td.Family, "Family %s is not a valid family name: ECS accepts 1 to 255 letters, digits, underscores and hyphens.%s", taskdef.Quote(s), suggestName(s, s, nameBadCharsRE, 255))
		}
		for _, c := range td.ContainerDefinitions.Items {
			s, ok := c.Name.Get()
			switch {
			case c.Unknown || c.Name.Unknown:
			case !ok || s == "":
				at := taskdef.Locator(c)
				if ok {
					at = c.Name
				}
				p.Report(at, "%s has no name; ECS rejects the task definition (\"Container.name should not be null or empty.\"). Give the container a name of up to 255 letters, digits, underscores and hyphens.", c.Label())
			case !resourceNameRE.MatchString(s):
				p.Report(c.Name, "Container name %s is not valid: ECS accepts 1 to 255 letters, digits, underscores and hyphens.%s", taskdef.Quote(s), suggestName(s, s, nameBadCharsRE, 255))
			}
			for _, pm := range c.PortMappings.Items {
				if s, ok := pm.Name.Get(); ok && !portMappingNameRE.MatchString(s) {
					p.Report(pm.Name, "%s: port mapping name %s is not valid: ECS accepts 1 to 64 lowercase letters, digits, underscores and hyphens, not starting with a hyphen.%s", c.Label(), taskdef.Quote(s), suggestName(s, strings.ToLower(s), portBadCharsRE, 64))
				}
			}
		}
		for _, v := range td.Volumes.Items {
			s, ok := v.Name.Get()
			switch {
			case ok && !resourceNameRE.MatchString(s):
				p.Report(v.Name, "Volume name %s is not valid: ECS accepts 1 to 255 letters, digits, underscores and hyphens.%s", taskdef.Quote(s), suggestName(s, s, nameBadCharsRE, 255))
			case v.Name.Absent() && !v.Unknown && v.EFSVolumeConfiguration != nil && !v.EFSVolumeConfiguration.Unknown:
				p.Report(v, "A volume with efsVolumeConfiguration has no name; ECS requires a name for EFS volumes. Give the volume a name and use it as sourceVolume in the containers' mountPoints.")
			case v.Name.Absent() && v.ConfiguredAtLaunch.Is(true):
				p.Report(v, "A volume with configuredAtLaunch has no name; ECS requires a name for it, and the service or RunTask call refers to the volume by that name. Give the volume a name.")
			}
		}
	},
})

// suggestName proposes a valid spelling of the invalid name orig, made from
// candidate (orig, or orig lowercased): bad characters become hyphens.
func suggestName(orig, candidate string, bad *regexp.Regexp, max int) string {
	fixed := strings.Trim(bad.ReplaceAllString(candidate, "-"), "-")
	if len(fixed) > max {
		fixed = fixed[:max]
	}
	switch {
	case fixed == "":
		return " Choose a name made of those characters."
	case len(orig) > max && fixed == orig[:max]:
		return " Shorten it to at most " + itoa(int64(max)) + " characters."
	}
	return " Use, for example, " + taskdef.Quote(fixed) + "."
}
