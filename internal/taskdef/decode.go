package taskdef

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Error is a value of the wrong type at a place in the task definition.
type Error struct {
	Path    string
	Range   hcl.Range
	Message string
}

func (e *Error) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Errors is a list of decoding errors.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Diagnostics turns the errors into HCL diagnostics with their ranges.
func (es Errors) Diagnostics() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, e := range es {
		d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid task definition", Detail: e.Error() + "."}
		if e.Range.Filename != "" {
			r := e.Range
			d.Subject = &r
		}
		diags = append(diags, d)
	}
	return diags
}

// Decode reads a task definition from a tree: a RegisterTaskDefinition input,
// a describe-task-definition output (with its "taskDefinition" wrapper) or a
// bare containerDefinitions array. Values of the wrong type are errors with
// their field path; the task definition is still returned, without them.
func Decode(n *tree.Node) (*TaskDefinition, Errors) {
	td := &TaskDefinition{Source: n}
	d := &decoder{}
	if n != nil && n.Kind == tree.Object {
		if inner := n.Get("taskDefinition"); inner != nil && inner.Kind == tree.Object && n.Get("containerDefinitions") == nil {
			n = inner
			td.Source = inner
		}
	}
	switch {
	case n == nil:
		d.fail("", hcl.Range{}, "expected a task definition object or a containerDefinitions array, got nothing")
	case n.Kind == tree.Array:
		td.Meta = Meta{Set: true, Range: n.Range}
		d.decode(reflect.ValueOf(&td.ContainerDefinitions).Elem(), n, "containerDefinitions")
	case n.Kind == tree.Object || n.Kind == tree.Unknown:
		d.decode(reflect.ValueOf(td).Elem(), n, "")
	default:
		d.fail("", n.Range, "expected a task definition object or a containerDefinitions array, got %s", n.Describe())
	}
	return td, d.errs
}

// DecodeContainer reads one container definition object.
func DecodeContainer(n *tree.Node, path string) (*Container, Errors) {
	c := &Container{}
	d := &decoder{}
	d.decode(reflect.ValueOf(c).Elem(), n, path)
	return c, d.errs
}

type decoder struct {
	errs Errors
}

func (d *decoder) fail(path string, rng hcl.Range, format string, args ...any) {
	d.errs = append(d.errs, &Error{Path: path, Range: rng, Message: fmt.Sprintf(format, args...)})
}

var (
	metaType   = reflect.TypeOf(Meta{})
	mapType    = reflect.TypeOf(Map{})
	extraType  = reflect.TypeOf(map[string]Meta{})
	sourceType = reflect.TypeOf((*tree.Node)(nil))
)

// decode fills v (addressable) from n at path.
func (d *decoder) decode(v reflect.Value, n *tree.Node, path string) {
	meta := Meta{Path: path, Range: n.Range, Set: n.Kind != tree.Null && n.Kind != tree.Unknown, Unknown: n.Kind == tree.Unknown}
	if n.Kind == tree.Null {
		return
	}
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		v.Set(reflect.New(t.Elem()))
		d.decode(v.Elem(), n, path)
	case t == mapType:
		d.decodeMap(v.Addr().Interface().(*Map), n, meta)
	case isValue(t):
		d.decodeScalar(v, n, meta)
	case isList(t):
		d.decodeList(v, n, meta)
	case t.Kind() == reflect.Struct:
		d.decodeStruct(v, n, meta)
	}
}

func isValue(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Value[") && t.PkgPath() == metaType.PkgPath()
}

func isList(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "List[") && t.PkgPath() == metaType.PkgPath()
}

func (d *decoder) decodeStruct(v reflect.Value, n *tree.Node, meta Meta) {
	v.FieldByName("Meta").Set(reflect.ValueOf(meta))
	if n.Kind == tree.Unknown {
		markUnknown(v, meta.Path, n.Range)
		return
	}
	if n.Kind != tree.Object {
		v.FieldByName("Meta").Set(reflect.ValueOf(Meta{Path: meta.Path, Range: n.Range}))
		d.fail(meta.Path, n.Range, "expected an object, got %s", n.Describe())
		return
	}
	t := v.Type()
	known := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		known[name] = true
		child := n.Get(name)
		fpath := joinPath(meta.Path, name)
		if child == nil {
			// Absent: the zero value, with its path so rules can still point at it.
			setPath(v.Field(i), fpath)
			continue
		}
		d.decode(v.Field(i), child, fpath)
	}
	if extra := v.FieldByName("Extra"); extra.IsValid() && extra.Type() == extraType {
		m := map[string]Meta{}
		for _, f := range n.Fields {
			if !known[f.Key] {
				m[f.Key] = Meta{Path: joinPath(meta.Path, f.Key), Range: f.KeyRange, Set: true, Unknown: f.Value.Kind == tree.Unknown}
			}
		}
		if len(m) > 0 {
			extra.Set(reflect.ValueOf(m))
		}
	}
}

// setPath records the path of an absent scalar, list or map field.
func setPath(v reflect.Value, path string) {
	if v.Kind() == reflect.Struct {
		if m := v.FieldByName("Meta"); m.IsValid() && m.Type() == metaType {
			m.FieldByName("Path").SetString(path)
		}
	}
}

// markUnknown marks every field below v as unknown: nothing under an unknown
// value is certainly absent.
func markUnknown(v reflect.Value, path string, rng hcl.Range) {
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		v.Set(reflect.New(t.Elem()))
		markUnknown(v.Elem(), path, rng)
	case t.Kind() == reflect.Struct:
		if m := v.FieldByName("Meta"); m.IsValid() && m.Type() == metaType {
			m.Set(reflect.ValueOf(Meta{Path: path, Range: rng, Unknown: true}))
		}
		if isValue(t) || isList(t) || t == mapType {
			return
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			markUnknown(v.Field(i), joinPath(path, name), rng)
		}
	}
}

func (d *decoder) decodeList(v reflect.Value, n *tree.Node, meta Meta) {
	v.FieldByName("Meta").Set(reflect.ValueOf(meta))
	if n.Kind == tree.Unknown {
		return
	}
	if n.Kind != tree.Array {
		v.FieldByName("Meta").Set(reflect.ValueOf(Meta{Path: meta.Path, Range: n.Range}))
		d.fail(meta.Path, n.Range, "expected an array, got %s", n.Describe())
		return
	}
	items := v.FieldByName("Items")
	s := reflect.MakeSlice(items.Type(), len(n.Elems), len(n.Elems))
	for i, e := range n.Elems {
		d.decode(s.Index(i), e, indexPath(meta.Path, i))
		if e.Kind == tree.Null {
			// A null element is kept as a zero item with its place, never a nil pointer.
			setNull(s.Index(i), indexPath(meta.Path, i), e.Range)
		}
	}
	items.Set(s)
}

func setNull(v reflect.Value, path string, rng hcl.Range) {
	if v.Kind() == reflect.Pointer {
		v.Set(reflect.New(v.Type().Elem()))
		v = v.Elem()
	}
	if m := v.FieldByName("Meta"); m.IsValid() && m.Type() == metaType {
		m.Set(reflect.ValueOf(Meta{Path: path, Range: rng}))
	}
}

func (d *decoder) decodeMap(m *Map, n *tree.Node, meta Meta) {
	m.Meta = meta
	if n.Kind == tree.Unknown {
		return
	}
	if n.Kind != tree.Object {
		m.Meta = Meta{Path: meta.Path, Range: n.Range}
		d.fail(meta.Path, n.Range, "expected an object of strings, got %s", n.Describe())
		return
	}
	m.Entries = make(map[string]Value[string], len(n.Fields))
	for _, f := range n.Fields {
		var val Value[string]
		d.decodeScalar(reflect.ValueOf(&val).Elem(), f.Value, Meta{Path: meta.Path + "[" + Quote(f.Key) + "]", Range: f.Value.Range, Set: f.Value.Kind != tree.Null && f.Value.Kind != tree.Unknown, Unknown: f.Value.Kind == tree.Unknown})
		m.Entries[f.Key] = val
	}
}

var (
	minInt = big.NewFloat(math.MinInt64)
	maxInt = big.NewFloat(math.MaxInt64)
)

func (d *decoder) decodeScalar(v reflect.Value, n *tree.Node, meta Meta) {
	v.FieldByName("Meta").Set(reflect.ValueOf(meta))
	if !meta.Set {
		return
	}
	x := v.FieldByName("V")
	wrong := func(want string) {
		v.FieldByName("Meta").Set(reflect.ValueOf(Meta{Path: meta.Path, Range: n.Range}))
		d.fail(meta.Path, n.Range, "expected %s, got %s", want, n.Describe())
	}
	switch x.Kind() {
	case reflect.String:
		if n.Kind != tree.String {
			wrong("a string")
			return
		}
		x.SetString(n.Str)
	case reflect.Int64:
		if n.Kind != tree.Number {
			wrong("a number")
			return
		}
		if !n.Num.IsInt() || n.Num.Cmp(minInt) < 0 || n.Num.Cmp(maxInt) > 0 {
			wrong("a whole number")
			return
		}
		i, _ := n.Num.Int64()
		x.SetInt(i)
	case reflect.Bool:
		if n.Kind != tree.Bool {
			wrong("true or false")
			return
		}
		x.SetBool(n.Bool)
	}
}
