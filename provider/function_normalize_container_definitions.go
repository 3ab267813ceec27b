package provider

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/ecskit/terraform-provider-ecskit/internal/canonical"
)

var _ function.Function = (*normalizeContainerDefinitionsFunction)(nil)

type normalizeContainerDefinitionsFunction struct{}

// NewNormalizeContainerDefinitionsFunction returns the
// normalize_container_definitions function.
func NewNormalizeContainerDefinitionsFunction() function.Function {
	return &normalizeContainerDefinitionsFunction{}
}

// networkModes are the values of networkMode that change the canonical form
// or may be given; "" (omitted) is bridge on Linux.
var networkModes = []string{"awsvpc", "bridge", "host", "none"}

func (f *normalizeContainerDefinitionsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "normalize_container_definitions"
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
				Name:                "json",
				MarkdownDescription: "A JSON array of container definitions, the value of `aws_ecs_task_definition.container_definitions`.",
			},
		},
		VariadicParameter: function.StringParameter{
			Name: "network_mode",
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
	var opts canonical.Options
	switch {
	case len(modes) > 1:
		resp.Error = argError(1, "normalize_container_definitions takes at most one network mode; remove the extra arguments")
		return
	case len(modes) == 1:
		if !contains(networkModes, modes[0]) {
			resp.Error = argError(1, "network_mode "+strconv.Quote(modes[0])+" is not a network mode; use "+quoteList(networkModes)+" (the values are case-sensitive)")
			return
		}
		opts.NetworkMode = modes[0]
	}
	out, _, err := canonical.ContainerDefinitions([]byte(src), opts)
	if err != nil {
		var ce *canonical.Error
		if errors.As(err, &ce) && ce.Line > 0 {
			resp.Error = argError(0, "The container definitions are not valid JSON: "+err.Error())
		} else {
			resp.Error = argError(0, "The container definitions cannot be normalized: "+strings.TrimRight(err.Error(), ".")+". Pass a JSON array of container definition objects")
		}
		return
	}
	resp.Error = resp.Result.Set(ctx, string(out))
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
