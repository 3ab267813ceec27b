package provider

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

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

var pathHead = regexp.MustCompile(`^([A-Za-z]+)(?:\[(\d+)\])?`)

// attributePath finds the attribute of ecskit_task_definition a finding on
// the task-definition path p is about. Inside a container it stops at the
// element of containers: the JSON inside is the user's string.
func attributePath(p string) path.Path {
	m := pathHead.FindStringSubmatch(p)
	if m == nil {
		return path.Root("containers")
	}
	a, ok := taskAttributes[m[1]]
	if !ok {
		return path.Root("containers")
	}
	at := path.Root(a.attr)
	if a.single {
		return at.AtListIndex(0)
	}
	if m[2] != "" {
		// Sets (requires_compatibilities) cannot be indexed: point at the attribute.
		if i, err := strconv.Atoi(m[2]); err == nil && a.attr != "requires_compatibilities" {
			at = at.AtListIndex(i)
		}
	}
	return at
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
