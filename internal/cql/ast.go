package cql

import "strings"

// Expr is a parsed cluster query language expression.
type Expr struct {
	// Root is the top node: a *Condition, *Not or *Binary.
	Root Node
}

// String prints the expression in normalized form: documented spellings,
// symbolic operators, single spaces, values quoted only where needed and
// parentheses only where precedence needs them.
func (e *Expr) String() string { return e.Root.String() }

// Conditions returns every simple condition of the expression in source order.
func (e *Expr) Conditions() []*Condition {
	var out []*Condition
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case *Condition:
			out = append(out, n)
		case *Not:
			walk(n.X)
		case *Binary:
			walk(n.X)
			walk(n.Y)
		}
	}
	walk(e.Root)
	return out
}

// Node is one node of the expression tree: *Condition, *Not or *Binary.
type Node interface {
	String() string
	node()
}

// BoolOp is a Boolean connective.
type BoolOp int

// The Boolean connectives.
const (
	And BoolOp = iota // "and" or "&&"
	Or                // "or" or "||"
)

// String returns "and" or "or".
func (o BoolOp) String() string {
	if o == And {
		return "and"
	}
	return "or"
}

// Binary is X and Y, or X or Y.
type Binary struct {
	Op   BoolOp
	X, Y Node
}

func (*Binary) node() {}

// String prints both sides, adding parentheses around an or inside an and.
func (b *Binary) String() string {
	side := func(n Node) string {
		if inner, ok := n.(*Binary); ok && b.Op == And && inner.Op == Or {
			return "(" + n.String() + ")"
		}
		return n.String()
	}
	return side(b.X) + " " + b.Op.String() + " " + side(b.Y)
}

// Not negates X.
type Not struct {
	X Node
}

func (*Not) node() {}

// String prints not(X).
func (n *Not) String() string { return "not(" + n.X.String() + ")" }

// SubjectKind says what a condition tests.
type SubjectKind int

// The documented subjects.
const (
	AgentConnected SubjectKind = iota
	AgentVersion
	Attribute
	EC2InstanceID
	RegisteredAt
	RunningTasksCount
	TaskGroup
)

var subjectNames = [...]string{
	AgentConnected:    "agentConnected",
	AgentVersion:      "agentVersion",
	Attribute:         "attribute:",
	EC2InstanceID:     "ec2InstanceId",
	RegisteredAt:      "registeredAt",
	RunningTasksCount: "runningTasksCount",
	TaskGroup:         "task:group",
}

// Subject is the left side of a condition.
type Subject struct {
	Kind SubjectKind
	// Attribute is the attribute name when Kind is Attribute, such as
	// "ecs.instance-type"; empty otherwise.
	Attribute string
}

// String returns the documented spelling, such as "attribute:stack".
func (s Subject) String() string { return subjectNames[s.Kind] + s.Attribute }

// Operator is a comparison operator.
type Operator int

// The documented operators. Each has a symbol or word and a word spelling;
// String returns the first in the comment.
const (
	Equal        Operator = iota // == equals
	NotEqual                     // != not_equals
	Greater                      // > greater_than
	GreaterEqual                 // >= greater_than_equal
	Less                         // < less_than
	LessEqual                    // <= less_than_equal
	Exists                       // exists
	NotExists                    // !exists not_exists
	In                           // in
	NotIn                        // !in not_in
	Matches                      // =~ matches
	NotMatches                   // !~ not_matches
)

var operatorSymbols = [...]string{"==", "!=", ">", ">=", "<", "<=", "exists", "!exists", "in", "!in", "=~", "!~"}

var operatorWords = map[string]Operator{
	"equals": Equal, "not_equals": NotEqual, "greater_than": Greater,
	"greater_than_equal": GreaterEqual, "less_than": Less, "less_than_equal": LessEqual,
	"exists": Exists, "not_exists": NotExists, "in": In, "not_in": NotIn,
	"matches": Matches, "not_matches": NotMatches,
}

// String returns the short spelling, such as "==" or "!in".
func (o Operator) String() string { return operatorSymbols[o] }

// Condition is a single subject operator [argument] test.
type Condition struct {
	Subject  Subject
	Operator Operator
	// Values holds no value for exists and !exists, the list items for in and
	// !in, and one value otherwise.
	Values []Value
	// Offset is the byte offset of the subject in the source.
	Offset int
}

func (*Condition) node() {}

// String prints subject, operator and argument separated by single spaces.
func (c *Condition) String() string {
	var b strings.Builder
	b.WriteString(c.Subject.String())
	b.WriteByte(' ')
	b.WriteString(c.Operator.String())
	switch c.Operator {
	case Exists, NotExists:
	case In, NotIn:
		b.WriteString(" [")
		for i, v := range c.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quote(v.Text, false))
		}
		b.WriteByte(']')
	default:
		for _, v := range c.Values {
			b.WriteByte(' ')
			b.WriteString(quote(v.Text, c.Operator == Matches || c.Operator == NotMatches))
		}
	}
	return b.String()
}

// Value is one argument value, with quotes removed.
type Value struct {
	Text string
	// Offset is the byte offset of Text in the source (after an opening quote).
	Offset int
}

// quote returns text as it must be written to read back as one value: bare
// when it scans as a whole bare value, otherwise in quotes.
func quote(text string, pattern bool) string {
	var n int
	if pattern {
		var p *problem
		n, p = scanPattern(text, true)
		if p != nil {
			n = -1
		}
	} else {
		n = scanBare(text)
	}
	if text != "" && n == len(text) {
		return text
	}
	if strings.ContainsRune(text, '\'') {
		return `"` + text + `"`
	}
	return "'" + text + "'"
}
