package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// fakeAWS stands in for hashicorp/aws, which cannot be downloaded here: a
// provider "aws" with the aws_ecs_task_definition attributes the examples set,
// typed as hashicorp/aws types them (container_definitions a plain,
// non-sensitive string). Whether Terraform shows a value in a plan depends on
// the marks Terraform keeps and on the schema, not on what the resource does,
// so this consumer shows what hashicorp/aws would.
type fakeAWS struct{}

func (fakeAWS) Metadata(_ context.Context, _ fwprovider.MetadataRequest, resp *fwprovider.MetadataResponse) {
	resp.TypeName = "aws"
}

func (fakeAWS) Schema(context.Context, fwprovider.SchemaRequest, *fwprovider.SchemaResponse) {}

func (fakeAWS) Configure(context.Context, fwprovider.ConfigureRequest, *fwprovider.ConfigureResponse) {
}

func (fakeAWS) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (fakeAWS) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return fakeTaskDefinition{} }}
}

type fakeTaskDefinition struct{}

func (fakeTaskDefinition) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ecs_task_definition"
}

func (fakeTaskDefinition) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	opt := func() schema.StringAttribute { return schema.StringAttribute{Optional: true} }
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"family":                   schema.StringAttribute{Required: true},
		"container_definitions":    schema.StringAttribute{Required: true},
		"requires_compatibilities": schema.SetAttribute{Optional: true, ElementType: types.StringType},
		"network_mode":             opt(),
		"cpu":                      opt(),
		"memory":                   opt(),
		"execution_role_arn":       opt(),
		"task_role_arn":            opt(),
	}}
}

func (fakeTaskDefinition) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (fakeTaskDefinition) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (fakeTaskDefinition) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

func (fakeTaskDefinition) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
