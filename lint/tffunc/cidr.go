package tffunc

import (
	"math/big"
	"net/netip"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

func parsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, function.NewArgErrorf(0, "invalid CIDR expression: %s", err)
	}
	return p.Masked(), nil
}

// addrPlus returns the address base + n, or false when it leaves the address family.
func addrPlus(base netip.Addr, n *big.Int) (netip.Addr, bool) {
	b := base.AsSlice()
	v := new(big.Int).SetBytes(b)
	v.Add(v, n)
	if v.Sign() < 0 || v.BitLen() > len(b)*8 {
		return netip.Addr{}, false
	}
	out := v.FillBytes(make([]byte, len(b)))
	a, _ := netip.AddrFromSlice(out)
	return a, true
}

var cidrSubnetFunc = function.New(&function.Spec{
	Description: "Calculates a subnet address within the given IP network prefix.",
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String}, {Name: "newbits", Type: cty.Number}, {Name: "netnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		var newbits int
		if err := gocty.FromCtyValue(args[1], &newbits); err != nil {
			return cty.NilVal, function.NewArgErrorf(1, "newbits must be a whole number: %s", err)
		}
		bits := p.Addr().BitLen()
		newLen := p.Bits() + newbits
		if newbits < 0 || newLen > bits {
			return cty.NilVal, function.NewArgErrorf(1, "insufficient address space to extend prefix of %d by %d", p.Bits(), newbits)
		}
		netnum := args[2].AsBigFloat()
		if !tree.InRange(netnum) {
			return cty.NilVal, function.NewArgErrorf(2, "prefix extension of %d does not accommodate a subnet numbered %s", newbits, tree.FormatNumber(netnum))
		}
		n, acc := netnum.Int(nil)
		if acc != big.Exact || n.Sign() < 0 || n.BitLen() > newbits {
			return cty.NilVal, function.NewArgErrorf(2, "prefix extension of %d does not accommodate a subnet numbered %s", newbits, tree.FormatNumber(netnum))
		}
		n.Lsh(n, uint(bits-newLen))
		a, ok := addrPlus(p.Addr(), n)
		if !ok {
			return cty.NilVal, function.NewArgErrorf(2, "subnet number is out of range")
		}
		return cty.StringVal(netip.PrefixFrom(a, newLen).String()), nil
	},
})

var cidrHostFunc = function.New(&function.Spec{
	Description: "Calculates a full host IP address within the given IP network prefix.",
	Params:      []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "hostnum", Type: cty.Number}},
	Type:        function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		hf := args[1].AsBigFloat()
		if !tree.InRange(hf) {
			return cty.NilVal, function.NewArgErrorf(1, "prefix of %d bits cannot accommodate host number %s", p.Bits(), tree.FormatNumber(hf))
		}
		h, acc := hf.Int(nil)
		if acc != big.Exact {
			return cty.NilVal, function.NewArgErrorf(1, "hostnum must be a whole number")
		}
		hostBits := p.Addr().BitLen() - p.Bits()
		size := new(big.Int).Lsh(big.NewInt(1), uint(hostBits))
		if h.Sign() < 0 {
			h.Add(h, size)
		}
		if h.Sign() < 0 || h.Cmp(size) >= 0 {
			return cty.NilVal, function.NewArgErrorf(1, "prefix of %d bits cannot accommodate host number %s", p.Bits(), tree.FormatNumber(hf))
		}
		a, ok := addrPlus(p.Addr(), h)
		if !ok {
			return cty.NilVal, function.NewArgErrorf(1, "host number is out of range")
		}
		return cty.StringVal(a.String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Description: "Converts an IPv4 prefix in CIDR notation into a subnet mask address.",
	Params:      []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:        function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if !p.Addr().Is4() {
			return cty.NilVal, function.NewArgErrorf(0, "only IPv4 prefixes have a netmask")
		}
		m := uint32(0)
		if p.Bits() > 0 {
			m = ^uint32(0) << (32 - p.Bits())
		}
		return cty.StringVal(netip.AddrFrom4([4]byte{byte(m >> 24), byte(m >> 16), byte(m >> 8), byte(m)}).String()), nil
	},
})

// cidrSubnetsFunc is Terraform's cidrsubnets: consecutive subnets of prefix, each extending it by the given number
// of bits, each placed at the first aligned address after the one before.
var cidrSubnetsFunc = function.New(&function.Spec{
	Description: "Calculates a sequence of consecutive subnet prefixes within the given IP network prefix.",
	Params:      []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam:    &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:        function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		bits := p.Addr().BitLen()
		out := make([]cty.Value, 0, len(args)-1)
		var cur netip.Prefix
		for i, a := range args[1:] {
			var newbits int
			if err := gocty.FromCtyValue(a, &newbits); err != nil {
				return cty.NilVal, function.NewArgErrorf(i+1, "newbits must be a whole number: %s", err)
			}
			if newbits < 1 {
				return cty.NilVal, function.NewArgErrorf(i+1, "must extend the prefix by at least one bit")
			}
			length := p.Bits() + newbits
			if length > bits {
				return cty.NilVal, function.NewArgErrorf(i+1, "would extend the prefix to %d bits, which is too long for an address of %d bits", length, bits)
			}
			if i == 0 {
				cur = netip.PrefixFrom(p.Addr(), length)
			} else {
				// The block of the new length holding the last address of the previous subnet, then the next one.
				last, _ := addrPlus(cur.Addr(), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits-cur.Bits())), big.NewInt(1)))
				block := netip.PrefixFrom(last, length).Masked()
				next, ok := addrPlus(block.Addr(), new(big.Int).Lsh(big.NewInt(1), uint(bits-length)))
				if !ok || !p.Contains(next) {
					return cty.NilVal, function.NewArgErrorf(i+1, "not enough remaining address space for a subnet with a prefix of %d bits after %s", length, cur)
				}
				cur = netip.PrefixFrom(next, length)
			}
			out = append(out, cty.StringVal(cur.String()))
		}
		return cty.ListVal(out), nil
	},
})
