package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

var _ function.Function = (*checkTaskDefinitionFunction)(nil)

type checkTaskDefinitionFunction struct{}

// NewCheckTaskDefinitionFunction returns the check_task_definition function.
func NewCheckTaskDefinitionFunction() function.Function { return &checkTaskDefinitionFunction{} }

func (f *checkTaskDefinitionFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "check_task_definition"
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
				Name: "json",
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
	if msg := jsonSyntax([]byte(src)); msg != "" {
		resp.Error = argError(0, "The task definition is not valid JSON: "+msg)
		return
	}
	n, diags := tree.ParseJSON([]byte(src), "json")
	if diags.HasErrors() {
		resp.Error = argError(0, "The task definition is not valid JSON: "+syntaxError(diags[0]))
		return
	}
	td, errs := taskdef.Decode(n)
	if len(errs) > 0 {
		e := errs[0]
		msg := "The task definition has a value of the wrong type: " + e.Error() + at(e.Range)
		if len(errs) > 1 {
			msg += " (and " + strconv.Itoa(len(errs)-1) + " more)"
		}
		resp.Error = argError(0, msg+". ECS rejects it; fix the value")
		return
	}
	findings := []attr.Value{}
	for _, fd := range rules.Run(td, rules.Config{}) {
		obj, d := types.ObjectValue(findingType.AttrTypes, map[string]attr.Value{
			"rule": types.StringValue(fd.Rule.Name), "severity": types.StringValue(fd.Severity.String()),
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

// argError is an error about argument i. Terraform ends the message with a
// full stop itself.
func argError(i int64, msg string) *function.FuncError {
	return function.NewArgumentFuncError(i, strings.TrimRight(msg, "."))
}

// jsonSyntax returns the first syntax error in src with its line and column,
// or "" when src is one valid JSON value.
func jsonSyntax(src []byte) string {
	dec := json.NewDecoder(bytes.NewReader(src))
	var v any
	err := dec.Decode(&v)
	offset := -1
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		offset = int(syn.Offset) - 1
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		offset = len(src)
		err = errors.New("unexpected end of JSON input")
	case err != nil:
		return err.Error()
	default:
		if rest := bytes.TrimLeft(src[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
			return position(src, len(src)-len(rest)) + ": unexpected text after the JSON value; the input must hold exactly one value"
		}
		return ""
	}
	return position(src, offset) + ": " + err.Error()
}

// position renders the line and column (in characters) of byte offset in src.
func position(src []byte, offset int) string {
	offset = max(0, min(offset, len(src)))
	line, col := 1, 1
	for _, r := range string(src[:offset]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
}

// syntaxError renders a JSON syntax diagnostic with its line and column.
func syntaxError(d *hcl.Diagnostic) string {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	if d.Subject != nil {
		msg = "line " + strconv.Itoa(d.Subject.Start.Line) + ", column " + strconv.Itoa(d.Subject.Start.Column) + ": " + msg
	}
	return msg
}

// at renders a position inside the JSON argument: " (line 3, column 12)".
func at(r hcl.Range) string {
	if r.Start.Line == 0 {
		return ""
	}
	return " (line " + strconv.Itoa(r.Start.Line) + ", column " + strconv.Itoa(r.Start.Column) + ")"
}
