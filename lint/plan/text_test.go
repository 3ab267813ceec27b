package plan

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var out []byte
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestTextEncodings reads the encodings plans are saved in: PowerShell 5's redirection (UTF-16 LE with a
// byte-order mark), UTF-16 BE, UTF-16 without a mark, UTF-8 with and without one.
func TestTextEncodings(t *testing.T) {
	doc := `{"format_version":"1.2","planned_values":{"root_module":{}},"note":"é ✓ 𝄞"}` + "\r\n"
	for name, src := range map[string][]byte{
		"utf-16le-bom": utf16Bytes(doc, false, true),
		"utf-16be-bom": utf16Bytes(doc, true, true),
		"utf-16le":     utf16Bytes(doc, false, false),
		"utf-16be":     utf16Bytes(doc, true, false),
		"utf-8-bom":    append([]byte{0xEF, 0xBB, 0xBF}, doc...),
		"utf-8":        []byte(doc),
		"utf-16le-ws":  utf16Bytes("\r\n  "+doc, false, false),
	} {
		got, err := Text(src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if want := strings.TrimLeft(string(got), "\r\n "); want != doc {
			t.Errorf("%s: got %q", name, got)
		}
		if !IsPlan(src) {
			t.Errorf("%s: not detected as a plan", name)
		}
		if _, err := Parse(src); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	odd := utf16Bytes(doc, false, true)
	if _, err := Text(odd[:len(odd)-1]); err == nil || !strings.Contains(err.Error(), "Out-File -Encoding utf8") {
		t.Errorf("a truncated UTF-16 file: got %v, want an error that says how to write it again", err)
	}
	// Text that is neither stays as it is, byte for byte.
	latin := []byte("{\"a\":\"\xe9\"}")
	if got, _ := Text(latin); !bytes.Equal(got, latin) {
		t.Errorf("other text changed: %q", got)
	}
}
