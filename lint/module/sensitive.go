package module

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// unmarkSensitive returns v without its sensitive marks (tffunc.Sensitive: sensitive(), and variables
// declared sensitive, as Terraform marks them), and adds the strings of its sensitive parts to l.sensitive,
// so that the rules read them as any other value and nothing ecslint prints quotes them (Config.Sensitive).
// Within one expression the functions see the marks as Terraform's do (issensitive, nonsensitive); the
// values the evaluator keeps hold none, so that no code that reads them meets a marked value.
func (l *loader) unmarkSensitive(v cty.Value) cty.Value {
	return unmarkSensitive(v, l.addSensitive)
}

// unmarkSensitive strips v's sensitive marks, giving each sensitive part to found when found is not nil.
func unmarkSensitive(v cty.Value, found func(cty.Value)) cty.Value {
	if !v.ContainsMarked() {
		return v
	}
	unmarked, pvms := v.UnmarkDeepWithPaths()
	var others []cty.PathValueMarks
	for _, pvm := range pvms {
		if _, ok := pvm.Marks[tffunc.Sensitive]; !ok {
			others = append(others, pvm)
			continue
		}
		if found != nil {
			if part, err := pvm.Path.Apply(unmarked); err == nil {
				found(part)
			} else {
				found(unmarked)
			}
		}
		if len(pvm.Marks) > 1 {
			rest := cty.NewValueMarks()
			for m := range pvm.Marks {
				if m != tffunc.Sensitive {
					rest[m] = struct{}{}
				}
			}
			others = append(others, cty.PathValueMarks{Path: pvm.Path, Marks: rest})
		}
	}
	return unmarked.MarkWithPaths(others)
}

// addSensitive records the known strings of a sensitive value.
func (l *loader) addSensitive(v cty.Value) {
	if l.sensitive == nil {
		l.sensitive = map[string]bool{}
	}
	sensitiveStrings(v, l.sensitive, 0)
}

func sensitiveStrings(v cty.Value, out map[string]bool, depth int) {
	if depth > tree.MaxDepth || !v.IsKnown() || v.IsNull() || v.IsMarked() {
		return
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		out[v.AsString()] = true
	case ty.IsCollectionType() || ty.IsObjectType() || ty.IsTupleType():
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if ty.IsMapType() && k.Type() == cty.String {
				out[k.AsString()] = true
			}
			sensitiveStrings(e, out, depth+1)
		}
	}
}
