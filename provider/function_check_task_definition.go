package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/functions"
)

var _ function.Function = (*checkTaskDefinitionFunction)(nil)

type checkTaskDefinitionFunction struct{}

// NewCheckTaskDefinitionFunction returns the check_task_definition function.
func NewCheckTaskDefinitionFunction() function.Function { return &checkTaskDefinitionFunction{} }

func (f *checkTaskDefinitionFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = functions.CheckTaskDefinitionSpec.Name
}

func (f *checkTaskDefinitionFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Check a task definition against ecskit's rules",
		MarkdownDescription: "Runs ecskit's rule catalogue on a task definition given as JSON and returns the findings, errors and warnings, " +
			"as a list of objects `{ rule, severity, message, path }`: `severity` is `\"error\"` or `\"warning\"`, `path` is the place " +
			"in the task definition (`containerDefinitions[0].portMappings[0].hostPort`, empty for the whole task). " +
			"An empty list means nothing was found. Use it in `check` blocks and `precondition`s, for example on the " +
			"`container_definitions` of an `aws_ecs_task_definition` written by hand. Fails on JSON that is malformed or holds " +
			"values of the wrong type, naming the line and column. " +
			"The findings are sensitive when the argument holds a sensitive value (Terraform marks function results so); their `rule` and `path` never hold a value.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name: functions.CheckTaskDefinitionSpec.Params[0],
				MarkdownDescription: "The task definition: a RegisterTaskDefinition input (as for `aws ecs register-task-definition --cli-input-json`), " +
					"a DescribeTaskDefinition output, or a bare containerDefinitions array (the value of `container_definitions`).",
			},
		},
		Return: function.ListReturn{ElementType: findingType},
	}
}

func (f *checkTaskDefinitionFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var src string
	resp.Error = req.Arguments.Get(ctx, &src)
	if resp.Error != nil {
		return
	}
	found, ferr := functions.CheckTaskDefinition(src)
	if ferr != nil {
		resp.Error = funcError(ferr)
		return
	}
	findings := []attr.Value{}
	for _, fd := range found {
		obj, d := types.ObjectValue(findingType.AttrTypes, map[string]attr.Value{
			"rule": types.StringValue(fd.Rule), "severity": types.StringValue(fd.Severity),
			"message": types.StringValue(fd.Message), "path": types.StringValue(fd.Path),
		})
		if d.HasError() {
			resp.Error = function.FuncErrorFromDiags(ctx, d)
			return
		}
		findings = append(findings, obj)
	}
	list, d := types.ListValue(findingType, findings)
	if d.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, d)
		return
	}
	resp.Error = resp.Result.Set(ctx, list)
}

// funcError is the framework's form of an error of internal/functions.
func funcError(e *functions.Error) *function.FuncError {
	if e.Arg < 0 {
		return function.NewFuncError(e.Msg)
	}
	return function.NewArgumentFuncError(int64(e.Arg), e.Msg)
}
