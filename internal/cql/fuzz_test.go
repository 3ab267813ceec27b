package cql

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, that every syntax error points
// inside the input (or just past its end), and that the normalized form
// parses back to itself.
func FuzzParse(f *testing.F) {
	for _, tc := range docExamples {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		e, err := Parse(in)
		if err != nil {
			var se *SyntaxError
			if errors.As(err, new(*LengthError)) {
				return
			}
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) returned %T, want *SyntaxError or *LengthError", in, err)
			}
			if se.Offset < 0 || se.Offset > len(in) {
				t.Fatalf("Parse(%q): offset %d outside the input", in, se.Offset)
			}
			if want := utf8.RuneCountInString(in[:se.Offset]) + 1; se.Column != want {
				t.Fatalf("Parse(%q): column %d, want %d for offset %d", in, se.Column, want, se.Offset)
			}
			if se.Message == "" {
				t.Fatalf("Parse(%q): empty message", in)
			}
			return
		}
		out := e.String()
		// The normalized form may be longer than the input, so parse it
		// without the length limit.
		again, err := parse(out)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q, which does not parse: %v", in, out, err)
		}
		if got := again.String(); got != out {
			t.Fatalf("Parse(%q).String() = %q, but that parses to %q", in, out, got)
		}
	})
}
