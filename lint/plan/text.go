package plan

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// Text returns JSON text as UTF-8 without a byte-order mark. Plans are saved
// as users' shells write them: `terraform show -json p > plan.json` in
// Windows PowerShell 5 writes UTF-16 little-endian with a byte-order mark,
// some tools UTF-8 with one. UTF-16 is recognised by its byte-order mark,
// or, without one, by the NUL byte beside the opening brace or bracket
// that every JSON document of ASCII punctuation starts with. Other text is
// returned as it is.
func Text(src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		return src[3:], nil
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return fromUTF16(src[2:], false)
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return fromUTF16(src[2:], true)
	}
	if i := firstNonSpace(src); i < len(src) && isOpen(src[i]) {
		switch {
		case i%2 == 0 && i+1 < len(src) && src[i+1] == 0:
			return fromUTF16(src, false)
		case i%2 == 1 && src[i-1] == 0:
			return fromUTF16(src, true)
		}
	}
	return src, nil
}

func isOpen(c byte) bool { return c == '{' || c == '[' }

// firstNonSpace is the index of the first byte that is neither JSON
// whitespace nor NUL (the other half of a UTF-16 space).
func firstNonSpace(src []byte) int {
	for i, c := range src {
		switch c {
		case ' ', '\t', '\r', '\n', 0:
		default:
			return i
		}
	}
	return len(src)
}

var errOddUTF16 = errors.New("it starts like UTF-16 text but has an odd number of bytes, so part of it is missing; write it again, as UTF-8 if you can (in PowerShell: terraform show -json PLANFILE | Out-File -Encoding utf8 plan.json)")

func fromUTF16(src []byte, bigEndian bool) ([]byte, error) {
	if len(src)%2 != 0 {
		return nil, errOddUTF16
	}
	units := make([]uint16, len(src)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(src[2*i])<<8 | uint16(src[2*i+1])
		} else {
			units[i] = uint16(src[2*i+1])<<8 | uint16(src[2*i])
		}
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}
