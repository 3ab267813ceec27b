package compose

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/canonical"
	"github.com/ecskit/terraform-provider-ecskit/internal/fargate"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// TaskResult is what ecskit_task_definition computes.
type TaskResult struct {
	// Input is the RegisterTaskDefinition input built from the configuration.
	Input *tree.Node
	// TD is the decoded task definition the rules saw.
	TD *taskdef.TaskDefinition
	// Problems are inputs that could not be composed at all.
	Problems []Problem
	// DecodeErrors are values of the wrong type inside the container JSON.
	DecodeErrors taskdef.Errors
	// Findings are the rule findings, errors and warnings.
	Findings []rules.Finding
	// Known reports whether the outputs could be computed: false while any
	// input is unknown.
	Known bool
	// ContainerDefinitions is the canonical JSON array for
	// aws_ecs_task_definition.container_definitions.
	ContainerDefinitions string
	// JSON is the canonical RegisterTaskDefinition input.
	JSON string
	// CPU and Memory are the task size normalized to CPU units and MiB; empty
	// when not set.
	CPU, Memory string
	// Notes are canonical-form warnings (dropped empty values and the like).
	Notes []canonical.Warning
}

// Task composes, validates and renders a task definition from the
// configuration of ecskit_task_definition.
func Task(cfg *tree.Node, rc rules.Config) *TaskResult {
	res := &TaskResult{}
	res.Input, res.Problems = TaskInput(cfg)
	res.TD, res.DecodeErrors = taskdef.Decode(res.Input)
	skip := map[string]bool{}
	if ig := cfg.Get("ignore_rules"); ig != nil && ig.Kind == tree.Array {
		for _, name := range sortedStrings(ig) {
			skip[name] = true
		}
	}
	prev := rc.Skip
	rc.Skip = func(name string) bool { return skip[name] || (prev != nil && prev(name)) }
	res.Findings = rules.Run(res.TD, rc)
	if len(res.Problems) > 0 || len(res.DecodeErrors) > 0 {
		return res
	}
	v, known := res.Input.Interface()
	if !known {
		return res
	}
	raw, err := json.Marshal(v)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Summary: "Cannot encode the task definition", Detail: err.Error()})
		return res
	}
	task, notes, err := canonical.TaskDefinition(raw)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Attr: "containers", Summary: "Cannot normalize the container definitions", Detail: err.Error()})
		return res
	}
	res.Known = true
	res.JSON = string(task.JSON)
	res.ContainerDefinitions = string(task.ContainerDefinitions)
	res.Notes = notes
	if s, ok := res.TD.CPU.Get(); ok {
		if units, err := fargate.ParseCPU(s); err == nil {
			res.CPU = strconv.Itoa(units)
		} else {
			res.CPU = strings.TrimSpace(s)
		}
	}
	if s, ok := res.TD.Memory.Get(); ok {
		if mib, err := fargate.ParseMemory(s); err == nil {
			res.Memory = strconv.Itoa(mib)
		} else {
			res.Memory = strings.TrimSpace(s)
		}
	}
	return res
}

// TaskInput is Task without the checks: the RegisterTaskDefinition input.
func TaskInput(cfg *tree.Node) (*tree.Node, []Problem) { return taskInput(cfg) }

// ContainerResult is what ecskit_container_definition computes.
type ContainerResult struct {
	Input    *tree.Node
	Problems []Problem
	Errors   taskdef.Errors
	Known    bool
	JSON     string
	Notes    []canonical.Warning
}

// ContainerJSON composes one container definition and renders its JSON.
func ContainerJSON(cfg *tree.Node) *ContainerResult {
	res := &ContainerResult{}
	res.Input, res.Problems = Container(cfg)
	_, res.Errors = taskdef.DecodeContainer(res.Input, "")
	if len(res.Problems) > 0 || len(res.Errors) > 0 {
		return res
	}
	v, known := res.Input.Interface()
	if !known {
		return res
	}
	raw, err := json.Marshal(v)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Summary: "Cannot encode the container", Detail: err.Error()})
		return res
	}
	out, notes, err := canonical.Container(raw, canonical.Options{})
	if err != nil {
		res.Problems = append(res.Problems, Problem{Summary: "Cannot normalize the container", Detail: err.Error()})
		return res
	}
	res.Known, res.JSON, res.Notes = true, string(out), notes
	return res
}
