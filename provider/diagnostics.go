package provider

import (
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

// attributePath returns a function that finds the attribute of
// ecskit_task_definition a finding on the task-definition path p is about, in
// the configuration cfg: compose.AttrPath maps p to the attribute path that
// sets it. Inside a container it stops at the element of containers: the JSON
// inside is the user's string. Inside blocks it goes as deep as the
// configuration sets the attributes on the path, so that terraform can show
// the line. A path that no attribute sets is placed on containers.
func attributePath(cfg tftypes.Value) func(p string) path.Path {
	return func(p string) path.Path {
		steps := compose.AttrPath(compose.TaskFields, p)
		if len(steps) == 0 {
			return path.Root("containers")
		}
		at, tfAt := path.Root(steps[0].Name), tftypes.NewAttributePath().WithAttributeName(steps[0].Name)
		if i := steps[0].Index; i >= 0 {
			at, tfAt = at.AtListIndex(i), tfAt.WithElementKeyInt(i)
		}
		for _, s := range steps[1:] {
			nextAt, nextTF := at.AtName(s.Name), tfAt.WithAttributeName(s.Name)
			if !setAt(cfg, nextTF) {
				break
			}
			at, tfAt = nextAt, nextTF
			if s.Index < 0 {
				continue
			}
			nextAt, nextTF = at.AtListIndex(s.Index), tfAt.WithElementKeyInt(s.Index)
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
