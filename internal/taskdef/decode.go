package taskdef

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"
	"sync"

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
		d.fail("", n.Range, "expected a task definition object or a containerDefinitions array, got %s", n.DescribeKind())
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
	// hidden counts the redact:"hide" fields being decoded: inside one, a
	// value of the wrong type is described by its kind alone.
	hidden int
}

// describe says what a scalar n is for an error message: with its value
// where the redaction policy shows it, by its kind alone where the value may
// be a secret. An object or array where the model wants another shape is
// always described by its kind: the redacted copies hide a wrongly shaped
// value of most fields (an environment given as one string), and its
// content would not help.
func (d *decoder) describe(n *tree.Node) string {
	if d.hidden > 0 {
		return n.DescribeKind()
	}
	return n.Describe()
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
	ti := infoOf(v.Type())
	switch ti.kind {
	case kindPointer:
		v.Set(reflect.New(ti.t.Elem()))
		d.decode(v.Elem(), n, path)
	case kindMap:
		d.decodeMap(v.Addr().Interface().(*Map), n, meta)
	case kindValue:
		d.decodeScalar(v, ti, n, meta)
	case kindList:
		d.decodeList(v, ti, n, meta)
	case kindStruct:
		d.decodeStruct(v, ti, n, meta)
	}
}

// typeKind says how decode treats a type.
type typeKind int

const (
	kindOther typeKind = iota
	kindPointer
	kindMap
	kindValue
	kindList
	kindStruct
)

// typeInfo is what decoding needs to know about a type, worked out once per type: reflecting on struct tags
// and field names costs more than decoding the value.
type typeInfo struct {
	t    reflect.Type
	kind typeKind
	// meta, v, items and extra are the indexes of the struct fields Meta, V (of a Value), Items (of a List)
	// and Extra (a map[string]Meta); nil when the type has no such field.
	meta, v, items, extra []int
	// fields are the fields with a JSON name, in declaration order; known holds their names.
	fields []fieldInfo
	known  map[string]bool
}

type fieldInfo struct {
	index int
	name  string
	// hide: the field is tagged redact:"hide", free text that messages do
	// not quote.
	hide bool
}

var typeInfos sync.Map // reflect.Type to *typeInfo

// infoOf returns the typeInfo of t.
func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{t: t}
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		ti.kind = kindPointer
	case t == mapType:
		ti.kind = kindMap
	case isValue(t):
		ti.kind = kindValue
	case isList(t):
		ti.kind = kindList
	case t.Kind() == reflect.Struct:
		ti.kind = kindStruct
	}
	if t.Kind() == reflect.Struct {
		index := func(name string, typ reflect.Type) []int {
			if f, ok := t.FieldByName(name); ok && (typ == nil || f.Type == typ) {
				return f.Index
			}
			return nil
		}
		ti.meta, ti.v, ti.items, ti.extra = index("Meta", metaType), index("V", nil), index("Items", nil), index("Extra", extraType)
		ti.known = map[string]bool{}
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			ti.fields = append(ti.fields, fieldInfo{index: i, name: name, hide: t.Field(i).Tag.Get("redact") == "hide"})
			ti.known[name] = true
		}
	}
	v, _ := typeInfos.LoadOrStore(t, ti)
	return v.(*typeInfo)
}

// metaOf returns the Meta field of v, an addressable struct value with one.
func metaOf(v reflect.Value, ti *typeInfo) *Meta {
	return v.FieldByIndex(ti.meta).Addr().Interface().(*Meta)
}

func isValue(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Value[") && t.PkgPath() == metaType.PkgPath()
}

func isList(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "List[") && t.PkgPath() == metaType.PkgPath()
}

func (d *decoder) decodeStruct(v reflect.Value, ti *typeInfo, n *tree.Node, meta Meta) {
	vm := metaOf(v, ti)
	*vm = meta
	if n.Kind == tree.Unknown {
		markUnknown(v, meta.Path, n.Range)
		return
	}
	if n.Kind != tree.Object {
		*vm = Meta{Path: meta.Path, Range: n.Range}
		d.fail(meta.Path, n.Range, "expected an object, got %s", n.DescribeKind())
		return
	}
	for _, f := range ti.fields {
		child := n.Get(f.name)
		fpath := joinPath(meta.Path, f.name)
		if child == nil {
			// Absent: the zero value, with its path so rules can still point at it.
			setPath(v.Field(f.index), fpath)
			continue
		}
		if f.hide {
			d.hidden++
		}
		d.decode(v.Field(f.index), child, fpath)
		if f.hide {
			d.hidden--
		}
	}
	if ti.extra != nil {
		extra := v.FieldByIndex(ti.extra)
		m := map[string]Meta{}
		for _, f := range n.Fields {
			if !ti.known[f.Key] {
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
		if ti := infoOf(v.Type()); ti.meta != nil {
			metaOf(v, ti).Path = path
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
		ti := infoOf(t)
		if ti.meta != nil {
			*metaOf(v, ti) = Meta{Path: path, Range: rng, Unknown: true}
		}
		if ti.kind != kindStruct {
			return
		}
		for _, f := range ti.fields {
			markUnknown(v.Field(f.index), joinPath(path, f.name), rng)
		}
	}
}

func (d *decoder) decodeList(v reflect.Value, ti *typeInfo, n *tree.Node, meta Meta) {
	vm := metaOf(v, ti)
	*vm = meta
	if n.Kind == tree.Unknown {
		return
	}
	if n.Kind != tree.Array {
		*vm = Meta{Path: meta.Path, Range: n.Range}
		d.fail(meta.Path, n.Range, "expected an array, got %s", n.DescribeKind())
		return
	}
	items := v.FieldByIndex(ti.items)
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
		d.fail(meta.Path, n.Range, "expected an object of strings, got %s", n.DescribeKind())
		return
	}
	m.Entries = make(map[string]Value[string], len(n.Fields))
	for _, f := range n.Fields {
		var val Value[string]
		d.decodeScalar(reflect.ValueOf(&val).Elem(), stringValueInfo, f.Value, Meta{Path: meta.Path + "[" + Quote(f.Key) + "]", Range: f.Value.Range, Set: f.Value.Kind != tree.Null && f.Value.Kind != tree.Unknown, Unknown: f.Value.Kind == tree.Unknown})
		m.Entries[f.Key] = val
	}
}

var (
	minInt = big.NewFloat(math.MinInt64)
	maxInt = big.NewFloat(math.MaxInt64)
)

var stringValueInfo = infoOf(reflect.TypeOf(Value[string]{}))

func (d *decoder) decodeScalar(v reflect.Value, ti *typeInfo, n *tree.Node, meta Meta) {
	vm := metaOf(v, ti)
	*vm = meta
	if !meta.Set {
		return
	}
	x := v.FieldByIndex(ti.v)
	wrong := func(want string) {
		*vm = Meta{Path: meta.Path, Range: n.Range}
		d.fail(meta.Path, n.Range, "expected %s, got %s", want, d.describe(n))
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
