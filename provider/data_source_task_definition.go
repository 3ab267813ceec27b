package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
var findingType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"rule": types.StringType, "severity": types.StringType, "message": types.StringType, "path": types.StringType,
}}

func ruleNames() []string {
	var names []string
	for _, r := range rules.All() {
		names = append(names, r.Name)
	}
	return names
}

func (d *taskDefinitionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Composes an ECS task definition from container definitions, validates it against ecskit's rule catalogue at plan time, " +
			"and renders canonical JSON for the hashicorp/aws `aws_ecs_task_definition` resource. " +
			"Attribute and block names are those of `aws_ecs_task_definition`, so a block moves between the two without renaming. " +
			"Error findings fail the plan with a diagnostic on the attribute they are about; warnings show as warnings.",
		Attributes: map[string]schema.Attribute{
			"family": schema.StringAttribute{Required: true, MarkdownDescription: "A unique name for the task definition family: up to 255 letters, digits, hyphens and underscores."},
			"containers": schema.ListAttribute{
				Required: true, ElementType: types.StringType,
				MarkdownDescription: "The containers of the task, each one container definition as a JSON string: the `json` output of `ecskit_container_definition`, or `jsonencode({ name = ..., image = ... })`.",
			},
			"requires_compatibilities": schema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Launch types the task definition must validate against: `EC2`, `FARGATE`, `EXTERNAL`, `MANAGED_INSTANCES`. With `FARGATE`, the Fargate rules apply."},
			"network_mode":             str("Docker networking mode: `awsvpc`, `bridge`, `host` or `none`. When omitted, ECS uses `bridge` on Linux."),
			"cpu":                      str("Task CPU, as CPU units (`\"1024\"`) or vCPUs (`\"1 vCPU\"`, `\".25 vcpu\"`). Required on Fargate."),
			"memory":                   str("Task memory, as MiB (`\"2048\"`) or GB (`\"2GB\"`, `\"2 GB\"`). Required on Fargate."),
			"execution_role_arn":       str("ARN of the task execution role that the ECS agent and Docker daemon assume (to pull from ECR, write awslogs, read secrets)."),
			"task_role_arn":            str("ARN of the IAM role that the task's containers assume."),
			"pid_mode":                 str("Process namespace: `host` or `task`."),
			"ipc_mode":                 str("IPC namespace: `host`, `task` or `none`."),
			"enable_fault_injection":   schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether fault injection is enabled for the task."},
			"ignore_rules": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Names of rules to skip for this task definition, for example `[\"plaintext_secret\"]`. See the rule catalogue.",
				Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(ruleNames()...))},
			},
			"container_definitions": schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The containers as a canonical JSON array, for `aws_ecs_task_definition.container_definitions`: already in the form the AWS provider normalizes to, so the resource plans no change after apply. " +
				"Sensitive: Terraform does not tell a data source which of its values are sensitive, so everything built from them is treated as secret " +
				"(see `container_definitions_redacted` for a readable copy)."},
			"container_definitions_redacted": schema.StringAttribute{Computed: true, MarkdownDescription: "`container_definitions` with every value that could hold a secret replaced by `\"(redacted)\"`: " +
				"environment values, command, entry point and health-check arguments, log and FireLens option values, Docker label values, and fields set only through JSON that ecskit does not know as safe. " +
				"Names, images, sizes, ports, flags, paths and ARNs stay. For outputs and reviews of a plan; not for `aws_ecs_task_definition`."},
			"normalized_cpu":    schema.StringAttribute{Computed: true, MarkdownDescription: "The task CPU in CPU units (`\"1 vCPU\"` becomes `\"1024\"`), as AWS stores it; null when `cpu` is not set."},
			"normalized_memory": schema.StringAttribute{Computed: true, MarkdownDescription: "The task memory in MiB (`\"2 GB\"` becomes `\"2048\"`), as AWS stores it; null when `memory` is not set."},
			"json":              schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The whole task definition as a canonical RegisterTaskDefinition input, for `aws ecs register-task-definition --cli-input-json`. Sensitive, as `container_definitions` is."},
			"findings": schema.ListAttribute{
				Computed: true, ElementType: findingType,
				MarkdownDescription: "The warnings the rules found (errors fail the plan instead): objects with `rule`, `severity`, `message` and `path` (the place in the task definition).",
			},
		},
		Blocks: map[string]schema.Block{
			"volume": schema.ListNestedBlock{
				MarkdownDescription: "A volume that containers can mount, as in `aws_ecs_task_definition`.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"name":                schema.StringAttribute{Required: true, MarkdownDescription: "Name of the volume, referred to by `sourceVolume` in mount points."},
						"host_path":           str("Path on the host for a bind mount. Not supported on Fargate."),
						"configure_at_launch": schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether the volume is configured when the task or service is created."},
					},
					Blocks: map[string]schema.Block{
						"docker_volume_configuration": singleBlock("A Docker volume (EC2 only).", map[string]schema.Attribute{
							"scope":         str("`task` or `shared`."),
							"autoprovision": schema.BoolAttribute{Optional: true, MarkdownDescription: "Create the volume when it does not exist (only with scope `shared`)."},
							"driver":        str("Docker volume driver."),
							"driver_opts":   schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Driver options."},
							"labels":        schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Docker labels."},
						}, nil),
						"efs_volume_configuration": singleBlock("An Amazon EFS file system.", map[string]schema.Attribute{
							"file_system_id":          schema.StringAttribute{Required: true, MarkdownDescription: "ID of the EFS file system."},
							"root_directory":          str("Directory to mount as the root; `/` when an access point is used."),
							"transit_encryption":      str("`ENABLED` or `DISABLED`."),
							"transit_encryption_port": schema.Int64Attribute{Optional: true, MarkdownDescription: "Port for encrypted traffic between the host and EFS."},
						}, map[string]schema.Block{
							"authorization_config": singleBlock("EFS authorization.", map[string]schema.Attribute{
								"access_point_id": str("EFS access point ID."),
								"iam":             str("`ENABLED` or `DISABLED`: use the task role for EFS authorization."),
							}, nil),
						}),
						"fsx_windows_file_server_volume_configuration": singleBlock("An Amazon FSx for Windows File Server file system.", map[string]schema.Attribute{
							"file_system_id": schema.StringAttribute{Required: true, MarkdownDescription: "ID of the FSx file system."},
							"root_directory": schema.StringAttribute{Required: true, MarkdownDescription: "Directory to mount."},
						}, map[string]schema.Block{
							"authorization_config": singleBlock("FSx authorization.", map[string]schema.Attribute{
								"credentials_parameter": schema.StringAttribute{Required: true, MarkdownDescription: "Secrets Manager or SSM ARN of the credentials."},
								"domain":                schema.StringAttribute{Required: true, MarkdownDescription: "Active Directory domain."},
							}, nil),
						}),
					},
				},
			},
			"placement_constraints": schema.ListNestedBlock{
				MarkdownDescription: "Placement constraints for the task (EC2 only; in a task definition only `memberOf` is allowed).",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"type":       schema.StringAttribute{Required: true, MarkdownDescription: "`memberOf`."},
					"expression": str("A Cluster Query Language expression, e.g. `attribute:ecs.instance-type =~ t3.*`."),
				}},
			},
			"runtime_platform": singleBlock("The operating system and CPU architecture the task runs on.", map[string]schema.Attribute{
				"operating_system_family": str("`LINUX` (default) or a `WINDOWS_SERVER_*` family."),
				"cpu_architecture":        str("`X86_64` (default) or `ARM64`."),
			}, nil),
			"ephemeral_storage": singleBlock("Fargate ephemeral storage.", map[string]schema.Attribute{
				"size_in_gib": schema.Int64Attribute{Required: true, MarkdownDescription: "Total ephemeral storage in GiB, 21 to 200."},
			}, nil),
			"proxy_configuration": singleBlock("App Mesh proxy configuration.", map[string]schema.Attribute{
				"type":           str("`APPMESH`."),
				"container_name": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the proxy container."},
				"properties":     schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Proxy properties (`IgnoredUID`, `AppPorts`, …)."},
			}, nil),
			"inference_accelerator": schema.ListNestedBlock{
				MarkdownDescription: "Elastic Inference accelerators (EC2 only).",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"device_name": schema.StringAttribute{Required: true, MarkdownDescription: "Device name, referred to by a container's resource requirements."},
					"device_type": schema.StringAttribute{Required: true, MarkdownDescription: "Accelerator type."},
				}},
			},
		},
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
