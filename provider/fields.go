package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
)

// The data sources' schemas are derived from compose.TaskFields and
// compose.ContainerFields, the one table of their attributes.

// attributesOf returns the schema attributes among fields (nil when none).
func attributesOf(fields []*compose.Field) map[string]schema.Attribute {
	var out map[string]schema.Attribute
	for _, f := range fields {
		if f.IsBlock() {
			continue
		}
		if out == nil {
			out = map[string]schema.Attribute{}
		}
		out[f.Name] = attributeOf(f)
	}
	return out
}

// blocksOf returns the schema blocks among fields (nil when none).
func blocksOf(fields []*compose.Field) map[string]schema.Block {
	var out map[string]schema.Block
	for _, f := range fields {
		if !f.IsBlock() {
			continue
		}
		if out == nil {
			out = map[string]schema.Block{}
		}
		if f.Kind == compose.Block {
			out[f.Name] = singleBlock(f.Description, attributesOf(f.Fields), blocksOf(f.Fields))
		} else {
			out[f.Name] = schema.ListNestedBlock{
				MarkdownDescription: f.Description,
				NestedObject:        schema.NestedBlockObject{Attributes: attributesOf(f.Fields), Blocks: blocksOf(f.Fields)},
			}
		}
	}
	return out
}

func attributeOf(f *compose.Field) schema.Attribute {
	req, comp, opt, sens, desc := f.Required, f.Computed, !f.Required && !f.Computed, f.Sensitive, f.Description
	switch f.Kind {
	case compose.Int:
		return schema.Int64Attribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, MarkdownDescription: desc}
	case compose.Bool:
		return schema.BoolAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, MarkdownDescription: desc}
	case compose.Strings, compose.Ints, compose.JSONList:
		elem := attr.Type(types.StringType)
		if f.Kind == compose.Ints {
			elem = types.Int64Type
		}
		return schema.ListAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, ElementType: elem, MarkdownDescription: desc}
	case compose.StringSet:
		return schema.SetAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, ElementType: types.StringType, MarkdownDescription: desc}
	case compose.Map, compose.NameValues:
		return schema.MapAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, ElementType: types.StringType, MarkdownDescription: desc}
	case compose.Object:
		return schema.SingleNestedAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, Attributes: attributesOf(f.Fields), MarkdownDescription: desc}
	case compose.Objects:
		if comp {
			// A computed list of objects (findings) is a plain value.
			return schema.ListAttribute{Computed: true, Sensitive: sens, ElementType: objectTypeOf(f.Fields), MarkdownDescription: desc}
		}
		return schema.ListNestedAttribute{Required: req, Optional: opt, Sensitive: sens, NestedObject: schema.NestedAttributeObject{Attributes: attributesOf(f.Fields)}, MarkdownDescription: desc}
	default: // String, JSON
		return schema.StringAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens, MarkdownDescription: desc}
	}
}

// objectTypeOf is the object type of the attributes among fields.
func objectTypeOf(fields []*compose.Field) types.ObjectType {
	out := types.ObjectType{AttrTypes: map[string]attr.Type{}}
	for _, f := range fields {
		out.AttrTypes[f.Name] = attributeOf(f).GetType()
	}
	return out
}
