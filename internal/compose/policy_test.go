package compose

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// TestDecodeHidesWhatRedactHides: the task-definition model tags the fields
// whose values its error messages must not quote (redact:"hide"); those are
// exactly the fields whose values the redacted copies hide (Field.Redact),
// row for row, so that a value of the wrong type in a hidden field is
// described by its kind alone.
func TestDecodeHidesWhatRedactHides(t *testing.T) {
	checkRedactTags(t, ContainerFields, reflect.TypeOf(taskdef.Container{}), "containerDefinitions[]", false)
}

func checkRedactTags(t *testing.T, fields []*Field, typ reflect.Type, path string, show bool) {
	t.Helper()
	inTable := map[string]bool{}
	for _, f := range fields {
		if f.API == "" {
			continue
		}
		name := f.apiSteps()[0]
		inTable[name] = true
		sf, ok := jsonField(typ, name)
		if !ok {
			continue // a member the model does not decode: no decode error can quote it
		}
		p := path + "." + name
		hide := sf.Tag.Get("redact") == "hide"
		mode := f.Redact
		if show {
			mode = Show
		}
		switch mode {
		case Show:
			if hide {
				t.Errorf("%s: the table shows it, the model tags it hidden", p)
			}
			noTagsBelow(t, sf.Type, p)
		case Hide, HideArgs, HideCommandArgs:
			if !hide {
				t.Errorf("%s: the table hides it (Redact %d), the model does not tag it redact:\"hide\"", p, f.Redact)
			}
		case HideValues:
			if f.Kind == NameValues {
				if hide {
					t.Errorf("%s: the table shows its names, the model hides the whole list", p)
				}
				elem := structOf(sf.Type)
				if vf, ok := jsonField(elem, f.ValueKey); !ok || vf.Tag.Get("redact") != "hide" {
					t.Errorf("%s: the table hides its %s, the model does not tag it redact:\"hide\"", p, f.ValueKey)
				}
				if nf, ok := jsonField(elem, "name"); !ok || nf.Tag.Get("redact") == "hide" {
					t.Errorf("%s: the table shows its names, the model does not", p)
				}
			} else if !hide {
				t.Errorf("%s: the table hides its values, the model does not tag it redact:\"hide\"", p)
			}
		case ByField:
			if hide {
				t.Errorf("%s: the table shows some of its members, the model hides it whole", p)
			}
			checkRedactTags(t, f.Fields, structOf(sf.Type), p, false)
		}
	}
	// A member the table has no row for is hidden whole by the redacted
	// copies, while a decode error would describe it: the model may decode
	// no such member.
	if typ != nil {
		for i := 0; i < typ.NumField(); i++ {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" && !inTable[name] && !show {
				t.Errorf("%s.%s: the model decodes it but the table has no row for it, so the redacted copies hide it while messages would quote it; add its row", path, name)
			}
		}
	}
}

// jsonField returns the field of struct type typ whose JSON name is name.
func jsonField(typ reflect.Type, name string) (reflect.StructField, bool) {
	if typ == nil {
		return reflect.StructField{}, false
	}
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); n == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// structOf is the struct a model field holds: the pointed-to struct, a
// List's element struct; nil for a Value or a Map.
func structOf(t reflect.Type) reflect.Type {
	for {
		switch {
		case t.Kind() == reflect.Pointer:
			t = t.Elem()
		case t.Kind() == reflect.Slice:
			t = t.Elem()
		case t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "List["):
			f, _ := t.FieldByName("Items")
			t = f.Type
		case t.Kind() == reflect.Struct && (strings.HasPrefix(t.Name(), "Value[") || t.Name() == "Map"):
			return nil
		case t.Kind() == reflect.Struct:
			return t
		default:
			return nil
		}
	}
}

// noTagsBelow fails when a field below t is tagged hidden: the table shows
// the whole value.
func noTagsBelow(t *testing.T, typ reflect.Type, path string) {
	t.Helper()
	s := structOf(typ)
	if s == nil {
		return
	}
	for i := 0; i < s.NumField(); i++ {
		f := s.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		if f.Tag.Get("redact") == "hide" {
			t.Errorf("%s.%s: the table shows it, the model tags it hidden", path, name)
		}
		noTagsBelow(t, f.Type, path+"."+name)
	}
}

// TestCompositionErrorsQuoteNoSecret: the errors of a composition that
// fails (JSON that does not parse, a value of the wrong shape or type in a
// free-text field) say what is wrong without the text at fault, which may
// be a secret.
func TestCompositionErrorsQuoteNoSecret(t *testing.T) {
	const secret = "hunter2-c0mp0se"
	// word is a secret the JSON parser reads as one unquoted word.
	const word = "hunterzwosecret"
	containers := func(elems ...string) *tree.Node {
		l := &tree.Node{Kind: tree.Array}
		for _, e := range elems {
			l.Elems = append(l.Elems, &tree.Node{Kind: tree.String, Str: e})
		}
		return obj(l.Range, tree.Field{Key: "family", Value: str("web", l.Range)}, tree.Field{Key: "containers", Value: l})
	}
	for _, c := range []struct {
		name string
		cfg  *tree.Node
		want string
	}{
		{"unquoted word", containers(`{"name":"web","image":"x","environment":[{"name":"DB_PASSWORD","value":` + word + `}]}`), "Invalid JSON keyword"},
		{"a string, not an object", containers(`"` + secret + `"`), "but it is a string"},
		{"command as a string", containers(`{"name":"web","image":"x","command":"serve --password=` + secret + `"}`), "expected an array, got a string"},
		{"environment as a string", containers(`{"name":"web","image":"x","environment":"DB_PASSWORD=` + secret + `"}`), "expected an array, got a string"},
		{"health check as a string", containers(`{"name":"web","image":"x","healthCheck":"curl -u admin:` + secret + `"}`), "expected an object, got a string"},
		{"a number in environment", containers(`{"name":"web","image":"x","environment":[{"name":"PIN","value":73315}]}`), "expected a string, got a number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Task(c.cfg, rules.Config{})
			var msgs []string
			for _, p := range res.Problems {
				msgs = append(msgs, p.Summary+": "+p.Detail)
			}
			for _, e := range res.DecodeErrors {
				msgs = append(msgs, e.Error())
			}
			for _, f := range res.Findings {
				msgs = append(msgs, f.Message)
			}
			all := strings.Join(msgs, "\n")
			if !strings.Contains(all, c.want) {
				t.Fatalf("no error says %q (else the test shows nothing):\n%s", c.want, all)
			}
			for _, s := range []string{secret, word, "73315"} {
				if strings.Contains(all, s) {
					t.Errorf("an error quotes the value at fault (%s):\n%s", s, all)
				}
			}
		})
	}
	// The extra_json of a container.
	for _, c := range []struct{ name, extra, want string }{
		{"extra_json unquoted word", `{"token": ` + word + `}`, "Invalid JSON keyword"},
		{"extra_json a string", `"` + secret + `"`, "but it is a string"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rng := tree.Node{}.Range
			cfg := obj(rng, tree.Field{Key: "name", Value: str("web", rng)}, tree.Field{Key: "image", Value: str("x", rng)}, tree.Field{Key: "extra_json", Value: str(c.extra, rng)})
			res := ContainerJSON(cfg)
			var msgs []string
			for _, p := range res.Problems {
				msgs = append(msgs, p.Summary+": "+p.Detail)
			}
			all := strings.Join(msgs, "\n")
			if !strings.Contains(all, c.want) {
				t.Fatalf("no error says %q:\n%s", c.want, all)
			}
			if strings.Contains(all, secret) || strings.Contains(all, word) {
				t.Errorf("an error quotes extra_json:\n%s", all)
			}
		})
	}
}
