package tree

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// MaxDepth bounds the nesting of arrays and objects that ecskit accepts. Task
// definitions nest about eight levels deep; anything far deeper is hostile.
const MaxDepth = 64

// ParseJSON parses a JSON document into a tree whose ranges point into src,
// named filename. Syntax errors come back as diagnostics with line and column.
func ParseJSON(src []byte, filename string) (*Node, hcl.Diagnostics) {
	return ParseJSONAt(src, filename, hcl.InitialPos)
}

// ParseJSONAt is ParseJSON for JSON that starts at pos inside a larger file,
// such as a heredoc in a .tf file.
func ParseJSONAt(src []byte, filename string, pos hcl.Pos) (*Node, hcl.Diagnostics) {
	if d := checkDepth(src, filename, pos); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	expr, diags := hcljson.ParseExpressionWithStartPos(src, filename, pos)
	if diags.HasErrors() {
		return nil, quoteless(diags)
	}
	n, more := FromExpr(expr, nil)
	return n, append(diags, more...)
}

// quoteless rewrites the parser's diagnostics that quote the text at fault
// (an unquoted word: "\"hunter2\" is not a valid JSON keyword") so that they
// say what is wrong without it: the JSON may be a container definition full
// of secrets, and its error is printed in clear text (ecskit's redaction
// policy, compose.Field.Redact). The suggestion of true, false or null stays.
func quoteless(diags hcl.Diagnostics) hcl.Diagnostics {
	for _, d := range diags {
		if d.Summary != "Invalid JSON keyword" {
			continue
		}
		suggest := ""
		for _, kw := range []string{"true", "false", "null"} {
			if strings.HasSuffix(d.Detail, ` Did you mean "`+kw+`"?`) {
				suggest = ` Did you mean "` + kw + `"?`
			}
		}
		d.Detail = "A word outside double quotes must be true, false or null; put a string in double quotes." + suggest
	}
	return diags
}

// checkDepth rejects documents nested deeper than MaxDepth before the
// recursive parser sees them.
func checkDepth(src []byte, filename string, start hcl.Pos) *hcl.Diagnostic {
	depth, inString, escaped := 0, false, false
	line, col := start.Line, start.Column
	for i, b := range src {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
		case b == '"':
			inString = true
		case b == '[' || b == '{':
			depth++
			if depth > MaxDepth {
				p := hcl.Pos{Line: line, Column: col, Byte: start.Byte + i}
				return &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "JSON nested too deeply",
					Detail:   fmt.Sprintf("Arrays and objects are nested more than %d levels deep here; a task definition never needs that.", MaxDepth),
					Subject:  &hcl.Range{Filename: filename, Start: p, End: hcl.Pos{Line: p.Line, Column: p.Column + 1, Byte: p.Byte + 1}},
				}
			}
		case b == ']' || b == '}':
			depth--
		}
		if b == '\n' {
			line, col = line+1, 1
		} else if b < 0x80 || b >= 0xC0 {
			col++
		}
	}
	return nil
}

// FromExpr builds a tree from an HCL expression, following object and tuple
// constructors (native syntax and JSON) so that every element keeps its own
// range. Other expressions are evaluated in ctx and converted with FromValue.
func FromExpr(expr hcl.Expression, ctx *hcl.EvalContext) (*Node, hcl.Diagnostics) {
	return fromExpr(expr, ctx, 0)
}

type exprLister interface{ ExprList() []hcl.Expression }
type exprMapper interface{ ExprMap() []hcl.KeyValuePair }

func fromExpr(expr hcl.Expression, ctx *hcl.EvalContext, depth int) (*Node, hcl.Diagnostics) {
	if depth > MaxDepth {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Value nested too deeply",
			Detail:   fmt.Sprintf("Arrays and objects are nested more than %d levels deep here.", MaxDepth),
			Subject:  expr.Range().Ptr(),
		}}
	}
	rng := expr.Range()
	if isConstructor(expr) {
		if l, ok := expr.(exprLister); ok {
			if elems := l.ExprList(); elems != nil || isTuple(expr) {
				n := &Node{Kind: Array, Range: rng, Elems: make([]*Node, 0, len(elems))}
				var diags hcl.Diagnostics
				for _, e := range elems {
					c, d := fromExpr(e, ctx, depth+1)
					diags = append(diags, d...)
					if c == nil {
						return nil, diags
					}
					n.Elems = append(n.Elems, c)
				}
				return n, diags
			}
		}
		if m, ok := expr.(exprMapper); ok {
			if pairs := m.ExprMap(); pairs != nil || isObject(expr) {
				n := &Node{Kind: Object, Range: rng, Fields: make([]Field, 0, len(pairs))}
				var diags hcl.Diagnostics
				for _, kv := range pairs {
					kval, d := kv.Key.Value(ctx)
					diags = append(diags, d...)
					if d.HasErrors() {
						return nil, diags
					}
					if !kval.IsWhollyKnown() || kval.IsNull() || !kval.Type().Equals(cty.String) {
						// A key Terraform will only learn later: the whole object is unknown.
						v, d := expr.Value(ctx)
						diags = append(diags, d...)
						return FromValue(v, rng), diags
					}
					c, d := fromExpr(kv.Value, ctx, depth+1)
					diags = append(diags, d...)
					if c == nil {
						return nil, diags
					}
					n.Fields = append(n.Fields, Field{Key: kval.AsString(), KeyRange: kv.Key.Range(), Value: c})
				}
				return n, diags
			}
		}
	}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return nil, diags
	}
	return FromValue(v, rng), diags
}

// FromValue converts a cty value to a tree; every node gets rng. Unknown and
// sensitive (marked) values become Unknown nodes.
func FromValue(v cty.Value, rng hcl.Range) *Node {
	return fromValue(v, rng, 0)
}

func fromValue(v cty.Value, rng hcl.Range, depth int) *Node {
	if v.IsMarked() || !v.IsKnown() || depth > MaxDepth {
		return &Node{Kind: Unknown, Range: rng}
	}
	if v.IsNull() {
		return &Node{Kind: Null, Range: rng}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return &Node{Kind: String, Str: v.AsString(), Range: rng}
	case ty == cty.Number:
		return &Node{Kind: Number, Num: v.AsBigFloat(), Range: rng}
	case ty == cty.Bool:
		return &Node{Kind: Bool, Bool: v.True(), Range: rng}
	case ty.IsObjectType() || ty.IsMapType():
		n := &Node{Kind: Object, Range: rng}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			n.Fields = append(n.Fields, Field{Key: k.AsString(), KeyRange: rng, Value: fromValue(e, rng, depth+1)})
		}
		return n
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		n := &Node{Kind: Array, Range: rng}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.Elems = append(n.Elems, fromValue(e, rng, depth+1))
		}
		return n
	}
	return &Node{Kind: Unknown, Range: rng}
}
