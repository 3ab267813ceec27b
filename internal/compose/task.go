package compose

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// TaskAttributes converts the task-level attributes and blocks of
// ecskit_task_definition (the names of aws_ecs_task_definition) to a
// RegisterTaskDefinition input without its containers. ecslint uses it for
// aws_ecs_task_definition resources too, whose attributes have the same names.
func TaskAttributes(cfg *tree.Node) *tree.Node {
	if cfg != nil && cfg.Kind == tree.Object {
		own := &tree.Node{Kind: tree.Object, Range: cfg.Range}
		for _, f := range cfg.Fields {
			if !resourceOnly[f.Key] {
				own.Fields = append(own.Fields, f)
			}
		}
		cfg = own
	}
	out := convert(cfg, TaskFields)
	if out == nil || out.Kind != tree.Object {
		return &tree.Node{Kind: tree.Unknown}
	}
	return out
}

// resourceOnly are the attributes of aws_ecs_task_definition that are not
// members of the RegisterTaskDefinition input ecskit checks.
var resourceOnly = map[string]bool{
	"container_definitions": true, "tags": true, "tags_all": true, "skip_destroy": true, "track_latest": true,
	"arn": true, "id": true, "revision": true,
}

// taskInput builds a RegisterTaskDefinition input from the configuration of
// ecskit_task_definition. Each element of containers is parsed as container
// JSON; a malformed one is a Problem on that element, and the result then
// holds an unknown value in its place so the rest can still be checked.
func taskInput(cfg *tree.Node) (*tree.Node, []Problem) {
	out := TaskAttributes(cfg)
	if out.Kind != tree.Object {
		return out, nil
	}
	containers := cfg.Get("containers")
	if containers == nil {
		return out, nil
	}
	defs, problems := parseContainers(containers)
	out.Fields = append(out.Fields, tree.Field{Key: "containerDefinitions", KeyRange: containers.Range, Value: defs})
	return out, problems
}

func parseContainers(list *tree.Node) (*tree.Node, []Problem) {
	if list.Kind != tree.Array {
		return list, nil // unknown or null: left as it is
	}
	out := &tree.Node{Kind: tree.Array, Range: list.Range}
	var problems []Problem
	for i, e := range list.Elems {
		attr := indexAttr("containers", i)
		switch e.Kind {
		case tree.String:
			c, diags := parseContainerJSON(e, attr)
			if diags.HasErrors() {
				// The JSON parser may explain one mistake twice; the first says it best.
				problems = append(problems, Problem{Attr: attr, Summary: "Invalid container JSON", Detail: "containers[" + itoa(i) + "] is not valid container JSON: " + diagText(diags[0]), Range: e.Range})
				c = &tree.Node{Kind: tree.Unknown, Range: e.Range}
			} else if c.Kind != tree.Object && c.Kind != tree.Unknown {
				problems = append(problems, Problem{Attr: attr, Summary: "Invalid container JSON", Detail: "containers[" + itoa(i) + "] must be one container definition, a JSON object, but it is " + c.DescribeKind() + ". Use the json output of ecskit_container_definition or jsonencode({ name = ..., image = ... }).", Range: e.Range})
				c = &tree.Node{Kind: tree.Unknown, Range: e.Range}
			}
			if e.Range.Filename != "" {
				// Positions inside the JSON string mean nothing in the
				// configuration file: point at the string itself.
				relocate(c, e.Range)
			}
			out.Elems = append(out.Elems, c)
		case tree.Null:
			problems = append(problems, Problem{Attr: attr, Summary: "Missing container", Detail: "containers[" + itoa(i) + "] is null; every element must be one container definition as JSON.", Range: e.Range})
			out.Elems = append(out.Elems, &tree.Node{Kind: tree.Unknown, Range: e.Range})
		default:
			out.Elems = append(out.Elems, &tree.Node{Kind: tree.Unknown, Range: e.Range})
		}
	}
	return out, problems
}

// parseContainerJSON parses one container's JSON. When the string was written
// in a source file the positions are relative to the string itself.
func parseContainerJSON(s *tree.Node, attr string) (*tree.Node, hcl.Diagnostics) {
	return tree.ParseJSON([]byte(s.Str), attr)
}

func diagText(d *hcl.Diagnostic) string {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	if d.Subject != nil {
		msg = "line " + itoa(d.Subject.Start.Line) + ", column " + itoa(d.Subject.Start.Column) + ": " + msg
	}
	return msg
}
