package fargate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// OSFamilies are the values of runtimePlatform.operatingSystemFamily that ECS knows.
func OSFamilies() []string {
	var out []string
	for _, v := range types.OSFamily("").Values() {
		out = append(out, string(v))
	}
	return out
}

// ValidOSFamily reports whether s is one of OSFamilies.
func ValidOSFamily(s string) bool { return slices.Contains(OSFamilies(), s) }

// ForFamily is the size table an operating system family uses: the Windows
// table for every WINDOWS_SERVER_* family, Linux otherwise (also for "").
func ForFamily(family string) OS {
	if strings.HasPrefix(family, "WINDOWS") {
		return Windows
	}
	return Linux
}

// Largest is the largest Fargate size for os.
func Largest(os OS) Size {
	sizes := Sizes(os)
	return sizes[len(sizes)-1]
}

// NoFit explains, in full sentences, that no Fargate size on os has cpu
// units and memory MiB.
func NoFit(os OS, cpu, memory int) string {
	return fmt.Sprintf("No Fargate size for %s has at least %d CPU units and %d MiB of memory: the largest is %s. "+
		"Lower the need, split the work over several tasks, or run it on EC2.",
		os, cpu, memory, Largest(os))
}
