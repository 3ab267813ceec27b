package tffunc

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"

	yaml "github.com/zclconf/go-cty-yaml"
	yamlv3 "gopkg.in/yaml.v3"
)

var base64GzipFunc = function.New(&function.Spec{
	Description:  "Compresses a string with gzip and encodes the result in Base64.",
	Params:       []function.Parameter{{Name: "str", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		if _, err := w.Write([]byte(args[0].AsString())); err != nil {
			return cty.NilVal, fmt.Errorf("failed to compress: %s", err)
		}
		if err := w.Flush(); err != nil { // as Terraform: a sync flush, then the end of the stream
			return cty.NilVal, fmt.Errorf("failed to compress: %s", err)
		}
		if err := w.Close(); err != nil {
			return cty.NilVal, fmt.Errorf("failed to compress: %s", err)
		}
		return cty.StringVal(base64.StdEncoding.EncodeToString(b.Bytes())), nil
	},
})

var urlEncodeFunc = function.New(&function.Spec{
	Description:  "Applies URL encoding to a string.",
	Params:       []function.Parameter{{Name: "str", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(url.QueryEscape(args[0].AsString())), nil
	},
})

var textEncodeBase64Func = function.New(&function.Spec{
	Description: "Encodes a string in the given character encoding (an IANA name) and the result in Base64.",
	Params: []function.Parameter{
		{Name: "string", Type: cty.String}, {Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, name, err := ianaEncoding(args[1])
		if err != nil {
			return cty.NilVal, err
		}
		b, err := enc.NewEncoder().Bytes([]byte(args[0].AsString()))
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "the string holds characters that %s cannot represent", name)
		}
		return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
	},
})

var textDecodeBase64Func = function.New(&function.Spec{
	Description: "Decodes Base64 text in the given character encoding (an IANA name) into a string.",
	Params: []function.Parameter{
		{Name: "source", Type: cty.String}, {Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, name, err := ianaEncoding(args[1])
		if err != nil {
			return cty.NilVal, err
		}
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "the source is not valid Base64: %s", err)
		}
		b, err := enc.NewDecoder().Bytes(raw)
		if err != nil || !utf8.Valid(b) {
			return cty.NilVal, function.NewArgErrorf(0, "the source is not valid %s text", name)
		}
		return cty.StringVal(string(b)), nil
	},
})

// MaxDecodedNodes bounds the values yamldecode makes: YAML aliases let a few lines stand for a tree of billions of
// nodes ("billion laughs"), which every later step (jsonencode, the rules) would walk.
const MaxDecodedNodes = 1 << 20

var yamlDecodeFunc = function.New(&function.Spec{
	Description: yaml.YAMLDecodeFunc.Description(),
	Params:      yaml.YAMLDecodeFunc.Params(),
	Type: func(args []cty.Value) (cty.Type, error) {
		// go-cty-yaml finds the type by walking the document with its aliases expanded: check the size first.
		if args[0].IsKnown() && !args[0].IsNull() && expandedYAMLNodes(args[0].AsString()) > MaxDecodedNodes {
			return cty.NilType, function.NewArgErrorf(0, "the YAML document expands (through aliases) to more than %d values, which ecslint does not evaluate", MaxDecodedNodes)
		}
		return yaml.YAMLDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return yaml.YAMLDecodeFunc.Call(args) },
})

// expandedYAMLNodes returns the number of nodes of the YAML documents in src with every alias expanded, counted
// without expanding them (each anchored node is counted once and remembered), and stopping past MaxDecodedNodes.
// A document that gopkg.in/yaml.v3 cannot parse counts 0: go-cty-yaml reports the error.
func expandedYAMLNodes(src string) int {
	if !strings.Contains(src, "*") {
		return 0 // no aliases
	}
	dec := yamlv3.NewDecoder(strings.NewReader(src))
	memo := map[*yamlv3.Node]int{}
	var size func(n *yamlv3.Node, depth int) int
	size = func(n *yamlv3.Node, depth int) int {
		if n == nil || depth > 10000 {
			return 0
		}
		if n.Kind == yamlv3.AliasNode {
			if s, ok := memo[n.Alias]; ok {
				return s
			}
			memo[n.Alias] = 0 // a cycle: go-cty-yaml refuses it
			s := size(n.Alias, depth+1)
			memo[n.Alias] = s
			return s
		}
		total := 1
		for _, c := range n.Content {
			if total += size(c, depth+1); total > MaxDecodedNodes {
				return total
			}
		}
		return total
	}
	total := 0
	for total <= MaxDecodedNodes {
		var doc yamlv3.Node
		if err := dec.Decode(&doc); err != nil {
			return total
		}
		total += size(&doc, 0)
	}
	return total
}

// yamlEncodeFunc is go-cty-yaml's yamlencode, refusing strings that are not UTF-8, on which its emitter never
// returns (rsadecrypt can make such a string).
var yamlEncodeFunc = function.New(&function.Spec{
	Description: "Encodes a value as YAML.",
	Params:      yaml.YAMLEncodeFunc.Params(),
	Type:        function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		bad := false
		_ = cty.Walk(args[0], func(_ cty.Path, v cty.Value) (bool, error) {
			if v.IsKnown() && !v.IsNull() && v.Type() == cty.String && !utf8.ValidString(v.AsString()) {
				bad = true
			}
			return !bad, nil
		})
		if bad {
			return cty.NilVal, function.NewArgErrorf(0, "the value holds a string that is not valid UTF-8, which YAML cannot hold")
		}
		return yaml.YAMLEncodeFunc.Call(args)
	},
})

// ianaEncoding looks up the encoding argument (argument 1) of textencodebase64 and textdecodebase64 by its IANA
// name or alias, and returns it with its canonical name.
func ianaEncoding(arg cty.Value) (encoding.Encoding, string, error) {
	enc, err := ianaindex.IANA.Encoding(arg.AsString())
	if err != nil || enc == nil {
		return nil, "", function.NewArgErrorf(1, "%q is not a supported IANA encoding name or alias", arg.AsString())
	}
	name, _ := ianaindex.IANA.Name(enc)
	return enc, name, nil
}
