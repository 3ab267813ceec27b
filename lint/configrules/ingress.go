package configrules

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// securityGroup is an aws_security_group resource instance.
type securityGroup struct {
	inst *module.Instance
}

func (g *graph) securityGroup(in *module.Instance) *securityGroup {
	if sg := g.sgs[in]; sg != nil {
		return sg
	}
	sg := &securityGroup{inst: in}
	g.sgs[in] = sg
	return sg
}

// ingressRule is one ingress rule in any of its three forms: an ingress block (or element of the ingress
// attribute) of aws_security_group, an aws_security_group_rule of type ingress, an
// aws_vpc_security_group_ingress_rule.
type ingressRule struct {
	// target is the security group the rule belongs to; nil when it cannot be followed.
	target *securityGroup
	// targetExternal is true when the target is a literal ID: a group outside the configuration.
	targetExternal bool
	// uncertain is true when the rule may not exist at all (unknown count, for_each or rule type).
	uncertain bool

	rng  hcl.Range // the rule (block or resource)
	addr string    // the resource's address

	// Ports: known is false when the protocol or a port is unknown. all means every protocol and port.
	portsKnown bool
	all        bool
	protocol   string // "tcp", "udp", or another protocol name or number
	from, to   int

	// Sources.
	srcGroups  sgRefs
	cidrs      []string
	cidrRange  hcl.Range
	cidrsKnown bool
	self       tri
	prefixList bool // a prefix list or an unknown prefix-list value: sources not known here
}

// field is one attribute of a rule, from a block body or from an object constructor.
type field struct {
	expr hcl.Expression
	val  cty.Value
	rng  hcl.Range
}

type fields map[string]field

func bodyFields(b *module.Body) fields {
	f := fields{}
	for name, a := range b.Attributes {
		f[name] = field{a.Expr, a.Value, a.Range}
	}
	return f
}

func (f fields) value(name string) cty.Value {
	if x, ok := f[name]; ok {
		return x.val
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

func (f fields) attr(name string) *module.Attribute {
	x, ok := f[name]
	if !ok {
		return nil
	}
	return &module.Attribute{Name: name, Expr: x.expr, Value: x.val, Range: x.rng}
}

// collectIngress reads every ingress rule of the configuration.
func (g *graph) collectIngress() {
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_security_group") {
		sg := g.securityGroup(in)
		for _, b := range in.Body.BlocksOfType("ingress") {
			r := g.classicRule(in, bodyFields(b.Body), b.DefRange)
			r.target, r.uncertain = sg, in.UnknownCount || b.UnknownCount
			g.ingress = append(g.ingress, r)
		}
		if a := in.Body.Attributes["ingress"]; a != nil && !a.Value.IsNull() {
			// The attribute form: ingress = [{ from_port = …, security_groups = [...] }, …].
			for _, f := range g.objectList(a) {
				r := g.classicRule(in, f, a.Range)
				r.target, r.uncertain = sg, in.UnknownCount
				g.ingress = append(g.ingress, r)
			}
		}
	}
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_security_group_rule") {
		f := bodyFields(in.Body)
		typ, ok := knownString(f.value("type"))
		if ok && typ != "ingress" {
			continue
		}
		r := g.classicRule(in, f, in.DefRange)
		r.uncertain = !ok || in.UnknownCount
		g.setTarget(r, in)
		// aws_security_group_rule names its source group in source_security_group_id.
		r.srcGroups = g.sgOne(in, f.attr("source_security_group_id"))
		g.ingress = append(g.ingress, r)
	}
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_vpc_security_group_ingress_rule") {
		g.ingress = append(g.ingress, g.vpcRule(in))
	}
}

// objectList reads a list of object constructors with their expressions; an element that is not one becomes a
// rule with nothing known.
func (g *graph) objectList(a *module.Attribute) []fields {
	elems, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		return []fields{{}}
	}
	var out []fields
	for _, e := range elems {
		pairs, diags := hcl.ExprMap(e)
		if diags.HasErrors() {
			out = append(out, fields{})
			continue
		}
		f := fields{}
		for _, p := range pairs {
			k, diags := p.Key.Value(a.Ctx)
			if diags.HasErrors() || k.IsMarked() || !k.IsKnown() || k.Type() != cty.String {
				continue
			}
			v, diags := p.Value.Value(a.Ctx)
			if diags.HasErrors() {
				v = cty.DynamicVal
			}
			f[k.AsString()] = field{p.Value, v, hcl.RangeBetween(p.Key.Range(), p.Value.Range())}
		}
		out = append(out, f)
	}
	return out
}

func (g *graph) setTarget(r *ingressRule, in *module.Instance) {
	sg := g.sgOne(in, in.Body.Attributes["security_group_id"])
	switch {
	case len(sg.groups) == 1:
		r.target = sg.groups[0]
	case len(sg.literals) == 1:
		r.targetExternal = true
	}
}

// classicRule reads the fields shared by inline ingress blocks and aws_security_group_rule.
func (g *graph) classicRule(in *module.Instance, f fields, rng hcl.Range) *ingressRule {
	r := &ingressRule{rng: rng, addr: in.Address}
	r.setPorts(f.value("protocol"), f.value("from_port"), f.value("to_port"), true)
	r.srcGroups = g.sgList(in, f.attr("security_groups"))
	r.readCIDRs(f, "cidr_blocks", "ipv6_cidr_blocks")
	r.prefixList = !emptyList(f.value("prefix_list_ids"))
	r.self = no
	if v := f.value("self"); !v.IsNull() {
		switch {
		case !v.IsKnown() || v.Type() != cty.Bool:
			r.self = maybe
		case v.True():
			r.self = yes
		}
	}
	return r
}

// vpcRule reads an aws_vpc_security_group_ingress_rule.
func (g *graph) vpcRule(in *module.Instance) *ingressRule {
	f := bodyFields(in.Body)
	r := &ingressRule{rng: in.DefRange, addr: in.Address, uncertain: in.UnknownCount, self: no}
	g.setTarget(r, in)
	r.setPorts(f.value("ip_protocol"), f.value("from_port"), f.value("to_port"), false)
	r.srcGroups = g.sgOne(in, f.attr("referenced_security_group_id"))
	r.readCIDRs(f, "cidr_ipv4", "cidr_ipv6")
	r.prefixList = !f.value("prefix_list_id").IsNull()
	return r
}

// setPorts reads the protocol and port range. Protocol "-1" (or "all") means every port of every protocol.
func (r *ingressRule) setPorts(proto, from, to cty.Value, portsRequired bool) {
	p, ok := knownString(proto)
	if !ok {
		if n, isNum := knownInt(proto); isNum {
			p, ok = itoa(n), true
		}
	}
	if !ok {
		return
	}
	p = strings.ToLower(p)
	switch p {
	case "-1", "all":
		r.all, r.portsKnown = true, true
		return
	case "6":
		p = "tcp"
	case "17":
		p = "udp"
	}
	r.protocol = p
	if p != "tcp" && p != "udp" {
		r.portsKnown = true // another protocol: no TCP or UDP ports
		return
	}
	f, okF := knownInt(from)
	t, okT := knownInt(to)
	if !okF || !okT || f > t {
		// A reversed range (from_port above to_port) is one no AWS source says what it opens, or whether
		// EC2 accepts it: what the rule admits stays unknown, and the rules that need it stay silent.
		return
	}
	r.from, r.to, r.portsKnown = f, t, true
}

func (r *ingressRule) readCIDRs(f fields, names ...string) {
	r.cidrsKnown = true
	for _, name := range names {
		x, ok := f[name]
		if !ok || x.val.IsNull() {
			continue
		}
		if r.cidrRange == (hcl.Range{}) {
			r.cidrRange = x.rng
		}
		v := x.val
		if !v.IsWhollyKnown() || v.IsMarked() {
			r.cidrsKnown = false
			continue
		}
		if v.Type() == cty.String {
			r.cidrs = append(r.cidrs, v.AsString())
			continue
		}
		if !v.CanIterateElements() {
			r.cidrsKnown = false
			continue
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if s, ok := knownString(e); ok {
				r.cidrs = append(r.cidrs, s)
			} else {
				r.cidrsKnown = false
			}
		}
	}
}

func emptyList(v cty.Value) bool {
	if v.IsNull() {
		return true
	}
	if !v.IsKnown() || !v.CanIterateElements() {
		return false
	}
	return v.LengthInt() == 0
}

// opens reports whether the rule admits TCP traffic on some port of rng.
func (r *ingressRule) opens(rng rules.PortRange) tri {
	switch {
	case !r.portsKnown:
		return maybe
	case r.all:
		return yes
	case r.protocol != "tcp":
		return no
	case r.from <= rng.To && r.to >= rng.From:
		return yes
	}
	return no
}

// world returns the CIDR that opens the rule to the whole internet, or "".
func (r *ingressRule) world() string {
	for _, c := range r.cidrs {
		if c == "0.0.0.0/0" || c == "::/0" {
			return c
		}
	}
	return ""
}

// admitsFrom reports whether traffic from the given security groups (a load balancer's) may pass the rule
// into one of targets. A CIDR source may contain the load balancer's addresses, so it counts as admitting.
func (r *ingressRule) admitsFrom(targets sgRefs, from sgRefs) tri {
	target := maybe
	switch {
	case r.target != nil && targets.has(r.target):
		target = yes
	case r.target != nil || r.targetExternal:
		target = no
	}
	src := no
	switch {
	case len(r.cidrs) > 0:
		src = yes
	case !r.cidrsKnown || r.prefixList || !r.srcGroups.complete || r.self == maybe:
		src = maybe
	}
	for _, sg := range r.srcGroups.groups {
		if from.has(sg) {
			src = yes
		}
	}
	for _, lit := range r.srcGroups.literals {
		for _, l := range from.literals {
			if lit == l {
				src = yes
			}
		}
	}
	if r.self == yes && r.target != nil && from.has(r.target) {
		src = yes
	}
	ans := both(target, src)
	if ans == yes && r.uncertain {
		return maybe
	}
	return ans
}

// both combines two answers: no if either is no, yes if both are yes, maybe otherwise.
func both(a, b tri) tri {
	switch {
	case a == no || b == no:
		return no
	case a == yes && b == yes:
		return yes
	}
	return maybe
}

// describe renders the rule's ports for messages: "port 80", "ports 8000-8080", "all ports".
// about identifies the rule in a finding (findings.Finding.About) by its ports and sources: an ingress block of
// aws_security_group is an element of a set, which a plan orders otherwise than the configuration.
func (r *ingressRule) about() []string {
	cidrs := slices.Sorted(slices.Values(r.cidrs)) // cidr_blocks is a list, but a set in the API
	return append(append([]string{"ingress", r.describe()}, cidrs...), sgAddresses(r.srcGroups.groups)...)
}

func (r *ingressRule) describe() string {
	switch {
	case r.all:
		return "all ports"
	case r.protocol != "tcp" && r.protocol != "udp":
		return "protocol " + r.protocol
	case r.from == r.to:
		return r.protocol + " port " + itoa(r.from)
	}
	return r.protocol + " ports " + itoa(r.from) + "-" + itoa(r.to)
}
