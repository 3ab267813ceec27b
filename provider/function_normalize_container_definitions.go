package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/ecskit/terraform-provider-ecskit/internal/functions"
)

var _ function.Function = (*normalizeContainerDefinitionsFunction)(nil)

type normalizeContainerDefinitionsFunction struct{}

// NewNormalizeContainerDefinitionsFunction returns the
// normalize_container_definitions function.
func NewNormalizeContainerDefinitionsFunction() function.Function {
	return &normalizeContainerDefinitionsFunction{}
}

func (f *normalizeContainerDefinitionsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = functions.NormalizeContainerDefinitionsSpec.Name
}

func (f *normalizeContainerDefinitionsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Normalize container definitions JSON to ecskit's canonical form",
		MarkdownDescription: "Returns container definitions JSON in the canonical form ecskit's data sources emit: what AWS stores for that " +
			"input, already in the form the hashicorp/aws provider normalizes `container_definitions` to (containers sorted by name, " +
			"`environment` and `secrets` sorted, empty lists and zero values dropped, defaults such as `essential` and the health check " +
			"timings made explicit, `hostPort` filled in under `awsvpc`), as compact JSON with sorted keys. " +
			"Use it on hand-written `container_definitions` so that `aws_ecs_task_definition` plans no change after apply. " +
			"Normalizing canonical JSON returns it unchanged. Environment variables with an empty value are dropped, as AWS does. " +
			"Fails on malformed JSON, naming the line and column. " +
			"Terraform marks the result sensitive when the argument holds a sensitive value, as it does for `jsonencode`, so a plan shows it exactly when no secret is in it.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                functions.NormalizeContainerDefinitionsSpec.Params[0],
				MarkdownDescription: "A JSON array of container definitions, the value of `aws_ecs_task_definition.container_definitions`.",
			},
		},
		VariadicParameter: function.StringParameter{
			Name: functions.NormalizeContainerDefinitionsSpec.Variadic,
			MarkdownDescription: "Optional, at most one: the task's network mode, `awsvpc`, `bridge`, `host` or `none`. " +
				"Omitted, the task's default applies (bridge on Linux). With `awsvpc`, a port mapping without `hostPort` gets `hostPort` = `containerPort`, as AWS stores it.",
		},
		Return: function.StringReturn{},
	}
}

func (f *normalizeContainerDefinitionsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var src string
	var modes []string
	resp.Error = req.Arguments.Get(ctx, &src, &modes)
	if resp.Error != nil {
		return
	}
	out, ferr := functions.NormalizeContainerDefinitions(src, modes)
	if ferr != nil {
		resp.Error = funcError(ferr)
		return
	}
	resp.Error = resp.Result.Set(ctx, out)
}
