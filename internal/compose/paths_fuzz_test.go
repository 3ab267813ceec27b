package compose

import (
	"strings"
	"testing"
)

// FuzzAttrPath feeds arbitrary task-definition paths to AttrPath, which the
// provider runs on every finding's path at plan time: it never panics, and
// every step it returns is an attribute of the table at that depth whose API
// path begins the input.
func FuzzAttrPath(f *testing.F) {
	for _, s := range []string{
		"", "memory", "containerDefinitions[2].portMappings[0].hostPort", "volumes[0].host.sourcePath",
		"volumes[0].efsVolumeConfiguration.authorizationConfig.iam", `volumes[1].dockerVolumeConfiguration.labels["a.b"]`,
		"requiresCompatibilities[1]", "volumes[", "volumes[-1]", "volumes[99999999999999999999]", ".", "..a", "[0]", "a]b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		for _, fields := range [][]*Field{TaskFields, ContainerFields} {
			steps := AttrPath(fields, p)
			cur := fields
			for _, s := range steps {
				fd := FieldNamed(cur, s.Name)
				if fd == nil {
					t.Fatalf("AttrPath(%q) names %q, which is no attribute there", p, s.Name)
				}
				cur = fd.Fields
			}
			if len(steps) > 0 {
				if api := FieldNamed(fields, steps[0].Name).apiSteps()[0]; !strings.HasPrefix(p, api) {
					t.Fatalf("AttrPath(%q) = %v, whose first member %q does not begin the input", p, steps, api)
				}
			}
		}
	})
}
