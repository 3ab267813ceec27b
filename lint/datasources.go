package lint

import (
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// dataSources returns the evaluators of the ecskit data sources: they compute
// the data sources' outputs with internal/compose, the code the provider
// runs, so a task definition composed with ecskit is linted like one written
// by hand. The loader calls EvalBody with the instance, whose body gives the
// composition its source ranges; the composition is kept on the instance
// (module.Instance.Result), and the linter reports its findings and problems
// (checkTaskData). Eval computes the value from the config value alone, for
// callers without a body.
func dataSources(rc rules.Config) map[string]module.DataSource {
	return map[string]module.DataSource{
		"ecskit_task_definition": {
			Spec: objectSpec(compose.TaskSchema),
			Eval: func(config cty.Value) (cty.Value, hcl.Diagnostics) {
				return taskValue(config, compose.Task(coerce(tree.FromValue(config, hcl.Range{}), compose.TaskFields), rc)), nil
			},
			EvalBody: func(config cty.Value, in *module.Instance) (cty.Value, any, hcl.Diagnostics) {
				res := composeTask(in, rc)
				return taskValue(config, res), res, nil
			},
		},
		"ecskit_container_definition": {
			Spec: objectSpec(compose.ContainerSchema),
			Eval: func(config cty.Value) (cty.Value, hcl.Diagnostics) {
				return containerValue(config, compose.ContainerJSON(coerce(tree.FromValue(config, hcl.Range{}), compose.ContainerFields))), nil
			},
			EvalBody: func(config cty.Value, in *module.Instance) (cty.Value, any, hcl.Diagnostics) {
				res := composeContainer(in)
				return containerValue(config, res), res, nil
			},
		},
	}
}

// composeTask composes the task definition of an ecskit_task_definition
// instance from its body, with the body's source ranges.
func composeTask(in *module.Instance, rc rules.Config) *compose.TaskResult {
	return compose.Task(coerce(in.Body.Tree(taskBlocks, in.DefRange), compose.TaskFields), rc)
}

// composeContainer composes the container of an ecskit_container_definition
// instance from its body, with the body's source ranges.
func composeContainer(in *module.Instance) *compose.ContainerResult {
	return compose.ContainerJSON(coerce(in.Body.Tree(containerBlocks, in.DefRange), compose.ContainerFields))
}

// taskValue is the value of an ecskit_task_definition: its config and the
// outputs of its composition, unknown while the composition is not known.
func taskValue(config cty.Value, res *compose.TaskResult) cty.Value {
	out := unknownComputed(compose.TaskFields)
	if res.Known {
		out["container_definitions"] = cty.StringVal(res.ContainerDefinitions)
		if r, err := compose.RedactContainers(res.ContainerDefinitions); err == nil {
			out["container_definitions_redacted"] = cty.StringVal(r)
		}
		out["json"] = cty.StringVal(res.JSON)
		out["normalized_cpu"] = stringOrNull(res.CPU)
		out["normalized_memory"] = stringOrNull(res.Memory)
		var warnings []cty.Value
		for _, f := range res.Findings {
			if f.Severity == rules.Error {
				continue
			}
			warnings = append(warnings, cty.ObjectVal(map[string]cty.Value{
				"rule": cty.StringVal(f.Rule.Name), "severity": cty.StringVal(f.Severity.String()),
				"message": cty.StringVal(f.Message), "path": cty.StringVal(f.Path),
			}))
		}
		out["findings"] = cty.ListValEmpty(findingType)
		if len(warnings) > 0 {
			out["findings"] = cty.ListVal(warnings)
		}
	}
	return withConfig(config, out)
}

// containerValue is the value of an ecskit_container_definition: its config
// and its JSON, unknown while the container is not known or not valid.
func containerValue(config cty.Value, res *compose.ContainerResult) cty.Value {
	out := unknownComputed(compose.ContainerFields)
	if res.Known && len(res.Problems) == 0 && len(res.Errors) == 0 {
		out["json"] = cty.StringVal(res.JSON)
		if r, err := compose.RedactContainer(res.JSON); err == nil {
			out["json_redacted"] = cty.StringVal(r)
		}
	}
	return withConfig(config, out)
}

// unknownComputed holds an unknown value of its type for every attribute
// that fields compute.
func unknownComputed(fields []*compose.Field) map[string]cty.Value {
	out := map[string]cty.Value{}
	for _, f := range fields {
		if f.Computed {
			out[f.Name] = cty.UnknownVal(ctyType(f))
		}
	}
	return out
}

// findingType is the object type of an element of findings.
var findingType = ctyType(compose.FieldNamed(compose.TaskFields, "findings")).ElementType()

// ctyType is the type the provider's schema gives the attribute f.
func ctyType(f *compose.Field) cty.Type {
	switch f.Kind {
	case compose.Int:
		return cty.Number
	case compose.Bool:
		return cty.Bool
	case compose.Strings, compose.JSONList:
		return cty.List(cty.String)
	case compose.Ints:
		return cty.List(cty.Number)
	case compose.StringSet:
		return cty.Set(cty.String)
	case compose.Map, compose.NameValues:
		return cty.Map(cty.String)
	case compose.Object, compose.Objects, compose.Blocks, compose.Block:
		attrs := map[string]cty.Type{}
		for _, c := range f.Fields {
			attrs[c.Name] = ctyType(c)
		}
		if f.Kind == compose.Object {
			return cty.Object(attrs)
		}
		return cty.List(cty.Object(attrs))
	}
	return cty.String // String, JSON
}

func stringOrNull(s string) cty.Value {
	if s == "" {
		return cty.NullVal(cty.String)
	}
	return cty.StringVal(s)
}

// withConfig returns the data source's value: its configuration and the
// computed attributes.
func withConfig(config cty.Value, computed map[string]cty.Value) cty.Value {
	if config.IsKnown() && !config.IsNull() && config.Type().IsObjectType() {
		for it := config.ElementIterator(); it.Next(); {
			k, v := it.Element()
			if _, ok := computed[k.AsString()]; !ok {
				computed[k.AsString()] = v
			}
		}
	}
	return cty.ObjectVal(computed)
}

// objectSpec decodes a body of the given schema; attribute types are left to
// the values (coerce applies the provider's types before composing).
func objectSpec(s *compose.Schema) hcldec.ObjectSpec {
	spec := hcldec.ObjectSpec{}
	for _, name := range s.Attributes {
		spec[name] = &hcldec.AttrSpec{Name: name, Type: cty.DynamicPseudoType}
	}
	for name, child := range s.Blocks {
		spec[name] = &hcldec.BlockListSpec{TypeName: name, Nested: objectSpec(child)}
	}
	return spec
}

// coerce converts the values of a configuration tree in place to the types
// that fields (compose.TaskFields, compose.ContainerFields) give them, the
// way Terraform converts values to the provider's schema types before the
// provider sees them: `cpu = 256` becomes the string "256" in a task,
// `size_in_gib = "30"` and a container's `cpu = "256"` the number 30 and 256,
// and the values of a map of strings (`environment = { PORT = 8080 }`) and
// the elements of a list of strings become strings. Values that do not
// convert stay as they are. Container JSON is left alone: it is the API's
// JSON, not the schema's.
func coerce(n *tree.Node, fields []*compose.Field) *tree.Node {
	if n == nil || n.Kind != tree.Object {
		return n
	}
	for _, f := range n.Fields {
		fd := compose.FieldNamed(fields, f.Key)
		if fd == nil || fd.Computed {
			continue
		}
		v := f.Value
		switch fd.Kind {
		case compose.String:
			convertScalar(v, tree.String)
		case compose.Int:
			convertScalar(v, tree.Number)
		case compose.Bool:
			convertScalar(v, tree.Bool)
		case compose.Strings, compose.StringSet, compose.Ints:
			want := tree.String
			if fd.Kind == compose.Ints {
				want = tree.Number
			}
			if v.Kind == tree.Array {
				for _, e := range v.Elems {
					convertScalar(e, want)
				}
				if fd.Kind == compose.StringSet {
					asSet(v)
				}
			}
		case compose.Map, compose.NameValues:
			if v.Kind == tree.Object {
				for _, e := range v.Fields {
					convertScalar(e.Value, tree.String)
				}
			}
		case compose.Object, compose.Objects, compose.Blocks, compose.Block:
			switch v.Kind {
			case tree.Array:
				for _, e := range v.Elems {
					coerce(e, fd.Fields)
				}
			case tree.Object:
				coerce(v, fd.Fields)
			}
		}
	}
	return n
}

// asSet orders a list of known strings and drops repeated ones, as
// Terraform holds a set of strings; with an element of any other kind it
// stays as written.
func asSet(list *tree.Node) {
	for _, e := range list.Elems {
		if e.Kind != tree.String {
			return
		}
	}
	slices.SortStableFunc(list.Elems, func(a, b *tree.Node) int { return strings.Compare(a.Str, b.Str) })
	list.Elems = slices.CompactFunc(list.Elems, func(a, b *tree.Node) bool { return a.Str == b.Str })
}

func convertScalar(n *tree.Node, want tree.Kind) {
	switch {
	case n.Kind == want:
	case want == tree.String && n.Kind == tree.Number:
		n.Kind, n.Str, n.Num = tree.String, string(tree.NumberText(n.Num)), nil
	case want == tree.String && n.Kind == tree.Bool:
		n.Kind, n.Str = tree.String, strconv.FormatBool(n.Bool)
	case want == tree.Number && n.Kind == tree.String:
		if f, _, err := big.ParseFloat(n.Str, 10, 512, big.ToNearestEven); err == nil {
			n.Kind, n.Num, n.Str = tree.Number, f, ""
		}
	case want == tree.Bool && n.Kind == tree.String:
		if n.Str == "true" || n.Str == "false" {
			n.Kind, n.Bool, n.Str = tree.Bool, n.Str == "true", ""
		}
	}
}
