package taskdef

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Meta says where a value sits in the task definition and in the source, and
// whether it is known.
type Meta struct {
	// Path is the field path in API terms: containerDefinitions[0].portMappings[1].hostPort.
	Path string
	// Range is where the value is written; zero when the source has no positions.
	Range hcl.Range
	// Set means the field is present and not null.
	Set bool
	// Unknown means the value is only known at apply time (or is sensitive):
	// rules stay silent about it.
	Unknown bool
}

// Meta returns m itself, so that every model type can be passed where a
// location is wanted.
func (m Meta) Loc() Meta { return m }

// Absent reports whether the field is certainly not given.
func (m Meta) Absent() bool { return !m.Set && !m.Unknown }

// Locator is anything with a place in the task definition.
type Locator interface{ Loc() Meta }

// Value is a scalar field: a string (or an enum of the AWS SDK), an integer
// or a boolean.
type Value[T any] struct {
	Meta
	V T
}

// Known reports whether the value is given and known.
func (v Value[T]) Known() bool { return v.Set && !v.Unknown }

// Get returns the value and whether it is known.
func (v Value[T]) Get() (T, bool) { return v.V, v.Set && !v.Unknown }

// Is reports whether the value is known and equal to x.
func (v Value[T]) Is(x T) bool {
	return v.Known() && fmt.Sprint(v.V) == fmt.Sprint(x)
}

// List is an array field.
type List[T any] struct {
	Meta
	Items []T
}

// Known reports whether the list is known (it may still hold unknown items).
func (l List[T]) Known() bool { return !l.Unknown }

// Map is an object of strings, such as log options or docker labels.
type Map struct {
	Meta
	Entries map[string]Value[string]
}

// Quote renders a string for a message.
func Quote(s string) string { return strconv.Quote(s) }

// QuoteOr renders values for a message as "A", "B" or "C".
func QuoteOr(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// joinPath appends a member name to a path.
func joinPath(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

func indexPath(base string, i int) string { return base + "[" + strconv.Itoa(i) + "]" }
