package config

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// ruleBlocks returns the label ranges of the rule blocks in source order.
func ruleBlocks(body hcl.Body) []*hcl.Range {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var out []*hcl.Range
	for _, b := range sb.Blocks {
		if b.Type == "rule" {
			r := b.DefRange()
			if len(b.LabelRanges) > 0 {
				r = b.LabelRanges[0]
			}
			out = append(out, r.Ptr())
		}
	}
	return out
}

type ruleLabel struct {
	name string
	rng  *hcl.Range
}

// ruleLabels returns the labels of the rule blocks with their ranges, in
// source order, whatever else is wrong in the blocks.
func ruleLabels(body hcl.Body) []ruleLabel {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var out []ruleLabel
	for _, b := range sb.Blocks {
		if b.Type == "rule" && len(b.Labels) == 1 {
			out = append(out, ruleLabel{name: b.Labels[0], rng: b.LabelRanges[0].Ptr()})
		}
	}
	return out
}

// attrRange returns the range of an attribute's value inside a block.
func attrRange(body hcl.Body, block, attr string) *hcl.Range {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	for _, b := range sb.Blocks {
		if b.Type == block {
			if a, ok := b.Body.Attributes[attr]; ok {
				return a.Expr.Range().Ptr()
			}
		}
	}
	return nil
}
