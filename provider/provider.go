// Package provider is the ecskit Terraform provider: data sources and
// functions that compose ECS task definitions and validate them at plan
// time. It makes no network calls and needs no credentials.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/ecskit/ecskit"

var (
	_ provider.Provider              = (*ecskitProvider)(nil)
	_ provider.ProviderWithFunctions = (*ecskitProvider)(nil)
)

type ecskitProvider struct {
	version string
}

// New returns a constructor for the provider.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &ecskitProvider{version: version} }
}

func (p *ecskitProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "ecskit"
	resp.Version = p.version
}

func (p *ecskitProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The ecskit provider composes Amazon ECS container and task definitions from typed HCL and validates them at plan time, " +
			"so that a broken task definition fails `terraform plan` instead of `terraform apply`. It needs no configuration, no credentials and no network.",
	}
}

func (p *ecskitProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *ecskitProvider) Resources(context.Context) []func() resource.Resource { return nil }

func (p *ecskitProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewContainerDefinitionDataSource,
		NewTaskDefinitionDataSource,
		NewFargateSizeDataSource,
	}
}

func (p *ecskitProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewFargateSizeFunction,
		NewCheckTaskDefinitionFunction,
		NewNormalizeContainerDefinitionsFunction,
	}
}
