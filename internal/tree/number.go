package tree

import (
	"fmt"
	"math"
	"math/big"
	"strconv"

	"github.com/zclconf/go-cty/cty"
)

// MaxExp2 bounds the binary exponent of the numbers ecskit writes out exactly: ±1100 is just past the range of a
// JSON double (about ±1.8e308, subnormals down to 4.9e-324). Writing a number in decimal takes time that grows
// with its exponent faster than linearly: 1e9999999, ten bytes of JSON, takes a minute. Numbers beyond the bound
// are never valid in a task definition; FormatNumber writes them approximately.
const MaxExp2 = 1100

// InRange reports whether f is finite and within ±2^MaxExp2 (or zero, or no smaller than 2^-MaxExp2 in
// magnitude): a number that can be written in decimal quickly.
func InRange(f *big.Float) bool {
	if f.IsInf() {
		return false
	}
	if f.Sign() == 0 {
		return true
	}
	e := f.MantExp(nil)
	return e <= MaxExp2 && e >= -MaxExp2
}

// FormatNumber writes f the way %g does, with the fewest digits that read back as f, quickly for any f: numbers
// out of range (see InRange) are written approximately, with seven significant digits ("2e+12201122").
func FormatNumber(f *big.Float) string {
	if i, acc := f.Int64(); acc == big.Exact && i > -1e6 && i < 1e6 && (i != 0 || !f.Signbit()) {
		return strconv.FormatInt(i, 10) // 'g' writes these in plain digits, and the conversion is slow at 512 bits
	}
	if InRange(f) || f.IsInf() {
		return f.Text('g', -1)
	}
	// f = m × 2^e with 0.5 <= |m| < 1, so log10|f| = log10|m| + e·log10(2).
	m := new(big.Float)
	e := f.MantExp(m)
	mf, _ := m.Float64()
	l := math.Log10(math.Abs(mf)) + float64(e)*math.Log10(2)
	exp := math.Floor(l)
	sign := ""
	if f.Signbit() {
		sign = "-"
	}
	return fmt.Sprintf("%s%.7ge%+d", sign, math.Pow(10, l-exp), int64(exp))
}

// MayHoldHugeNumber is a quick test of text (JSON or HCL) for a number literal that may be out of range (see
// InRange): an exponent of three or more digits, or a run of 300 digits. It may also match inside strings and
// comments; a caller that finds a match parses and looks at the numbers themselves.
func MayHoldHugeNumber(src []byte) bool {
	run := 0 // length of the current run of digits
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c >= '0' && c <= '9' {
			if run++; run >= 300 {
				return true
			}
			continue
		}
		if (c == 'e' || c == 'E') && run > 0 {
			j := i + 1
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
			k := j
			for k < len(src) && src[k] >= '0' && src[k] <= '9' {
				k++
			}
			if k-j >= 3 {
				return true
			}
		}
		run = 0
	}
	return false
}

// HasHugeNumber reports whether v holds a known number out of range (see InRange), at any depth.
func HasHugeNumber(v cty.Value) bool {
	v, _ = v.UnmarkDeep()
	return hasHugeNumber(v)
}

func hasHugeNumber(v cty.Value) bool {
	if !v.IsKnown() || v.IsNull() {
		return false
	}
	ty := v.Type()
	switch {
	case ty == cty.Number:
		return !InRange(v.AsBigFloat())
	case ty.IsCollectionType() || ty.IsObjectType() || ty.IsTupleType():
		for it := v.ElementIterator(); it.Next(); {
			if _, e := it.Element(); hasHugeNumber(e) {
				return true
			}
		}
	}
	return false
}
