package compose

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// Container builds one ContainerDefinition from the configuration of
// ecskit_container_definition. extra_json, the escape hatch for fields
// ecskit does not model yet, is merged in; it may not set a field the typed
// attributes already set.
func Container(cfg *tree.Node) (*tree.Node, []Problem) {
	out := convert(cfg, ContainerFields)
	if out == nil || out.Kind != tree.Object {
		return &tree.Node{Kind: tree.Unknown}, nil
	}
	extra := cfg.Get("extra_json")
	if !present(extra) {
		return out, nil
	}
	if extra.Kind != tree.String {
		return &tree.Node{Kind: tree.Unknown, Range: out.Range}, nil
	}
	x, diags := tree.ParseJSON([]byte(extra.Str), "extra_json")
	if diags.HasErrors() {
		return out, []Problem{{Attr: "extra_json", Summary: "Invalid extra_json", Detail: "extra_json is not valid JSON: " + diagText(diags[0]), Range: extra.Range}}
	}
	if x.Kind != tree.Object {
		return out, []Problem{{Attr: "extra_json", Summary: "Invalid extra_json", Detail: "extra_json must be a JSON object of ContainerDefinition fields, but it is " + x.DescribeKind() + ".", Range: extra.Range}}
	}
	var problems []Problem
	for _, f := range x.Fields {
		if out.Get(f.Key) != nil {
			problems = append(problems, Problem{Attr: "extra_json", Summary: "Conflicting extra_json", Detail: "extra_json sets " + f.Key + ", which a typed attribute of this data source already sets. Set it in one place only.", Range: extra.Range})
			continue
		}
		out.Fields = append(out.Fields, tree.Field{Key: f.Key, KeyRange: extra.Range, Value: relocate(f.Value, extra.Range)})
	}
	return out, problems
}

// relocate gives every node of n the range rng: positions inside the
// extra_json string mean nothing in the configuration file.
func relocate(n *tree.Node, rng hcl.Range) *tree.Node {
	n.Range = rng
	for i := range n.Fields {
		n.Fields[i].KeyRange = rng
		relocate(n.Fields[i].Value, rng)
	}
	for _, e := range n.Elems {
		relocate(e, rng)
	}
	return n
}
