package module

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Tree returns the body as a JSON-shaped tree with source ranges, the form the task-definition model decodes
// (internal/taskdef, internal/compose): attributes by name (in sorted order), those written as object or tuple
// literals with a range per element, any other at its expression with its evaluated value; the blocks of the
// types schema names (in sorted order of type) as lists of objects, each with its block header's range; a list
// whose blocks a dynamic block with an unknown for_each generates is unknown. Blocks of other types are left
// out. The root takes rng (a block header, where findings about the whole body are shown).
//
// It is the one place where ecslint turns a body into a tree: the task-definition rules and the configuration
// rules read the same trees.
func (b *Body) Tree(schema *BlockSchema, rng hcl.Range) *tree.Node {
	n := &tree.Node{Kind: tree.Object, Range: rng}
	for _, name := range b.AttributeNames() {
		a := b.Attributes[name]
		n.Fields = append(n.Fields, tree.Field{Key: name, KeyRange: a.Range, Value: a.Tree()})
	}
	if schema == nil {
		return n
	}
	types := make([]string, 0, len(schema.Blocks))
	for t := range schema.Blocks {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		blocks := b.BlocksOfType(t)
		if len(blocks) == 0 {
			continue
		}
		list := &tree.Node{Kind: tree.Array, Range: blocks[0].DefRange}
		for _, blk := range blocks {
			if blk.UnknownCount {
				list = &tree.Node{Kind: tree.Unknown, Range: blk.DefRange}
				break
			}
			list.Elems = append(list.Elems, blk.Body.Tree(schema.Blocks[t], blk.DefRange))
		}
		n.Fields = append(n.Fields, tree.Field{Key: t, KeyRange: blocks[0].DefRange, Value: list})
	}
	return n
}

// Tree returns the attribute's value as a tree: an object or tuple literal is walked for its elements' ranges;
// anything else is the evaluated value at the expression.
func (a *Attribute) Tree() *tree.Node {
	switch a.Expr.(type) {
	case *hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsExpr:
		if n, diags := tree.FromExpr(a.Expr, a.Ctx); n != nil && !diags.HasErrors() {
			return n
		}
	}
	return tree.FromValue(a.Value, a.Expr.Range())
}
