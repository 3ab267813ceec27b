package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

var (
	_ datasource.DataSource                   = (*taskDefinitionDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*taskDefinitionDataSource)(nil)
)

type taskDefinitionDataSource struct{}

// NewTaskDefinitionDataSource returns the ecskit_task_definition data source.
func NewTaskDefinitionDataSource() datasource.DataSource { return &taskDefinitionDataSource{} }

func (d *taskDefinitionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_task_definition"
}

// findingType is the object type of an element of findings.
var findingType = objectTypeOf(compose.FieldNamed(compose.TaskFields, "findings").Fields)

func ruleNames() []string {
	var names []string
	for _, r := range rules.All() {
		names = append(names, r.Name)
	}
	return names
}

func (d *taskDefinitionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := attributesOf(compose.TaskFields)
	ignore := attrs["ignore_rules"].(schema.SetAttribute)
	ignore.Validators = []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(ruleNames()...))}
	attrs["ignore_rules"] = ignore
	resp.Schema = schema.Schema{
		MarkdownDescription: "Composes an ECS task definition from container definitions, validates it against ecskit's rule catalogue at plan time, " +
			"and renders canonical JSON for the hashicorp/aws `aws_ecs_task_definition` resource. " +
			"Attribute and block names are those of `aws_ecs_task_definition`, so a block moves between the two without renaming. " +
			"Error findings fail the plan with a diagnostic on the attribute they are about; warnings show as warnings.",
		Attributes: attrs,
		Blocks:     blocksOf(compose.TaskFields),
	}
}

// singleBlock is a block that may appear at most once.
func singleBlock(desc string, attrs map[string]schema.Attribute, blocks map[string]schema.Block) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: desc + " At most one.",
		NestedObject:        schema.NestedBlockObject{Attributes: attrs, Blocks: blocks},
		Validators:          []validator.List{listvalidator.SizeAtMost(1)},
	}
}

// ValidateConfig checks a configuration that is not wholly known yet, which
// Terraform will only read at apply time: certain mistakes still fail the
// plan now, and unknown values stay silent.
func (d *taskDefinitionDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	if req.Config.Raw.IsFullyKnown() {
		return // Read reports on it
	}
	res := compose.Task(toTree(req.Config.Raw), rules.Config{})
	report(&resp.Diagnostics, req.Config.Raw, res)
}

func (d *taskDefinitionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	res := compose.Task(toTree(req.Config.Raw), rules.Config{})
	report(&resp.Diagnostics, req.Config.Raw, res)
	if resp.Diagnostics.HasError() {
		return
	}
	var warnings []tftypes.Value
	objType := findingType.TerraformType(ctx)
	for _, f := range res.Findings {
		warnings = append(warnings, tftypes.NewValue(objType, map[string]tftypes.Value{
			"rule": tfString(f.Rule.Name), "severity": tfString(f.Severity.String()), "message": tfString(f.Message), "path": tfString(f.Path),
		}))
	}
	computed := map[string]tftypes.Value{
		"container_definitions":          tfNullString(),
		"container_definitions_redacted": tfNullString(),
		"json":                           tfNullString(),
		"normalized_cpu":                 tfNullString(),
		"normalized_memory":              tfNullString(),
		"findings":                       tftypes.NewValue(tftypes.List{ElementType: objType}, warnings),
	}
	if res.Known {
		redacted, err := compose.RedactContainers(res.ContainerDefinitions)
		if err != nil {
			resp.Diagnostics.AddError("Internal error in ecskit_task_definition", "Could not redact the container definitions: "+err.Error()+". Please report this.")
			return
		}
		computed["container_definitions"] = tfString(res.ContainerDefinitions)
		computed["container_definitions_redacted"] = tfString(redacted)
		computed["json"] = tfString(res.JSON)
		computed["normalized_cpu"] = tfStringOrNull(res.CPU)
		computed["normalized_memory"] = tfStringOrNull(res.Memory)
	}
	state, err := withComputed(req.Config.Raw, computed)
	if err != nil {
		resp.Diagnostics.AddError("Internal error in ecskit_task_definition", "Could not build the data source state: "+err.Error()+". Please report this.")
		return
	}
	resp.State.Raw = state
}

func report(diags *diag.Diagnostics, cfg tftypes.Value, res *compose.TaskResult) {
	addProblems(diags, res.Problems)
	addDecodeErrors(diags, res.DecodeErrors, attributePath(cfg))
	addFindings(diags, res.Findings, attributePath(cfg))
	for _, n := range res.Notes {
		diags.AddAttributeWarning(path.Root("containers"), "Container definition changed in canonical form", strings.TrimPrefix(n.Path+": ", ": ")+n.Message)
	}
}
