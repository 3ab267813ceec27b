package module

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

var dynamicContentSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "for_each", Required: true}, {Name: "iterator"}, {Name: "labels"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
}

// body evaluates a block body. Native syntax gives its blocks directly; other bodies (JSON) are read with schema.
// At the top of a resource, meta-arguments are left out.
func (l *loader) body(b hcl.Body, schema *BlockSchema, ctx *hcl.EvalContext, top bool) *Body {
	out := &Body{Attributes: map[string]*Attribute{}}
	if sb, ok := b.(*hclsyntax.Body); ok {
		out.Range = sb.SrcRange
		for _, name := range sortedKeys(sb.Attributes) { // in a fixed order, so are the warnings
			if top && resourceMeta[name] {
				continue
			}
			a := sb.Attributes[name]
			out.Attributes[name] = l.attribute(name, a.Expr, a.SrcRange, ctx)
		}
		for _, blk := range sb.Blocks {
			if top && resourceMeta[blk.Type] {
				continue
			}
			l.block(blk.AsHCLBlock(), schema, ctx, out)
		}
		return out
	}

	// A JSON body knows only its closing brace; the range is widened below to start at its first attribute, so
	// that the elements of a block array ("ingress": [{…}, {…}]), which share one DefRange, can be told apart.
	out.Range = b.MissingItemRange()
	bs := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "dynamic", LabelNames: []string{"type"}}}}
	if schema != nil {
		for _, name := range sortedKeys(schema.Blocks) {
			bs.Blocks = append(bs.Blocks, hcl.BlockHeaderSchema{Type: name})
		}
	}
	content, rest, diags := b.PartialContent(bs)
	l.diags = append(l.diags, l.evalDiags(diags)...)
	attrs, diags := rest.JustAttributes()
	l.diags = append(l.diags, l.evalDiags(diags)...)
	for _, a := range sortedAttrs(attrs) {
		name := a.Name
		out.Attributes[name] = l.attribute(name, a.Expr, a.Range, ctx)
		if a.Range.Start.Byte < out.Range.Start.Byte && a.Range.Filename == out.Range.Filename {
			out.Range = hcl.RangeBetween(a.Range, out.Range)
		}
	}
	for _, blk := range content.Blocks {
		l.block(blk, schema, ctx, out)
	}
	return out
}

// block appends blk, or the blocks a dynamic block generates, to out.
func (l *loader) block(blk *hcl.Block, schema *BlockSchema, ctx *hcl.EvalContext, out *Body) {
	if blk.Type != "dynamic" {
		if l.take(1, blk.DefRange) {
			out.Blocks = append(out.Blocks, &Block{Type: blk.Type, Labels: blk.Labels, DefRange: blk.DefRange,
				Body: l.body(blk.Body, schema.child(blk.Type), ctx, false)})
		}
		return
	}
	warn := func(rng hcl.Range, detail string) {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Invalid dynamic block",
			Detail: detail + " ecslint ignores this dynamic block.", Subject: rng.Ptr()})
	}
	if len(blk.Labels) != 1 {
		warn(blk.DefRange, "A dynamic block needs one label, the type of the blocks it generates.")
		return
	}
	typ := blk.Labels[0]
	content, diags := blk.Body.Content(dynamicContentSchema)
	l.diags = append(l.diags, l.evalDiags(diags)...)
	if diags.HasErrors() {
		return
	}
	if len(content.Blocks) != 1 {
		warn(blk.DefRange, "A dynamic block needs exactly one content block.")
		return
	}
	iterator := typ
	if a := content.Attributes["iterator"]; a != nil {
		if iterator = hcl.ExprAsKeyword(a.Expr); iterator == "" {
			warn(a.Expr.Range(), "The iterator argument must be a bare name, such as iterator = rule.")
			return
		}
	}
	childSchema := schema.child(typ)
	body := content.Blocks[0].Body
	emit := func(key, val cty.Value, unknown bool) {
		ictx := ctx.NewChild()
		ictx.Variables = map[string]cty.Value{iterator: cty.ObjectVal(map[string]cty.Value{"key": key, "value": val})}
		var labels []string
		if a := content.Attributes["labels"]; a != nil {
			lv := l.eval(a.Expr, ictx)
			if !lv.IsWhollyKnown() || lv.IsNull() || !(lv.Type().IsListType() || lv.Type().IsTupleType()) {
				return
			}
			for it := lv.ElementIterator(); it.Next(); {
				_, e := it.Element()
				if e.Type() != cty.String || e.IsNull() {
					return
				}
				labels = append(labels, e.AsString())
			}
		}
		out.Blocks = append(out.Blocks, &Block{Type: typ, Labels: labels, DefRange: blk.DefRange,
			Body: l.body(body, childSchema, ictx, false), UnknownCount: unknown})
	}
	fe := content.Attributes["for_each"]
	v := l.eval(fe.Expr, ctx)
	ty := v.Type()
	switch {
	case !v.IsKnown():
		if l.take(1, blk.DefRange) {
			emit(cty.DynamicVal, cty.DynamicVal, true)
		}
	case v.IsNull():
		warn(fe.Expr.Range(), "The for_each argument of a dynamic block must not be null.")
	case !(ty.IsCollectionType() || ty.IsTupleType() || ty.IsObjectType()):
		warn(fe.Expr.Range(), fmt.Sprintf("The for_each argument of a dynamic block must be a collection, not a %s.", ty.FriendlyName()))
	case v.LengthInt() > MaxInstances:
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid expansion",
			Detail:  fmt.Sprintf("This dynamic block generates %d blocks; ecslint expands at most %d.", v.LengthInt(), MaxInstances),
			Subject: fe.Expr.Range().Ptr()})
	default:
		if !l.take(v.LengthInt(), blk.DefRange) {
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			emit(k, e, false)
		}
	}
}

// attribute evaluates one attribute.
func (l *loader) attribute(name string, expr hcl.Expression, rng hcl.Range, ctx *hcl.EvalContext) *Attribute {
	call, ok := expr.(*hclsyntax.FunctionCallExpr)
	vars := readVars(expr.Variables(), l.refVars)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 || call.ExpandFinal {
		return &Attribute{Name: name, Expr: expr, Range: rng, Value: l.eval(expr, ctx), Ctx: ctx, Vars: vars}
	}
	if err := l.jsonBudget(); err != nil {
		// jsonencode would refuse: not even evaluated, as its argument would be walked for every instance.
		if !l.jsonStopped {
			l.jsonStopped = true
			l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "JSON budget exhausted",
				Detail: err.Error() + ".", Subject: rng.Ptr()})
		}
		return &Attribute{Name: name, Expr: expr, Range: rng, Value: cty.UnknownVal(cty.String), Ctx: ctx, Vars: vars}
	}
	// The arguments of a call are evaluated before it, so the call that records last is this one, if it
	// was made: it is, when evaluation has no errors.
	l.jsonArg = cty.NilVal
	val, diags := expr.Value(ctx)
	arg := l.jsonArg
	l.jsonArg = cty.NilVal
	if len(diags) > 0 {
		l.diags = append(l.diags, l.evalDiags(diags)...)
	}
	if diags.HasErrors() {
		val, arg = cty.DynamicVal, cty.NilVal
	}
	// The JSON's sensitive strings are recorded as the redaction policy reads a sensitive JSON string; the
	// argument it encodes holds the same values.
	if val = l.unmarkSensitive(val); arg != cty.NilVal {
		arg = unmarkSensitive(arg, nil)
	}
	return &Attribute{Name: name, Expr: expr, Range: rng, Value: val, Ctx: ctx, JSONArg: arg, Vars: vars}
}
