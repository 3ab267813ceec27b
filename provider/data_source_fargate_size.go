package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

var (
	_ datasource.DataSource                     = (*fargateSizeDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*fargateSizeDataSource)(nil)
)

type fargateSizeDataSource struct{}

// NewFargateSizeDataSource returns the ecskit_fargate_size data source.
func NewFargateSizeDataSource() datasource.DataSource { return &fargateSizeDataSource{} }

func (d *fargateSizeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_fargate_size"
}

func (d *fargateSizeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the smallest valid Fargate task size (task `cpu` and `memory`) that fits a CPU and memory need, " +
			"the sum of a task's containers, or both, for an operating system and CPU architecture. " +
			"\"Smallest\" means the least CPU, then the least memory. " +
			"The outputs are ready for `aws_ecs_task_definition` and `ecskit_task_definition`.",
		Attributes: map[string]schema.Attribute{
			"min_cpu": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "CPU the task needs at least, in any form the ECS API accepts: CPU units (`\"512\"`) or vCPUs (`\"0.5 vCPU\"`). " +
					"A number works too (`512`).",
			},
			"min_memory": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Memory the task needs at least, in any form the ECS API accepts: MiB (`\"3072\"`) or GB (`\"3 GB\"`).",
			},
			"containers": schema.ListAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Containers that must fit, each one container definition as a JSON string, as in `ecskit_task_definition.containers`. " +
					"Their `cpu` values are summed, and so is each container's hard limit `memory`, or its `memoryReservation` when it has no hard limit. " +
					"With `min_cpu` or `min_memory` as well, the larger need wins.",
			},
			"operating_system_family": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "`LINUX` (default) or a `WINDOWS_SERVER_*` family, as in `runtime_platform`. " +
					"Windows on Fargate offers only 1, 2 and 4 vCPU.",
				Validators: []validator.String{stringvalidator.OneOf(osFamilies()...)},
			},
			"cpu_architecture": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "`X86_64` (default) or `ARM64`, as in `runtime_platform`. ARM64 is Linux only; it has the same sizes as X86_64.",
				Validators:          []validator.String{stringvalidator.OneOf("X86_64", "ARM64")},
			},
			"cpu": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The task CPU in CPU units (`\"1024\"`), for `cpu` of `aws_ecs_task_definition`.",
			},
			"memory": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The task memory in MiB (`\"3072\"`), for `memory` of `aws_ecs_task_definition`.",
			},
		},
	}
}

func (d *fargateSizeDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.AtLeastOneOf(path.MatchRoot("min_cpu"), path.MatchRoot("min_memory"), path.MatchRoot("containers")),
	}
}

// need is an amount of cpu or memory and the attribute that asked for it.
type need struct {
	amount int
	attr   string
}

func (n *need) atLeast(amount int, attr string) {
	if amount > n.amount {
		n.amount, n.attr = amount, attr
	}
}

func (d *fargateSizeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg struct {
		MinCPU     types.String `tfsdk:"min_cpu"`
		MinMemory  types.String `tfsdk:"min_memory"`
		Containers types.List   `tfsdk:"containers"`
		OS         types.String `tfsdk:"operating_system_family"`
		Arch       types.String `tfsdk:"cpu_architecture"`
		CPU        types.String `tfsdk:"cpu"`
		Memory     types.String `tfsdk:"memory"`
	}
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	os := fargateOS(cfg.OS.ValueString())
	if os == fargate.Windows && cfg.Arch.ValueString() == "ARM64" {
		resp.Diagnostics.AddAttributeError(path.Root("cpu_architecture"), "Windows on ARM64",
			"Fargate runs Windows containers only on X86_64. Set cpu_architecture to \"X86_64\" or omit it, or use operating_system_family \"LINUX\".")
		return
	}
	var cpu, mem need
	if s := cfg.MinCPU.ValueString(); !cfg.MinCPU.IsNull() {
		units, err := fargate.ParseCPU(s)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("min_cpu"), "Invalid min_cpu", "min_cpu: "+err.Error()+".")
		}
		cpu.atLeast(units, "min_cpu")
	}
	if s := cfg.MinMemory.ValueString(); !cfg.MinMemory.IsNull() {
		mib, err := fargate.ParseMemory(s)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("min_memory"), "Invalid min_memory", "min_memory: "+err.Error()+".")
		}
		mem.atLeast(mib, "min_memory")
	}
	if !cfg.Containers.IsNull() {
		c, m := d.containerSums(req.Config.Raw, resp)
		cpu.atLeast(c, "containers")
		mem.atLeast(m, "containers")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	size, ok := fargate.SmallestFit(os, cpu.amount, mem.amount)
	if !ok {
		at := mem.attr
		if cpu.amount > largest(os).CPU {
			at = cpu.attr
		}
		resp.Diagnostics.AddAttributeError(path.Root(at), "No Fargate size fits", noFit(os, cpu.amount, mem.amount))
		return
	}
	cfg.CPU = types.StringValue(strconv.Itoa(size.CPU))
	cfg.Memory = types.StringValue(strconv.Itoa(size.Memory))
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// containerSums parses the containers and sums their cpu and memory.
func (d *fargateSizeDataSource) containerSums(raw tftypes.Value, resp *datasource.ReadResponse) (cpu, memory int) {
	input, problems := compose.TaskInput(&tree.Node{Kind: tree.Object, Fields: []tree.Field{{Key: "containers", Value: toTree(raw).Get("containers")}}})
	addProblems(&resp.Diagnostics, problems)
	if len(problems) > 0 {
		return 0, 0
	}
	td, errs := taskdef.Decode(input)
	addDecodeErrors(&resp.Diagnostics, errs, func(p string) path.Path { return containerAttr(p) })
	for _, c := range td.ContainerDefinitions.Items {
		if v, ok := c.CPU.Get(); ok {
			cpu = addCapped(cpu, v)
		}
		if v, ok := c.Memory.Get(); ok {
			memory = addCapped(memory, v)
		} else if v, ok := c.MemoryReservation.Get(); ok {
			memory = addCapped(memory, v)
		}
	}
	return cpu, memory
}

// maxNeed is far above any Fargate size; sums stop there instead of overflowing.
const maxNeed = 1 << 40

// addCapped adds a positive amount to sum, up to maxNeed. Negative amounts are
// not sizes and count as nothing.
func addCapped(sum int, v int64) int {
	if v <= 0 {
		return sum
	}
	if v >= maxNeed || sum+int(v) > maxNeed {
		return maxNeed
	}
	return sum + int(v)
}

// containerAttr points at the element of containers that a path in the task
// definition (containerDefinitions[2].memory) is inside.
func containerAttr(p string) path.Path {
	var i int
	if _, err := fmt.Sscanf(p, "containerDefinitions[%d]", &i); err == nil {
		return path.Root("containers").AtListIndex(i)
	}
	return path.Root("containers")
}
