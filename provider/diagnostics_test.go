package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestAttributePath: findings land on the deepest attribute the
// configuration sets, never inside a container's JSON.
func TestAttributePath(t *testing.T) {
	var resp datasource.SchemaResponse
	NewTaskDefinitionDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	typ := resp.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	pcType := typ.AttributeTypes["placement_constraints"].(tftypes.List).ElementType.(tftypes.Object)
	vals["placement_constraints"] = tftypes.NewValue(typ.AttributeTypes["placement_constraints"], []tftypes.Value{
		tftypes.NewValue(pcType, map[string]tftypes.Value{
			"type": tftypes.NewValue(tftypes.String, "memberOf"), "expression": tftypes.NewValue(tftypes.String, nil),
		}),
	})
	at := attributePath(tftypes.NewValue(typ, vals))
	for p, want := range map[string]path.Path{
		"memory":                               path.Root("memory"),
		"":                                     path.Root("containers"),
		"containerDefinitions[2].portMappings": path.Root("containers").AtListIndex(2),
		"placementConstraints[0].type":         path.Root("placement_constraints").AtListIndex(0).AtName("type"),
		"placementConstraints[0].expression":   path.Root("placement_constraints").AtListIndex(0), // not set
		"placementConstraints[3].type":         path.Root("placement_constraints").AtListIndex(3), // no such block
		"requiresCompatibilities[1]":           path.Root("requires_compatibilities"),
		"runtimePlatform.cpuArchitecture":      path.Root("runtime_platform").AtListIndex(0),
	} {
		if got := at(p); !got.Equal(want) {
			t.Errorf("attributePath(%q) = %s, want %s", p, got, want)
		}
	}
}
