package compose

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// tables are the data sources' fields, each with the function that converts
// a configuration of it and the SDK type of the API object it builds.
var tables = []struct {
	name    string
	fields  []*Field
	convert func(*tree.Node) *tree.Node
	sdk     reflect.Type
}{
	{"ecskit_task_definition", TaskFields, TaskAttributes, reflect.TypeOf(types.TaskDefinition{})},
	{"ecskit_container_definition", ContainerFields, func(n *tree.Node) *tree.Node {
		out, _ := Container(n)
		return out
	}, reflect.TypeOf(types.ContainerDefinition{})},
}

// attrPaths returns every attribute path of the table: each attribute, and
// each element of a list (one per list) with the paths inside it.
func attrPaths(fields []*Field, prefix []AttrStep) [][]AttrStep {
	var out [][]AttrStep
	for _, f := range fields {
		if f.API == "" {
			continue
		}
		p := append(append([]AttrStep(nil), prefix...), AttrStep{Name: f.Name, Index: -1})
		switch f.Kind {
		case Block:
			p[len(p)-1].Index = 0
			out = append(out, p)
			out = append(out, attrPaths(f.Fields, p)...)
		case Object:
			out = append(out, p)
			out = append(out, attrPaths(f.Fields, p)...)
		case Objects, Blocks:
			out = append(out, p)
			e := append(append([]AttrStep(nil), prefix...), AttrStep{Name: f.Name, Index: 0})
			out = append(out, e)
			out = append(out, attrPaths(f.Fields, e)...)
		case Strings, Ints, JSONList:
			out = append(out, p, append(append([]AttrStep(nil), prefix...), AttrStep{Name: f.Name, Index: 0}))
		default:
			out = append(out, p)
		}
	}
	return out
}

func attrString(p []AttrStep) string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
		if s.Index >= 0 {
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		}
	}
	return b.String()
}

// TestAttrPathBothWays: every attribute path of both tables maps to an API
// path and back to itself.
func TestAttrPathBothWays(t *testing.T) {
	for _, tc := range tables {
		n := 0
		for _, p := range attrPaths(tc.fields, nil) {
			api := APIPath(tc.fields, p)
			if api == "" {
				t.Errorf("%s: %s maps to no API path", tc.name, attrString(p))
				continue
			}
			if back := AttrPath(tc.fields, api); attrString(back) != attrString(p) {
				t.Errorf("%s: %s maps to %s, which maps back to %s", tc.name, attrString(p), api, attrString(back))
			}
			n++
		}
		if n < 40 {
			t.Errorf("%s: only %d attribute paths", tc.name, n)
		}
	}
	for api, want := range map[string]string{
		"volumes[1].host":            "volume[1].host_path",
		"volumes[1].host.sourcePath": "volume[1].host_path",
		"volumes[0].efsVolumeConfiguration.authorizationConfig.iam": "volume[0].efs_volume_configuration[0].authorization_config[0].iam",
		"proxyConfiguration.properties[0].value":                    "proxy_configuration[0].properties",
		"volumes[0].dockerVolumeConfiguration.labels[\"a.b\"]":      "volume[0].docker_volume_configuration[0].labels",
		"requiresCompatibilities[1]":                                "requires_compatibilities",
		"containerDefinitions[2].portMappings[0].hostPort":          "containers[2]",
		"tags[0].key":                     "",
		"":                                "",
		"[0]":                             "",
		"volumes[x].name":                 "volume",
		"placementConstraints[0].nope":    "placement_constraints[0]",
		"ephemeralStorage..sizeInGiB":     "ephemeral_storage[0]",
		"runtimePlatform.cpuArchitecture": "runtime_platform[0].cpu_architecture",
	} {
		if got := attrString(AttrPath(TaskFields, api)); got != want {
			t.Errorf("AttrPath(TaskFields, %q) = %q, want %q", api, got, want)
		}
	}
	for api, want := range map[string]string{
		"linuxParameters.devices[1].hostPath":         "linux_parameters.devices[1].host_path",
		"dependsOn[0].condition":                      "container_depends_on[0].condition",
		"command[2]":                                  "command[2]",
		"logConfiguration.options[\"awslogs-group\"]": "log_configuration.options",
		"secrets[0].valueFrom":                        "secrets",
		"someNewField":                                "",
	} {
		if got := attrString(AttrPath(ContainerFields, api)); got != want {
			t.Errorf("AttrPath(ContainerFields, %q) = %q, want %q", api, got, want)
		}
	}
}

// TestConversionFollowsTheTable: a configuration that sets every attribute
// of a table converts to API JSON with each value at the API path the table
// names for it, and nothing else.
func TestConversionFollowsTheTable(t *testing.T) {
	for _, tc := range tables {
		want := map[string]string{}
		cfg := sample(tc.fields, nil, tc.fields, want)
		got := map[string]string{}
		v, ok := tc.convert(cfg).Interface()
		if !ok {
			t.Fatalf("%s: the conversion is not known", tc.name)
		}
		flatten(v, "", got)
		for p, w := range want {
			if got[p] != w {
				t.Errorf("%s: %s is %q, want %q", tc.name, p, got[p], w)
			}
		}
		for p, g := range got {
			if _, ok := want[p]; !ok {
				t.Errorf("%s: the conversion sets %s = %q, which no attribute names", tc.name, p, g)
			}
		}
		if len(want) < 30 {
			t.Errorf("%s: only %d values", tc.name, len(want))
		}
	}
}

// sample builds a configuration that sets every attribute of fields (those
// that set an API member, but for JSONList) to a value of its own, and
// records in want the API leaf path of each value.
func sample(fields []*Field, prefix []AttrStep, top []*Field, want map[string]string) *tree.Node {
	n := &tree.Node{Kind: tree.Object}
	for _, f := range fields {
		if f.API == "" || f.Kind == JSONList {
			continue
		}
		p := append(append([]AttrStep(nil), prefix...), AttrStep{Name: f.Name, Index: -1})
		api := func() string { return APIPath(top, p) }
		s := "v:" + attrString(p)
		var v *tree.Node
		switch f.Kind {
		case String:
			v, want[api()] = &tree.Node{Kind: tree.String, Str: s}, s
		case Int:
			i := int64(len(want) + 1)
			v, want[api()] = &tree.Node{Kind: tree.Number, Num: new(big.Float).SetInt64(i)}, strconv.FormatInt(i, 10)
		case Bool:
			v, want[api()] = &tree.Node{Kind: tree.Bool, Bool: true}, "true"
		case Strings, StringSet:
			v, want[api()+"[0]"] = &tree.Node{Kind: tree.Array, Elems: []*tree.Node{{Kind: tree.String, Str: s}}}, s
		case Ints:
			v, want[api()+"[0]"] = &tree.Node{Kind: tree.Array, Elems: []*tree.Node{{Kind: tree.Number, Num: big.NewFloat(7)}}}, "7"
		case Map:
			v, want[api()+".k"] = &tree.Node{Kind: tree.Object, Fields: []tree.Field{{Key: "k", Value: &tree.Node{Kind: tree.String, Str: s}}}}, s
		case NameValues:
			v = &tree.Node{Kind: tree.Object, Fields: []tree.Field{{Key: "k", Value: &tree.Node{Kind: tree.String, Str: s}}}}
			want[api()+"[0].name"], want[api()+"[0]."+f.ValueKey] = "k", s
		case Object:
			v = sample(f.Fields, p, top, want)
		case Objects, Blocks, Block:
			p[len(p)-1].Index = 0
			v = &tree.Node{Kind: tree.Array, Elems: []*tree.Node{sample(f.Fields, p, top, want)}}
		default:
			continue
		}
		n.Fields = append(n.Fields, tree.Field{Key: f.Name, Value: v})
	}
	return n
}

// flatten records the leaves of a JSON value by path.
func flatten(v any, p string, out map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			flatten(e, strings.TrimPrefix(p+"."+k, "."), out)
		}
	case []any:
		for i, e := range v {
			flatten(e, p+"["+strconv.Itoa(i)+"]", out)
		}
	default:
		out[p] = fmt.Sprint(v)
	}
}

// TestFieldsAreTheSDKs: every API member the tables name is a field of the
// AWS SDK's type for that object, of a kind that fits the attribute's.
func TestFieldsAreTheSDKs(t *testing.T) {
	for _, tc := range tables {
		checkSDK(t, tc.name, tc.fields, tc.sdk)
	}
}

func checkSDK(t *testing.T, where string, fields []*Field, typ reflect.Type) {
	t.Helper()
	named := map[string]bool{}
	for _, f := range fields {
		if f.API == "" {
			continue
		}
		at := where + "." + f.Name
		ft, ok := typ, true
		for _, step := range f.apiSteps() {
			ft = deref(ft)
			var sf reflect.StructField
			if ft.Kind() == reflect.Struct {
				sf, ok = ft.FieldByName(strings.ToUpper(step[:1]) + step[1:])
			} else {
				ok = false
			}
			if !ok {
				t.Errorf("%s: %s is not a field of %s", at, step, ft)
				break
			}
			if ft == deref(typ) {
				named[sf.Name] = true
			}
			ft = sf.Type
		}
		if !ok {
			continue
		}
		if !fits(t, at, f, ft) {
			t.Errorf("%s: the attribute's kind does not fit %s's type %s", at, f.API, ft)
		}
	}
	var unnamed []string
	for i := 0; i < deref(typ).NumField(); i++ {
		if sf := deref(typ).Field(i); sf.IsExported() && !named[sf.Name] {
			unnamed = append(unnamed, sf.Name)
		}
	}
	sort.Strings(unnamed)
	if len(unnamed) > 0 { // extra_json sets them
		t.Logf("%s: %s fields without an attribute: %s", where, deref(typ), strings.Join(unnamed, ", "))
	}
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func fits(t *testing.T, where string, f *Field, typ reflect.Type) bool {
	typ = deref(typ)
	elem := func() reflect.Type {
		if typ.Kind() != reflect.Slice {
			return nil
		}
		return deref(typ.Elem())
	}
	isInt := func(k reflect.Kind) bool { return k == reflect.Int32 || k == reflect.Int64 || k == reflect.Int }
	switch f.Kind {
	case String:
		return typ.Kind() == reflect.String
	case Int:
		return isInt(typ.Kind())
	case Bool:
		return typ.Kind() == reflect.Bool
	case Strings, StringSet:
		return elem() != nil && elem().Kind() == reflect.String
	case Ints:
		return elem() != nil && isInt(elem().Kind())
	case Map:
		return typ.Kind() == reflect.Map && typ.Key().Kind() == reflect.String && deref(typ.Elem()).Kind() == reflect.String
	case NameValues:
		e := elem()
		if e == nil || e.Kind() != reflect.Struct {
			return false
		}
		name, ok1 := e.FieldByName("Name")
		value, ok2 := e.FieldByName(strings.ToUpper(f.ValueKey[:1]) + f.ValueKey[1:])
		return ok1 && ok2 && deref(name.Type).Kind() == reflect.String && deref(value.Type).Kind() == reflect.String
	case Object, Block:
		if typ.Kind() != reflect.Struct {
			return false
		}
		checkSDK(t, where, f.Fields, typ)
		return true
	case Objects, Blocks:
		if elem() == nil || elem().Kind() != reflect.Struct {
			return false
		}
		checkSDK(t, where, f.Fields, elem())
		return true
	case JSONList:
		// Each element is a whole container, checked against its table.
		return elem() == reflect.TypeOf(types.ContainerDefinition{})
	}
	return false
}

// TestRedactionFollowsTheTable: in the redacted copy of a container that
// sets every attribute, each string an attribute sets shows exactly when the
// table's Redact says it shows (a shown parent shows all it holds).
func TestRedactionFollowsTheTable(t *testing.T) {
	res := ContainerJSON(sample(ContainerFields, nil, ContainerFields, map[string]string{}))
	if !res.Known || len(res.Problems) > 0 || len(res.Errors) > 0 {
		t.Fatalf("the sample container does not render: %v %v", res.Problems, res.Errors)
	}
	red, err := RedactContainer(res.JSON)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(fields []*Field, prefix []AttrStep, shown bool, byField bool)
	walk = func(fields []*Field, prefix []AttrStep, shown, byField bool) {
		for _, f := range fields {
			if f.API == "" {
				continue
			}
			p := append(append([]AttrStep(nil), prefix...), AttrStep{Name: f.Name, Index: -1})
			show := shown || (byField && f.Redact == Show)
			switch f.Kind {
			case Object:
				walk(f.Fields, p, show, byField && f.Redact == ByField)
				continue
			case Objects:
				p[len(p)-1].Index = 0
				walk(f.Fields, p, show, false)
				continue
			case String, Strings, StringSet, Map, NameValues:
			default:
				continue
			}
			s := `"v:` + attrString(p) + `"`
			if got := strings.Contains(red, s); got != show {
				t.Errorf("%s: shown in the redacted copy is %t, want %t:\n%s", attrString(p), got, show, red)
			}
			n++
		}
	}
	walk(ContainerFields, nil, false, true)
	if n < 30 {
		t.Errorf("only %d attributes checked", n)
	}
}
