package compose

import (
	"strconv"
	"strings"
)

// AttrStep is one step of an attribute path: an attribute (or block) name,
// and the index of an element when the attribute is a list.
type AttrStep struct {
	Name string
	// Index is the element's index, or -1 for the whole attribute.
	Index int
}

// AttrPath maps a place in the API object that fields describe, named as
// rules and the decoder name it (volumes[0].efsVolumeConfiguration.rootDirectory),
// to the attribute path that sets it: volume[0], efs_volume_configuration[0],
// root_directory. A Block's element is always index 0. The path stops where
// the attributes stop: at a scalar, a map (its keys are the user's), a set
// (it has no index) or an element of a JSONList (the JSON inside is the
// user's string); it is empty when the first member is no attribute's.
func AttrPath(fields []*Field, apiPath string) []AttrStep {
	steps := splitAPIPath(apiPath)
	var out []AttrStep
	for len(steps) > 0 && fields != nil {
		f, n := fieldAt(fields, steps)
		if f == nil {
			break
		}
		steps = steps[n:]
		step := AttrStep{Name: f.Name, Index: -1}
		fields = nil
		switch f.Kind {
		case Block:
			step.Index, fields = 0, f.Fields
		case Object:
			fields = f.Fields
		case Objects, Blocks, Strings, Ints, JSONList:
			if len(steps) > 0 && steps[0].index >= 0 {
				step.Index, steps = steps[0].index, steps[1:]
				if f.Kind == Objects || f.Kind == Blocks {
					fields = f.Fields
				}
			}
		}
		out = append(out, step)
	}
	return out
}

// APIPath is the inverse of AttrPath: the place in the API object that the
// attribute path sets.
func APIPath(fields []*Field, attr []AttrStep) string {
	var b strings.Builder
	for _, s := range attr {
		f := FieldNamed(fields, s.Name)
		if f == nil || f.API == "" {
			return ""
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(f.API)
		if s.Index >= 0 && f.Kind != Block {
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		}
		fields = f.Fields
	}
	return b.String()
}

// apiStep is a member name or, when name is "", a list index.
type apiStep struct {
	name  string
	index int
}

// splitAPIPath splits an API path into its member names and indexes. It
// stops at anything else, such as a map key (["awslogs-group"]).
func splitAPIPath(p string) []apiStep {
	var out []apiStep
	for p != "" {
		switch {
		case p[0] == '[':
			end := strings.IndexByte(p, ']')
			i, err := strconv.Atoi(p[1:max(end, 1)])
			if end < 0 || err != nil || i < 0 {
				return out
			}
			out, p = append(out, apiStep{index: i}), p[end+1:]
		default:
			if p[0] == '.' && len(out) > 0 {
				p = p[1:]
			}
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			if end == 0 {
				return out
			}
			out, p = append(out, apiStep{name: p[:end], index: -1}), p[end:]
		}
	}
	return out
}

// fieldAt returns the field among fields whose API member begins steps, and
// how many steps its API path takes: host.sourcePath takes two, and a path
// that stops at host is still host_path's.
func fieldAt(fields []*Field, steps []apiStep) (*Field, int) {
	if steps[0].name == "" {
		return nil, 0
	}
	for _, f := range fields {
		if f.API == "" {
			continue
		}
		api := f.apiSteps()
		if api[0] != steps[0].name {
			continue
		}
		n := 1
		for n < len(api) && n < len(steps) && steps[n].name == api[n] {
			n++
		}
		return f, n
	}
	return nil, 0
}
