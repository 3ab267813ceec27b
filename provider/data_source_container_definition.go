package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
)

var _ datasource.DataSource = (*containerDefinitionDataSource)(nil)

type containerDefinitionDataSource struct{}

// NewContainerDefinitionDataSource returns the ecskit_container_definition data source.
func NewContainerDefinitionDataSource() datasource.DataSource {
	return &containerDefinitionDataSource{}
}

func (d *containerDefinitionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_container_definition"
}

func (d *containerDefinitionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Composes one ECS container definition from typed attributes and renders it as JSON for `ecskit_task_definition.containers`. " +
			"Attribute names are the snake_case of the ECS API's field names (`port_mappings`, `memory_reservation`, `health_check`, …); " +
			"`environment` and `secrets` are maps, rendered in a stable order.",
		Attributes: attributesOf(compose.ContainerFields),
	}
}

func (d *containerDefinitionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	res := compose.ContainerJSON(toTree(req.Config.Raw))
	addProblems(&resp.Diagnostics, res.Problems)
	addDecodeErrors(&resp.Diagnostics, res.Errors, func(string) path.Path { return path.Root("extra_json") })
	for _, n := range res.Notes {
		resp.Diagnostics.AddWarning("Container definition changed in canonical form", n.Message)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	out, redacted := tfNullString(), tfNullString()
	if res.Known {
		r, err := compose.RedactContainer(res.JSON)
		if err != nil {
			resp.Diagnostics.AddError("Internal error in ecskit_container_definition", "Could not redact the container JSON: "+err.Error()+". Please report this.")
			return
		}
		out, redacted = tfString(res.JSON), tfString(r)
	}
	state, err := withComputed(req.Config.Raw, map[string]tftypes.Value{"json": out, "json_redacted": redacted})
	if err != nil {
		resp.Diagnostics.AddError("Internal error in ecskit_container_definition", "Could not build the data source state: "+err.Error()+". Please report this.")
		return
	}
	resp.State.Raw = state
}
