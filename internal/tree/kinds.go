package tree

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// isConstructor reports whether expr is a literal tuple or object written in
// the source, whose elements have ranges of their own.
func isConstructor(expr hcl.Expression) bool {
	switch expr.(type) {
	case *hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsExpr:
		return true
	case *hclsyntax.ParenthesesExpr:
		return false
	}
	// JSON expressions (hcl/v2/json) are unexported; they list and map themselves.
	_, isList := expr.(exprLister)
	_, isMap := expr.(exprMapper)
	return isList && isMap && !isNative(expr)
}

func isNative(expr hcl.Expression) bool {
	_, ok := expr.(hclsyntax.Expression)
	return ok
}

func isTuple(expr hcl.Expression) bool {
	_, ok := expr.(*hclsyntax.TupleConsExpr)
	return ok
}

func isObject(expr hcl.Expression) bool {
	_, ok := expr.(*hclsyntax.ObjectConsExpr)
	return ok
}
