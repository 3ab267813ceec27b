package lint

import (
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// requiredStrings are the required string arguments of the AWS resources
// ecslint reads, by resource type: "" there is a value the provider sends
// (and the API rejects), not an unset argument. container_definitions is
// JSON: "" is invalid JSON, reported as such.
var requiredStrings = map[string]map[string]bool{
	"aws_ecs_task_definition": {"family": true, "container_definitions": true},
	"aws_ecs_service":         {"name": true},
	"aws_ecs_cluster":         {"name": true},
}

// unsetEmptyStrings gives "" on the string arguments of the AWS resources of
// cfg the meaning the AWS provider gives it: unset. The provider reads an
// optional string argument with GetOk, which takes "" for absent (and plans it
// as "", which the plan door drops the same way: dropEmptyStrings); so
// `cpu = var.fargate ? var.cpu : ""` on EC2 sets no task cpu. The attribute
// stays, with a null value of type string and the marks it had, so that its
// range still locates what refers to it. Nested blocks are treated the same;
// values inside an attribute's object or list (tags, maps) are not arguments.
func unsetEmptyStrings(cfg *module.Config) {
	for _, in := range cfg.Instances {
		if in.Mode != module.Managed || in.Body == nil || !strings.HasPrefix(in.Type, "aws_") {
			continue
		}
		unsetEmptyIn(in.Body, requiredStrings[in.Type])
	}
}

func unsetEmptyIn(b *module.Body, required map[string]bool) {
	for name, a := range b.Attributes {
		if required[name] {
			continue
		}
		v, marks := a.Value.Unmark()
		if v.IsKnown() && !v.IsNull() && v.Type() == cty.String && v.AsString() == "" {
			a.Value = cty.NullVal(cty.String).WithMarks(marks)
		}
	}
	for _, blk := range b.Blocks {
		if blk.Body != nil {
			unsetEmptyIn(blk.Body, nil)
		}
	}
}
