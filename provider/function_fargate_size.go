package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/functions"
)

var _ function.Function = (*fargateSizeFunction)(nil)

type fargateSizeFunction struct{}

// NewFargateSizeFunction returns the fargate_size function.
func NewFargateSizeFunction() function.Function { return &fargateSizeFunction{} }

var sizeAttrTypes = map[string]attr.Type{"cpu": types.StringType, "memory": types.StringType}

func (f *fargateSizeFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = functions.FargateSizeSpec.Name
}

func (f *fargateSizeFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Smallest Fargate task size that fits a CPU and memory need",
		MarkdownDescription: "Returns the smallest valid Fargate task size with at least `cpu` and `memory`, as an object " +
			"`{ cpu, memory }` of strings in CPU units and MiB, ready for `aws_ecs_task_definition`. " +
			"\"Smallest\" means the least CPU, then the least memory. " +
			"An optional third argument names the operating system family (`LINUX` by default, or a `WINDOWS_SERVER_*` family, " +
			"whose Fargate sizes are 1, 2 and 4 vCPU only). Fails when no Fargate size is that large.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                functions.FargateSizeSpec.Params[0],
				MarkdownDescription: "CPU needed, in any form the ECS API accepts: CPU units (`\"512\"`, or the number `512`) or vCPUs (`\"0.5 vCPU\"`).",
			},
			function.StringParameter{
				Name:                functions.FargateSizeSpec.Params[1],
				MarkdownDescription: "Memory needed, in any form the ECS API accepts: MiB (`\"3072\"`, or the number `3072`) or GB (`\"3 GB\"`).",
			},
		},
		VariadicParameter: function.StringParameter{
			Name:                functions.FargateSizeSpec.Variadic,
			MarkdownDescription: "Optional, at most one: the `runtime_platform` operating system family, `LINUX` (default) or `WINDOWS_SERVER_*`.",
		},
		Return: function.ObjectReturn{AttributeTypes: sizeAttrTypes},
	}
}

func (f *fargateSizeFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var cpuArg, memArg string
	var osArgs []string
	resp.Error = req.Arguments.Get(ctx, &cpuArg, &memArg, &osArgs)
	if resp.Error != nil {
		return
	}
	size, ferr := functions.FargateSize(cpuArg, memArg, osArgs)
	if ferr != nil {
		resp.Error = funcError(ferr)
		return
	}
	obj, diags := types.ObjectValue(sizeAttrTypes, map[string]attr.Value{
		"cpu": types.StringValue(size.CPU), "memory": types.StringValue(size.Memory),
	})
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, obj)
}
