package rules

import (
	"strconv"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// containersPath is the API name of the container list, the first member of
// every path into a container.
const containersPath = "containerDefinitions"

// Place is a finding's path with the container named rather than counted:
// containerDefinitions[1].portMappings[0].hostPort is
// containerDefinitions["web"].portMappings[0].hostPort when the second
// container's name is known and no other container has it. Reordering the
// containers then leaves the place as it was, so a baseline
// (ecslint --baseline) still matches the finding. A path outside the
// containers, or into a container whose name is unknown or shared, is
// returned as it is.
func Place(td *taskdef.TaskDefinition, path string) string {
	rest, ok := strings.CutPrefix(path, containersPath+"[")
	if !ok || td == nil {
		return path
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return path
	}
	i, err := strconv.Atoi(rest[:end])
	items := td.ContainerDefinitions.Items
	if err != nil || i < 0 || i >= len(items) || items[i] == nil {
		return path
	}
	name, known := items[i].Name.Get()
	if !known {
		return path
	}
	for j, c := range items {
		if j != i && c != nil && c.Name.Known() && c.Name.V == name {
			return path // duplicate_container_name reports it; counting is all that is certain
		}
	}
	return containersPath + "[" + strconv.Quote(name) + "]" + rest[end+1:]
}
