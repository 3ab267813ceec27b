package provider

import (
	"context"
	"math/big"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// everything is a value of typ with every attribute set and every list, set
// and map holding one element.
func everything(typ tftypes.Type) tftypes.Value {
	switch t := typ.(type) {
	case tftypes.Object:
		vals := map[string]tftypes.Value{}
		for name, at := range t.AttributeTypes {
			vals[name] = everything(at)
		}
		return tftypes.NewValue(t, vals)
	case tftypes.List:
		return tftypes.NewValue(t, []tftypes.Value{everything(t.ElementType)})
	case tftypes.Set:
		return tftypes.NewValue(t, []tftypes.Value{everything(t.ElementType)})
	case tftypes.Map:
		return tftypes.NewValue(t, map[string]tftypes.Value{"k": everything(t.ElementType)})
	}
	switch {
	case typ.Is(tftypes.Number):
		return tftypes.NewValue(typ, big.NewFloat(1))
	case typ.Is(tftypes.Bool):
		return tftypes.NewValue(typ, true)
	}
	return tftypes.NewValue(typ, "x")
}

// TestAttributePathEveryField: in a configuration that sets everything, a
// finding on the API path of any attribute of ecskit_task_definition (or on
// a member inside it) lands on that attribute, at any depth.
func TestAttributePathEveryField(t *testing.T) {
	var resp datasource.SchemaResponse
	NewTaskDefinitionDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	at := attributePath(everything(resp.Schema.Type().TerraformType(context.Background())))
	n := 0
	var walk func(fields []*compose.Field, prefix []compose.AttrStep, want path.Path)
	walk = func(fields []*compose.Field, prefix []compose.AttrStep, want path.Path) {
		for _, f := range fields {
			if f.API == "" {
				continue
			}
			steps := append(append([]compose.AttrStep(nil), prefix...), compose.AttrStep{Name: f.Name, Index: -1})
			w := path.Root(f.Name)
			if len(prefix) > 0 {
				w = want.AtName(f.Name)
			}
			check := func(steps []compose.AttrStep, want path.Path, deeper string) {
				t.Helper()
				p := compose.APIPath(compose.TaskFields, steps) + deeper
				if got := at(p); !got.Equal(want) {
					t.Errorf("a finding on %s is placed on %s, want %s", p, got, want)
				}
				n++
			}
			switch f.Kind {
			case compose.Block, compose.Blocks:
				steps[len(steps)-1].Index = 0
				check(steps, w.AtListIndex(0), "")
				walk(f.Fields, steps, w.AtListIndex(0))
			case compose.JSONList:
				steps[len(steps)-1].Index = 0
				check(steps, w.AtListIndex(0), ".portMappings[0].hostPort")
			case compose.Map:
				check(steps, w, `["k"]`)
			case compose.NameValues:
				check(steps, w, "[0]."+f.ValueKey)
			case compose.StringSet:
				check(steps, w, "[0]")
			default:
				check(steps, w, "")
			}
		}
	}
	walk(compose.TaskFields, nil, path.Empty())
	if n < 30 {
		t.Errorf("only %d attribute paths checked", n)
	}
}

// TestAccNestedFindingOnItsAttribute: terraform shows a finding on a field
// inside a nested block, or on a field the API nests deeper than the
// attribute (host.sourcePath), at the attribute's own line.
func TestAccNestedFindingOnItsAttribute(t *testing.T) {
	for _, c := range []ruleCase{
		{rule: "invalid_enum", task: `volume {; name = "data"; docker_volume_configuration {; driver = "local"; scope = "everywhere"; }; }`,
			containers: one, at: `scope = "everywhere"`, want: `dockerVolumeConfiguration.scope "everywhere" is not a valid value`},
		{rule: "fargate_unsupported_parameter", task: fg + `; volume {; name = "data"; configure_at_launch = false; host_path = "/srv/data"; }`,
			containers: one, at: `host_path = "/srv/data"`, want: `volume "data": a host sourcePath is not supported on Fargate`},
	} {
		t.Run(c.rule, func(t *testing.T) {
			unitTest(t, resource.TestStep{
				Config: taskConfig(c.task, c.containers),
				ExpectError: regexp.MustCompile(`(?s)` + regexp.QuoteMeta("Error: "+rules.Lookup(c.rule).Heading()) +
					`\s+with data\.ecskit_task_definition\.t,\s+on \S+ line \d+, in data "ecskit_task_definition" "t":\s+\d+:\s+` +
					regexp.QuoteMeta(c.at) + `.*?` + wrapped(c.want)),
			})
		})
	}
}
