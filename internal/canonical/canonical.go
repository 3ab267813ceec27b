package canonical

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and objects the package accepts. Real task definitions nest
// fewer than ten levels; the limit keeps hostile input from costing unbounded work.
const MaxDepth = 100

// Options describe task-level context that changes how containers are normalized.
type Options struct {
	// NetworkMode is the task's network mode: "awsvpc", "bridge", "host", "none", or "" when the task
	// definition does not set one (bridge on Linux). Only "awsvpc" changes the result: a port mapping
	// without hostPort gets hostPort = containerPort, as AWS stores it.
	NetworkMode string
}

// Warning reports an input entry that the canonical form had to change in a way the user should know
// about, for example an environment variable dropped because its value is empty.
type Warning struct {
	// Path locates the entry in the input, for example "[0].environment[2]".
	Path string
	// Message is a full sentence that says what happened and how to fix the input.
	Message string
}

func (w Warning) String() string {
	return w.Path + ": " + w.Message
}

// Error is returned for input that cannot be normalized: invalid JSON (Line and Column are set, both
// 1-based, Column counted in characters) or JSON of the wrong shape (Path is set).
type Error struct {
	Path   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Path != "":
		return fmt.Sprintf("line %d, column %d: %s: %s", e.Line, e.Column, e.Path, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
	case e.Path != "":
		return e.Path + ": " + e.Msg
	default:
		return e.Msg
	}
}

// ContainerDefinitions normalizes a JSON array of container definitions (the value of
// aws_ecs_task_definition.container_definitions) and returns its canonical JSON text.
func ContainerDefinitions(src []byte, opts Options) ([]byte, []Warning, error) {
	v, err := decode(src)
	if err != nil {
		return nil, nil, err
	}
	n := normalizer{opts: opts}
	out, err := n.containers(v, "")
	if err != nil {
		return nil, nil, err
	}
	b, err := encode(out)
	return b, n.warnings, err
}

// Container normalizes one container definition object and returns its canonical JSON text.
func Container(src []byte, opts Options) ([]byte, []Warning, error) {
	v, err := decode(src)
	if err != nil {
		return nil, nil, err
	}
	n := normalizer{opts: opts}
	out, err := n.container(v, "")
	if err != nil {
		return nil, nil, err
	}
	b, err := encode(out)
	return b, n.warnings, err
}

// TaskDefinition normalizes a whole RegisterTaskDefinition input object: its containerDefinitions are
// normalized with the task's networkMode, null members are dropped, and keys are sorted. A
// DescribeTaskDefinition output ({"taskDefinition": {...}}) is accepted too; the inner object is normalized
// and the wrapper kept.
func TaskDefinition(src []byte) (Task, []Warning, error) {
	v, err := decode(src)
	if err != nil {
		return Task{}, nil, err
	}
	n := normalizer{}
	out, td, err := n.taskDefinition(v)
	if err != nil {
		return Task{}, nil, err
	}
	whole, err := encode(out)
	if err != nil {
		return Task{}, nil, err
	}
	defs, err := encode(td["containerDefinitions"])
	return Task{JSON: whole, ContainerDefinitions: defs}, n.warnings, err
}

// Task is a task definition in canonical form.
type Task struct {
	// JSON is the whole input, normalized.
	JSON []byte
	// ContainerDefinitions is its containerDefinitions array alone, as the container_definitions argument of
	// aws_ecs_task_definition takes it.
	ContainerDefinitions []byte
}

// decode parses one JSON value, keeping numbers as their text.
func decode(src []byte) (any, error) {
	if err := checkDepth(src); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.As(err, &syn):
			return nil, errorAt(src, int(syn.Offset)-1, "invalid JSON: "+syn.Error()+".")
		case errors.Is(err, io.EOF):
			return nil, &Error{Msg: "the input is empty; expected a JSON value."}
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, errorAt(src, len(src), "invalid JSON: the input ends before the value is complete; close every string, array and object.")
		default:
			return nil, &Error{Msg: "invalid JSON: " + err.Error() + "."}
		}
	}
	rest := src[dec.InputOffset():]
	if i := bytes.IndexFunc(rest, func(r rune) bool { return !isSpace(r) }); i >= 0 {
		return nil, errorAt(src, int(dec.InputOffset())+i, "invalid JSON: unexpected text after the value; the input must hold exactly one JSON value.")
	}
	return v, nil
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r'
}

// checkDepth rejects input nested deeper than MaxDepth before it is decoded.
func checkDepth(src []byte) error {
	depth := 0
	inString, escaped := false, false
	for i, c := range src {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > MaxDepth {
				return errorAt(src, i, fmt.Sprintf("the JSON is nested more than %d levels deep; flatten it.", MaxDepth))
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return nil
}

// errorAt builds an Error whose line and column locate byte offset off of src.
func errorAt(src []byte, off int, msg string) *Error {
	off = max(0, min(off, len(src)))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return &Error{Line: line, Column: utf8.RuneCount(src[start:off]) + 1, Msg: msg}
}

// encode writes v as compact JSON with sorted keys, no HTML escaping and no trailing newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
