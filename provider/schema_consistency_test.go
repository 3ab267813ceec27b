package provider

import (
	"context"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
)

// TestSchemaMatchesCompose checks that compose.TaskSchema and
// compose.ContainerSchema, which ecslint uses to evaluate the data sources,
// describe exactly the provider's schemas.
func TestSchemaMatchesCompose(t *testing.T) {
	for _, tc := range []struct {
		ds   datasource.DataSource
		want *compose.Schema
	}{
		{NewTaskDefinitionDataSource(), compose.TaskSchema},
		{NewContainerDefinitionDataSource(), compose.ContainerSchema},
	} {
		var resp datasource.SchemaResponse
		tc.ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
		var meta datasource.MetadataResponse
		tc.ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "ecskit"}, &meta)
		compareSchema(t, meta.TypeName, resp.Schema.Attributes, resp.Schema.Blocks, tc.want)
	}
}

func compareSchema(t *testing.T, where string, attrs map[string]schema.Attribute, blocks map[string]schema.Block, want *compose.Schema) {
	t.Helper()
	var config, computed []string
	for name, a := range attrs {
		if a.IsComputed() && !a.IsOptional() && !a.IsRequired() {
			computed = append(computed, name)
		} else {
			config = append(config, name)
		}
	}
	sameNames(t, where+" attributes", config, want.Attributes)
	sameNames(t, where+" computed attributes", computed, want.Computed)
	var blockNames, wantBlocks []string
	for name := range blocks {
		blockNames = append(blockNames, name)
	}
	for name := range want.Blocks {
		wantBlocks = append(wantBlocks, name)
	}
	sameNames(t, where+" blocks", blockNames, wantBlocks)
	for name, b := range blocks {
		w := want.Blocks[name]
		if w == nil {
			continue
		}
		lb, ok := b.(schema.ListNestedBlock)
		if !ok {
			t.Errorf("%s block %s: compose expects a list block, the provider has %T", where, name, b)
			continue
		}
		compareSchema(t, where+"."+name, lb.NestedObject.Attributes, lb.NestedObject.Blocks, w)
	}
}

func sameNames(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = append([]string(nil), got...), append([]string(nil), want...)
	sort.Strings(got)
	sort.Strings(want)
	if len(got) != len(want) {
		t.Errorf("%s: provider has %v, compose has %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: provider has %v, compose has %v", what, got, want)
			return
		}
	}
}
