package provider

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

func sortStrings(s []string) { sort.Strings(s) }

// taskAttributes maps the top-level members of a RegisterTaskDefinition
// input to the attributes of ecskit_task_definition; list-valued blocks keep
// their index, single blocks sit at index 0.
var taskAttributes = map[string]struct {
	attr   string
	single bool
}{
	"family":                  {attr: "family"},
	"taskRoleArn":             {attr: "task_role_arn"},
	"executionRoleArn":        {attr: "execution_role_arn"},
	"networkMode":             {attr: "network_mode"},
	"containerDefinitions":    {attr: "containers"},
	"volumes":                 {attr: "volume"},
	"placementConstraints":    {attr: "placement_constraints"},
	"requiresCompatibilities": {attr: "requires_compatibilities"},
	"cpu":                     {attr: "cpu"},
	"memory":                  {attr: "memory"},
	"pidMode":                 {attr: "pid_mode"},
	"ipcMode":                 {attr: "ipc_mode"},
	"proxyConfiguration":      {attr: "proxy_configuration", single: true},
	"inferenceAccelerators":   {attr: "inference_accelerator"},
	"ephemeralStorage":        {attr: "ephemeral_storage", single: true},
	"runtimePlatform":         {attr: "runtime_platform", single: true},
	"enableFaultInjection":    {attr: "enable_fault_injection"},
}

var (
	pathHead = regexp.MustCompile(`^([A-Za-z]+)(?:\[(\d+)\])?`)
	pathStep = regexp.MustCompile(`^(?:\.([A-Za-z]+)|\[(\d+)\])`)
)

// snakeNames are the API member names whose attribute name is not plain snake_case.
var snakeNames = map[string]string{"sizeInGiB": "size_in_gib"}

// snake converts an API member name to the attribute name: containerName
// becomes container_name.
func snake(s string) string {
	if n, ok := snakeNames[s]; ok {
		return n
	}
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// attributePath returns a function that finds the attribute of
// ecskit_task_definition a finding on the task-definition path p is about, in
// the configuration cfg. Inside a container it stops at the element of
// containers: the JSON inside is the user's string. Inside blocks it goes as
// deep as the configuration sets the attributes on the path, so that
// terraform can show the line.
func attributePath(cfg tftypes.Value) func(p string) path.Path {
	return func(p string) path.Path {
		m := pathHead.FindStringSubmatch(p)
		if m == nil {
			return path.Root("containers")
		}
		a, ok := taskAttributes[m[1]]
		if !ok {
			return path.Root("containers")
		}
		at, tfAt := path.Root(a.attr), tftypes.NewAttributePath().WithAttributeName(a.attr)
		switch {
		case a.single:
			at, tfAt = at.AtListIndex(0), tfAt.WithElementKeyInt(0)
		case m[2] != "":
			i, err := strconv.Atoi(m[2])
			if err != nil || a.attr == "requires_compatibilities" {
				// Sets (requires_compatibilities) cannot be indexed: point at the attribute.
				return at
			}
			at, tfAt = at.AtListIndex(i), tfAt.WithElementKeyInt(i)
		}
		if a.attr == "containers" {
			return at
		}
		for rest := p[len(m[0]):]; rest != ""; {
			s := pathStep.FindStringSubmatch(rest)
			if s == nil {
				break
			}
			rest = rest[len(s[0]):]
			nextAt, nextTF := at.AtName(snake(s[1])), tfAt.WithAttributeName(snake(s[1]))
			if s[2] != "" {
				i, err := strconv.Atoi(s[2])
				if err != nil {
					break
				}
				nextAt, nextTF = at.AtListIndex(i), tfAt.WithElementKeyInt(i)
			}
			if !setAt(cfg, nextTF) {
				break
			}
			at, tfAt = nextAt, nextTF
		}
		return at
	}
}

// setAt reports whether cfg holds a value other than null at p.
func setAt(cfg tftypes.Value, p *tftypes.AttributePath) bool {
	v, _, err := tftypes.WalkAttributePath(cfg, p)
	if err != nil {
		return false
	}
	tv, ok := v.(tftypes.Value)
	return ok && !tv.IsNull()
}

// addFindings turns rule findings into diagnostics: errors fail the plan,
// warnings show as warnings. Each names its rule and its place.
func addFindings(diags *diag.Diagnostics, fs []rules.Finding, at func(string) path.Path) {
	for _, f := range fs {
		detail := f.Message
		if f.Path != "" && strings.HasPrefix(f.Path, "containerDefinitions[") {
			detail += "\n\nAt " + f.Path + "."
		}
		detail += "\n\nRule " + f.Rule.Name + ": " + f.Rule.Link() + ". To skip it, add \"" + f.Rule.Name + "\" to ignore_rules."
		if f.Severity == rules.Error {
			diags.AddAttributeError(at(f.Path), f.Rule.Heading(), detail)
		} else {
			diags.AddAttributeWarning(at(f.Path), f.Rule.Heading(), detail)
		}
	}
}

// addProblems reports inputs that could not be composed.
func addProblems(diags *diag.Diagnostics, ps []compose.Problem) {
	for _, p := range ps {
		at := path.Root("containers")
		if p.Attr != "" {
			at = parseAttr(p.Attr)
		}
		diags.AddAttributeError(at, p.Summary, p.Detail)
	}
}

// addDecodeErrors reports values of the wrong type in the composed JSON.
func addDecodeErrors(diags *diag.Diagnostics, es taskdef.Errors, at func(string) path.Path) {
	for _, e := range es {
		diags.AddAttributeError(at(e.Path), "Invalid container definition", e.Error()+". ECS and the AWS provider reject values of the wrong type.")
	}
}

// parseAttr reads "containers[2]" or "extra_json" as an attribute path.
func parseAttr(s string) path.Path {
	name, idx, found := strings.Cut(s, "[")
	p := path.Root(name)
	if found {
		if i, err := strconv.Atoi(strings.TrimSuffix(idx, "]")); err == nil {
			p = p.AtListIndex(i)
		}
	}
	return p
}
