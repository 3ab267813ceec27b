package rules

import (
	"errors"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/cql"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// PlacementExpression: a memberOf constraint's expression must be valid
// cluster query language (ecs-facts 14.7). Missing, blank and over-long
// expressions are placement_constraint's.
var PlacementExpression = register(&Rule{
	Meta: Meta{
		Name:     "placement_expression",
		Severity: Error,
		Title:    "Invalid cluster query language expression",
		Summary:  "memberOf expression that is not valid Cluster Query Language (reports the column).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinitionPlacementConstraint.html",
		},
	},
	Check: func(p *Pass) {
		l := p.TD.PlacementConstraints
		if l.Unknown {
			return
		}
		for _, pc := range l.Items {
			expr, ok := pc.Expression.Get()
			if !ok || strings.TrimSpace(expr) == "" || !pc.Type.Is(types.TaskDefinitionPlacementConstraintTypeMemberOf) {
				continue
			}
			_, err := cql.Parse(expr)
			var se *cql.SyntaxError
			if !errors.As(err, &se) {
				continue // valid, or too long (placement_constraint reports the length)
			}
			p.Report(atColumn(pc.Expression.Meta, expr, se.Offset), "The memberOf expression %s is not valid cluster query language at column %d: %s. ECS cannot place tasks with it. Fix the expression (syntax: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html).",
				taskdef.Quote(expr), se.Column, se.Message)
		}
	},
})

// atColumn narrows the location of a string value to the byte offset off
// inside it, when the source holds the string as written between quotes on
// one line (no escapes), so that the finding points at the problem.
func atColumn(m taskdef.Meta, s string, off int) taskdef.Meta {
	r := m.Range
	if r.Filename == "" || r.Start.Line != r.End.Line || r.End.Byte-r.Start.Byte != len(s)+2 || off < 0 || off > len(s) {
		return m
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\\' || s[i] == '"' {
			return m // columns would not match bytes
		}
	}
	start := hcl.Pos{Line: r.Start.Line, Column: r.Start.Column + 1 + off, Byte: r.Start.Byte + 1 + off}
	end := hcl.Pos{Line: r.End.Line, Column: r.End.Column - 1, Byte: r.End.Byte - 1}
	if end.Byte <= start.Byte {
		end = hcl.Pos{Line: start.Line, Column: start.Column + 1, Byte: start.Byte + 1}
	}
	m.Range = hcl.Range{Filename: r.Filename, Start: start, End: end}
	return m
}
