package provider

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
)

// osFamilies are the values of runtimePlatform.operatingSystemFamily.
func osFamilies() []string {
	var out []string
	for _, v := range types.OSFamily("").Values() {
		out = append(out, string(v))
	}
	return out
}

// validOSFamily reports whether s is an operating system family ECS knows.
func validOSFamily(s string) bool {
	return contains(osFamilies(), s)
}

// quoteList renders strings for a message: "A", "B" or "C".
func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// fargateOS is the Fargate size table an operating system family uses: the
// Windows table for every WINDOWS_SERVER_* family, Linux otherwise. family
// must be one of osFamilies (or empty, meaning LINUX).
func fargateOS(family string) fargate.OS {
	if strings.HasPrefix(family, "WINDOWS") {
		return fargate.Windows
	}
	return fargate.Linux
}

// largest is the largest Fargate size for os.
func largest(os fargate.OS) fargate.Size {
	sizes := fargate.Sizes(os)
	return sizes[len(sizes)-1]
}

// noFit explains that no Fargate size on os has cpu units and memory MiB.
func noFit(os fargate.OS, cpu, memory int) string {
	big := largest(os)
	return fmt.Sprintf("No Fargate size for %s has at least %d CPU units and %d MiB of memory: the largest is %s. "+
		"Lower the need, split the work over several tasks, or run it on EC2.",
		os, cpu, memory, big)
}
