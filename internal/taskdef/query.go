package taskdef

import (
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Tri is a three-valued answer: yes, no, or not known until apply.
type Tri uint8

// The answers.
const (
	No Tri = iota
	Yes
	Maybe
)

// Compatible reports whether the task lists compatibility c in
// requiresCompatibilities.
func (td *TaskDefinition) Compatible(c types.Compatibility) Tri {
	l := td.RequiresCompatibilities
	if l.Unknown {
		return Maybe
	}
	ans := No
	for _, v := range l.Items {
		if v.Unknown {
			ans = Maybe
			continue
		}
		if v.Set && v.V == c {
			return Yes
		}
	}
	return ans
}

// Fargate reports whether the task must validate for Fargate. ECS validates a
// task definition against every compatibility it lists (ecs-facts 2.2).
func (td *TaskDefinition) Fargate() Tri { return td.Compatible(types.CompatibilityFargate) }

// NetworkModeOf returns the effective network mode and whether it is known.
// An omitted mode means bridge on Linux (ecs-facts 6.2); on Windows it means
// Docker's default (nat) network, reported as "" here.
func (td *TaskDefinition) NetworkModeOf() (types.NetworkMode, bool) {
	nm := td.NetworkMode
	if nm.Unknown {
		return "", false
	}
	if nm.Set {
		return nm.V, true
	}
	switch td.Windows() {
	case Yes:
		return "", true
	case Maybe:
		return "", false
	}
	return types.NetworkModeBridge, true
}

// Windows reports whether the task runs Windows containers, from
// runtimePlatform.operatingSystemFamily.
func (td *TaskDefinition) Windows() Tri {
	rp := td.RuntimePlatform
	if rp == nil {
		return No
	}
	if rp.Unknown || rp.OperatingSystemFamily.Unknown {
		return Maybe
	}
	if rp.OperatingSystemFamily.Set && strings.HasPrefix(string(rp.OperatingSystemFamily.V), "WINDOWS") {
		return Yes
	}
	return No
}

// Label names a container for messages: container "web", or container 2
// when its name is not known.
func (c *Container) Label() string {
	if n, ok := c.Name.Get(); ok && n != "" {
		return "container " + Quote(n)
	}
	i := strings.LastIndex(c.Path, "[")
	if i >= 0 {
		if n, err := strconv.Atoi(strings.TrimSuffix(c.Path[i+1:], "]")); err == nil {
			return "container " + strconv.Itoa(n+1)
		}
	}
	return "the container"
}

// IsEssential reports whether the container is essential; an absent
// essential means true (ecs-facts 11.1).
func (c *Container) IsEssential() Tri {
	switch {
	case c.Essential.Unknown:
		return Maybe
	case !c.Essential.Set:
		return Yes
	case c.Essential.V:
		return Yes
	}
	return No
}

// ByName returns the containers by their known names.
func (td *TaskDefinition) ByName() map[string]*Container {
	m := map[string]*Container{}
	for _, c := range td.ContainerDefinitions.Items {
		if n, ok := c.Name.Get(); ok {
			if _, dup := m[n]; !dup {
				m[n] = c
			}
		}
	}
	return m
}

// AnyContainerNameUnknown reports whether some container's name is unknown,
// in which case "no such container" can never be certain.
func (td *TaskDefinition) AnyContainerNameUnknown() bool {
	if td.ContainerDefinitions.Unknown {
		return true
	}
	for _, c := range td.ContainerDefinitions.Items {
		if c.Name.Unknown {
			return true
		}
	}
	return false
}
