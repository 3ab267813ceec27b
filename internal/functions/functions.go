// Package functions is the ecskit provider's functions as plain Go: what fargate_size, check_task_definition and
// normalize_container_definitions return for their arguments, and the error each call fails with. The provider
// (provider/function_*.go) and ecslint (lint/tffunc) both call them, so that a call evaluates the same under
// terraform and in ecslint. The callers own only the conversion of values: Terraform's type conversion of the
// arguments to strings, and the shape of the result.
package functions

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/canonical"
	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Namespace is the prefix of the functions' names in a configuration: provider::ecskit::fargate_size.
const Namespace = "provider::ecskit::"

// Spec names a function and its parameters as Terraform sees them. Every parameter is a string (Terraform
// converts numbers and bools to strings first) and must not be null; Variadic, when not "", is the name of
// the variadic parameter, of which each function takes at most one argument.
type Spec struct {
	Name     string
	Params   []string
	Variadic string
}

// The functions.
var (
	FargateSizeSpec                   = Spec{Name: "fargate_size", Params: []string{"cpu", "memory"}, Variadic: "operating_system_family"}
	CheckTaskDefinitionSpec           = Spec{Name: "check_task_definition", Params: []string{"json"}}
	NormalizeContainerDefinitionsSpec = Spec{Name: "normalize_container_definitions", Params: []string{"json"}, Variadic: "network_mode"}
)

// Error is why a call fails. Arg is the argument at fault, counted from 0 (an argument of the variadic
// parameter counts as the variadic parameter's index), or -1 for the call as a whole. Msg is full sentences
// without the last full stop: Terraform writes "Invalid value for "cpu" parameter: " before it and a full
// stop after it.
type Error struct {
	Arg int
	Msg string
}

func (e *Error) Error() string { return e.Msg }

func argError(i int, msg string) *Error {
	return &Error{Arg: i, Msg: strings.TrimRight(msg, ".")}
}

// Size is the result of fargate_size: CPU units and MiB, as the strings aws_ecs_task_definition takes.
type Size struct {
	CPU    string
	Memory string
}

// SizeAttributes are the attribute names of fargate_size's result object, in the order of Size's fields.
var SizeAttributes = []string{"cpu", "memory"}

// FargateSize is fargate_size(cpu, memory, operating_system_family...): the smallest Fargate size with at
// least cpu and memory for the operating system family (LINUX without one).
func FargateSize(cpuArg, memArg string, osArgs []string) (Size, *Error) {
	cpu, err := fargate.ParseCPU(cpuArg)
	if err != nil {
		return Size{}, argError(0, err.Error())
	}
	mem, err := fargate.ParseMemory(memArg)
	if err != nil {
		return Size{}, argError(1, err.Error())
	}
	os := fargate.Linux
	switch {
	case len(osArgs) > 1:
		return Size{}, argError(2, "fargate_size takes at most one operating system family; remove the extra arguments")
	case len(osArgs) == 1:
		if !fargate.ValidOSFamily(osArgs[0]) {
			return Size{}, argError(2, "operating_system_family "+strconv.Quote(osArgs[0])+" is not one ECS knows; use one of "+taskdef.QuoteOr(fargate.OSFamilies()))
		}
		os = fargate.ForFamily(osArgs[0])
	}
	size, ok := fargate.SmallestFit(os, cpu, mem)
	if !ok {
		return Size{}, argError(-1, fargate.NoFit(os, cpu, mem))
	}
	return Size{CPU: strconv.Itoa(size.CPU), Memory: strconv.Itoa(size.Memory)}, nil
}

// Finding is one element of check_task_definition's result.
type Finding struct {
	Rule     string
	Severity string
	Message  string
	Path     string
}

// FindingAttributes are the attribute names of a Finding object, in the order of Finding's fields.
var FindingAttributes = []string{"rule", "severity", "message", "path"}

// CheckTaskDefinition is check_task_definition(json): the findings of ecskit's rules on the task definition
// (a RegisterTaskDefinition input, a DescribeTaskDefinition output or a containerDefinitions array), in the
// order of the JSON text; none is an empty, non-nil list.
func CheckTaskDefinition(src string) ([]Finding, *Error) {
	if msg := jsonSyntax([]byte(src)); msg != "" {
		return nil, argError(0, "The task definition is not valid JSON: "+msg)
	}
	n, diags := tree.ParseJSON([]byte(src), "json")
	if diags.HasErrors() {
		return nil, argError(0, "The task definition is not valid JSON: "+syntaxError(diags[0]))
	}
	td, errs := taskdef.Decode(n)
	if len(errs) > 0 {
		e := errs[0]
		msg := "The task definition has a value of the wrong type: " + e.Error() + at(e.Range)
		if len(errs) > 1 {
			msg += " (and " + strconv.Itoa(len(errs)-1) + " more)"
		}
		return nil, argError(0, msg+". ECS rejects it; fix the value")
	}
	findings := []Finding{}
	for _, fd := range rules.Run(td, rules.Config{}) {
		findings = append(findings, Finding{Rule: fd.Rule.Name, Severity: fd.Severity.String(), Message: fd.Message, Path: fd.Path})
	}
	return findings, nil
}

// NetworkModes are the values normalize_container_definitions takes for network_mode.
var NetworkModes = []string{"awsvpc", "bridge", "host", "none"}

// NormalizeContainerDefinitions is normalize_container_definitions(json, network_mode...): the container
// definitions in ecskit's canonical form.
func NormalizeContainerDefinitions(src string, modes []string) (string, *Error) {
	var opts canonical.Options
	switch {
	case len(modes) > 1:
		return "", argError(1, "normalize_container_definitions takes at most one network mode; remove the extra arguments")
	case len(modes) == 1:
		if !contains(NetworkModes, modes[0]) {
			return "", argError(1, "network_mode "+strconv.Quote(modes[0])+" is not a network mode; use "+taskdef.QuoteOr(NetworkModes)+" (the values are case-sensitive)")
		}
		opts.NetworkMode = modes[0]
	}
	out, _, err := canonical.ContainerDefinitions([]byte(src), opts)
	if err != nil {
		var ce *canonical.Error
		if errors.As(err, &ce) && ce.Line > 0 {
			return "", argError(0, "The container definitions are not valid JSON: "+err.Error())
		}
		return "", argError(0, "The container definitions cannot be normalized: "+strings.TrimRight(err.Error(), ".")+". Pass a JSON array of container definition objects")
	}
	return string(out), nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
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
