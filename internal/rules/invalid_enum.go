package rules

import (
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// InvalidEnum: enum-typed fields must hold one of the API's values, which
// are the AWS SDK's enum values (types.X("").Values()), never a hand-written
// list.
var InvalidEnum = register(&Rule{
	Meta: Meta{
		Name:     "invalid_enum",
		Severity: Error,
		Title:    "Invalid value",
		Summary:  "Values outside the API's enums (network mode, protocol, appProtocol, dependsOn condition, log driver, OS family, CPU architecture, compatibilities, ipc/pid mode, and more).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		},
	},
	Check: checkInvalidEnum,
})

// enumField is one enum-typed field to check.
type enumField[T ~string] struct {
	v     taskdef.Value[T]
	who   string // "" for the task, or a container label
	field string
}

func checkInvalidEnum(p *Pass) {
	td := p.TD
	enum(p, enumField[types.NetworkMode]{td.NetworkMode, "", "networkMode"}, Error, func(s string) string {
		if l := strings.ToLower(s); l == "default" || l == "nat" {
			return " For the Windows default (nat) network, omit networkMode."
		}
		return ""
	})
	for _, c := range td.RequiresCompatibilities.Items {
		enum(p, enumField[types.Compatibility]{c, "", "requiresCompatibilities value"}, Error, nil)
	}
	enum(p, enumField[types.PidMode]{td.PidMode, "", "pidMode"}, Error, nil)
	enum(p, enumField[types.IpcMode]{td.IpcMode, "", "ipcMode"}, Error, nil)
	if rp := td.RuntimePlatform; rp != nil {
		enum(p, enumField[types.OSFamily]{rp.OperatingSystemFamily, "", "runtimePlatform.operatingSystemFamily"}, Error, nil)
		enum(p, enumField[types.CPUArchitecture]{rp.CPUArchitecture, "", "runtimePlatform.cpuArchitecture"}, Error, nil)
	}
	for _, pc := range td.PlacementConstraints.Items {
		if t, ok := pc.Type.Get(); ok && strings.EqualFold(string(t), string(types.PlacementConstraintTypeDistinctInstance)) {
			continue // placement_constraint explains distinctInstance
		}
		enum(p, enumField[types.TaskDefinitionPlacementConstraintType]{pc.Type, "", "placement constraint type"}, Error, nil)
	}
	if pc := td.ProxyConfiguration; pc != nil {
		enum(p, enumField[types.ProxyConfigurationType]{pc.Type, "", "proxyConfiguration.type"}, Error, nil)
	}
	for _, v := range td.Volumes.Items {
		if dv := v.DockerVolumeConfiguration; dv != nil {
			enum(p, enumField[types.Scope]{dv.Scope, "", "dockerVolumeConfiguration.scope"}, Error, nil)
		}
	}
	for _, c := range td.ContainerDefinitions.Items {
		who := c.Label()
		for _, pm := range c.PortMappings.Items {
			// ECS treats any protocol other than tcp and udp as tcp
			// (PortMapping.protocol in the API reference): a warning.
			enum(p, enumField[types.TransportProtocol]{pm.Protocol, who, "protocol"}, Warning, func(s string) string {
				if strings.EqualFold(s, string(types.TransportProtocolUdp)) {
					return " ECS treats any other value as tcp, so this mapping would be tcp, not udp."
				}
				return " ECS treats any other value as tcp."
			})
			enum(p, enumField[types.ApplicationProtocol]{pm.AppProtocol, who, "appProtocol"}, Error, func(s string) string {
				if s != strings.ToLower(s) {
					return " AWS's older developer guide printed these values in upper case, but the API accepts only lower case."
				}
				return ""
			})
		}
		for _, d := range c.DependsOn.Items {
			enum(p, enumField[types.ContainerCondition]{d.Condition, who, "dependsOn condition"}, Error, nil)
		}
		if lc := c.LogConfiguration; lc != nil {
			enum(p, enumField[types.LogDriver]{lc.LogDriver, who, "logConfiguration.logDriver"}, Error, nil)
		}
		for _, u := range c.Ulimits.Items {
			enum(p, enumField[types.UlimitName]{u.Name, who, "ulimit name"}, Error, nil)
		}
		for _, r := range c.ResourceRequirements.Items {
			enum(p, enumField[types.ResourceType]{r.Type, who, "resourceRequirements type"}, Error, nil)
		}
		if fc := c.FirelensConfiguration; fc != nil {
			enum(p, enumField[types.FirelensConfigurationType]{fc.Type, who, "firelensConfiguration.type"}, Error, nil)
		}
		for _, f := range c.EnvironmentFiles.Items {
			enum(p, enumField[types.EnvironmentFileType]{f.Type, who, "environmentFiles type"}, Error, nil)
		}
		if lp := c.LinuxParameters; lp != nil {
			for _, d := range lp.Devices.Items {
				for _, perm := range d.Permissions.Items {
					enum(p, enumField[types.DeviceCgroupPermission]{perm, who, "device permission"}, Error, nil)
				}
			}
		}
		enum(p, enumField[types.VersionConsistency]{c.VersionConsistency, who, "versionConsistency"}, Error, nil)
	}
}

// enumValues is implemented by every SDK enum type.
type enumValues[T any] interface {
	~string
	Values() []T
}

// enum reports f when its value is known and not one of the SDK's values;
// note, when given, adds a sentence about the value.
func enum[T enumValues[T]](p *Pass, f enumField[T], sev Severity, note func(string) string) {
	v, ok := f.v.Get()
	if !ok {
		return
	}
	valid := T("").Values()
	names := make([]string, len(valid))
	for i, x := range valid {
		if x == v {
			return
		}
		names[i] = string(x)
	}
	var b strings.Builder
	if f.who != "" {
		b.WriteString(f.who + ": ")
	}
	b.WriteString(f.field + " " + strconv.Quote(string(v)) + " is not a valid value; ECS accepts " + taskdef.QuoteOr(names) + ".")
	if note != nil {
		b.WriteString(note(string(v)))
	}
	if best, fold := closest(string(v), names); best != "" {
		b.WriteString(" Use " + strconv.Quote(best))
		if fold {
			b.WriteString(" (the values are case-sensitive)")
		}
		b.WriteString(".")
	} else {
		b.WriteString(" Use one of those values.")
	}
	p.ReportSeverity(sev, f.v, "%s", b.String())
}

// closest returns the valid value nearest to s: one equal but for case
// (fold true), then one equal but for case and punctuation, then the nearest
// by edit distance if it is close enough to be a likely typo; "" if none.
func closest(s string, valid []string) (best string, fold bool) {
	for _, v := range valid {
		if strings.EqualFold(s, v) {
			return v, true
		}
	}
	for _, v := range valid {
		if alnum(s) == alnum(v) && alnum(s) != "" {
			return v, false
		}
	}
	bestD := -1
	for _, v := range valid {
		d := editDistance(strings.ToLower(s), strings.ToLower(v))
		if bestD < 0 || d < bestD {
			best, bestD = v, d
		}
	}
	if bestD > 2 && bestD > len(best)/3 {
		return "", false
	}
	return best, false
}

// alnum lowercases s and drops everything but letters and digits.
func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
