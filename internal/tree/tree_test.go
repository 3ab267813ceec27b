package tree

import (
	"math"
	"math/big"
	"testing"
)

// TestNumberText checks the fast path of FormatNumber against the conversion it replaces, at both ends of the
// fast path and past them, at the precision cty numbers have.
func TestNumberText(t *testing.T) {
	ints := []int64{0, 1, -1, 7, 256, 8080, 65535, 99999, 999999, -999999, 1000000, -1000000, 1234567, math.MaxInt64, math.MinInt64}
	var nums []*big.Float
	for _, i := range ints {
		nums = append(nums, new(big.Float).SetPrec(512).SetInt64(i))
	}
	for _, f := range []float64{0.5, -0.25, 1e-7, 1e21, 123456.5, math.Copysign(0, -1)} {
		nums = append(nums, new(big.Float).SetPrec(512).SetFloat64(f))
	}
	huge, _ := new(big.Float).SetPrec(512).SetString("123456789012345678901234567890")
	nums = append(nums, huge)
	for _, f := range nums {
		if got, want := FormatNumber(f), f.Text('g', -1); got != want {
			t.Errorf("FormatNumber(%s) = %q, want %q", want, got, want)
		}
	}
	if got := (&Node{Kind: Number, Num: nums[4]}).Describe(); got != "the number 256" {
		t.Errorf("Describe of 256 = %q, want %q", got, "the number 256")
	}
}
