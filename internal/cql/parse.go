package cql

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxLength is the longest expression, in characters, that the ECS API
// accepts in a placement constraint.
const MaxLength = 2000

// MaxDepth is how deeply parentheses and not may nest.
const MaxDepth = 100

// maxAttributeName is the longest attribute name PutAttributes accepts.
const maxAttributeName = 128

// SyntaxError reports an expression that is not valid cluster query language.
type SyntaxError struct {
	// Column is the 1-based position of the problem, counted in characters.
	Column int
	// Offset is the byte offset of the problem.
	Offset int
	// Message says what is wrong and how to fix it.
	Message string
}

// Error returns "column N: message".
func (e *SyntaxError) Error() string { return fmt.Sprintf("column %d: %s", e.Column, e.Message) }

// LengthError reports an expression longer than MaxLength characters.
type LengthError struct {
	// Length is the expression's length in characters.
	Length int
}

// Error explains the limit.
func (e *LengthError) Error() string {
	return fmt.Sprintf("the expression is %d characters long, but ECS accepts at most %d; shorten it, or split an and-expression into several memberOf constraints", e.Length, MaxLength)
}

// Parse parses a cluster query language expression. It returns a
// *LengthError if expr is longer than MaxLength characters and a *SyntaxError
// if it is not valid.
func Parse(expr string) (*Expr, error) {
	if n := utf8.RuneCountInString(expr); n > MaxLength {
		return nil, &LengthError{Length: n}
	}
	return parse(expr)
}

// parse parses without the length limit.
func parse(src string) (*Expr, error) {
	p := &parser{src: src}
	p.skipSpace()
	if p.pos == len(src) {
		return nil, p.errorf(p.pos, "the expression is empty; write a condition such as attribute:ecs.instance-type == t2.small")
	}
	root, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.pos < len(src) { // parseAnd stops only at the end or at ")"
		return nil, p.errorf(p.pos, `this ")" has no matching "("; remove it or add the missing "("`)
	}
	return &Expr{Root: root}, nil
}

type parser struct {
	src   string
	pos   int
	depth int
	// last is the condition that ended the last operand, or nil if it ended
	// with ")"; messages use it.
	last *Condition
}

func (p *parser) errorf(off int, format string, args ...any) *SyntaxError {
	return &SyntaxError{
		Column:  utf8.RuneCountInString(p.src[:off]) + 1,
		Offset:  off,
		Message: fmt.Sprintf(format, args...),
	}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		r, size := utf8.DecodeRuneInString(p.src[p.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		p.pos += size
	}
}

// isNameByte reports whether c may appear in a word: a subject, keyword or
// operator word.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == '/' || c == '\\' || c == ':'
}

// word returns the run of name bytes at off.
func (p *parser) word(off int) string {
	end := off
	for end < len(p.src) && isNameByte(p.src[end]) {
		end++
	}
	return p.src[off:end]
}

// found describes what is at off, for messages.
func (p *parser) found(off int) string {
	if off >= len(p.src) {
		return "the end of the expression"
	}
	if w := p.word(off); w != "" {
		if len(w) > 40 {
			w = w[:40] + "..."
		}
		return strconv.Quote(w)
	}
	for _, sym := range []string{"&&", "||", "==", "!=", ">=", "<=", "=~", "!~"} {
		if strings.HasPrefix(p.src[off:], sym) {
			return strconv.Quote(sym)
		}
	}
	r, _ := utf8.DecodeRuneInString(p.src[off:])
	return strconv.Quote(string(r))
}

// connective reports whether op's spelling is at the current position, and
// its length.
func (p *parser) connective(op BoolOp) (int, bool) {
	sym, kw := "&&", "and"
	if op == Or {
		sym, kw = "||", "or"
	}
	if strings.HasPrefix(p.src[p.pos:], sym) {
		return len(sym), true
	}
	if strings.EqualFold(p.word(p.pos), kw) {
		return len(kw), true
	}
	return 0, false
}

func (p *parser) parseOr() (Node, error) {
	x, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for {
		n, ok := p.connective(Or)
		if !ok {
			return x, nil
		}
		p.pos += n
		y, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		x = &Binary{Op: Or, X: x, Y: y}
	}
}

// parseAnd parses an and-chain and leaves the position at the end, at ")" or
// at an or.
func (p *parser) parseAnd() (Node, error) {
	x, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	for {
		p.skipSpace()
		if n, ok := p.connective(And); ok {
			p.pos += n
			y, err := p.parseUnary()
			if err != nil {
				return nil, err
			}
			x = &Binary{Op: And, X: x, Y: y}
			continue
		}
		if _, ok := p.connective(Or); ok || p.pos == len(p.src) || p.src[p.pos] == ')' {
			return x, nil
		}
		return nil, p.afterError()
	}
}

// afterError reports what follows a complete operand where and, or, ")" or
// the end were expected.
func (p *parser) afterError() *SyntaxError {
	c := p.last
	msg := fmt.Sprintf(`expected "and", "or" or the end of the expression after %q, found %s`, lastText(c), p.found(p.pos))
	switch {
	case c != nil && (c.Operator == Exists || c.Operator == NotExists):
		msg += fmt.Sprintf("; %s takes no value, so remove it", c.Operator)
	case p.src[p.pos] == ',':
		msg += "; to compare with several values, use in [a, b]"
	case c != nil && p.word(p.pos) != "":
		msg += "; quote values that contain spaces"
	default:
		msg += "; join conditions with and or or"
	}
	return p.errorf(p.pos, "%s", msg)
}

// lastText returns the last element of c as printed, or ")" for nil.
func lastText(c *Condition) string {
	switch {
	case c == nil:
		return ")"
	case c.Operator == In || c.Operator == NotIn:
		return "]"
	case len(c.Values) > 0:
		return c.Values[len(c.Values)-1].Text
	}
	return c.Operator.String()
}

func (p *parser) parseUnary() (Node, error) {
	p.skipSpace()
	start := p.pos
	if start == len(p.src) {
		return nil, p.errorf(start, "expected a condition such as task:group == web, found the end of the expression; complete or remove the trailing operator")
	}
	notLen := 0
	switch {
	case p.src[start] == '(':
		if p.depth >= MaxDepth {
			return nil, p.errorf(start, "parentheses and not nest more than %d levels deep here; simplify the expression", MaxDepth)
		}
		p.depth++
		p.pos++
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.pos == len(p.src) {
			return nil, p.errorf(start, `this "(" is never closed; add the missing ")"`)
		}
		p.pos++ // ")", see parseAnd
		p.depth--
		p.last = nil
		return x, nil
	case p.src[start] == '!' && !strings.HasPrefix(p.src[start:], "!=") && !strings.HasPrefix(p.src[start:], "!~"):
		notLen = 1
	case strings.EqualFold(p.word(start), "not"):
		notLen = 3
	default:
		return p.parseCondition()
	}
	p.pos += notLen
	p.skipSpace()
	// not(...) is one level, so that !x and its printed form not(x) nest
	// equally deep; the parenthesis counts it.
	counted := p.pos == len(p.src) || p.src[p.pos] != '('
	if counted {
		if p.depth >= MaxDepth {
			return nil, p.errorf(start, "parentheses and not nest more than %d levels deep here; simplify the expression", MaxDepth)
		}
		p.depth++
	}
	x, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	if counted {
		p.depth--
	}
	return &Not{X: x}, nil
}

const subjectList = "agentConnected, agentVersion, attribute:NAME, ec2InstanceId, registeredAt, runningTasksCount or task:group"

var subjectsByLower = map[string]SubjectKind{
	"agentconnected":    AgentConnected,
	"agentversion":      AgentVersion,
	"ec2instanceid":     EC2InstanceID,
	"registeredat":      RegisteredAt,
	"runningtaskscount": RunningTasksCount,
	"task:group":        TaskGroup,
}

// allowed lists the operators the documentation gives for a subject; subjects
// without an entry take every operator.
var allowed = map[SubjectKind][]Operator{
	AgentConnected:    {Equal, NotEqual, In, NotIn, Matches, NotMatches},
	EC2InstanceID:     {Equal, NotEqual, In, NotIn, Matches, NotMatches},
	AgentVersion:      {Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual},
	RegisteredAt:      {Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual},
	RunningTasksCount: {Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual},
}

func (p *parser) parseSubject() (Subject, error) {
	start := p.pos
	w := p.word(start)
	if w == "" {
		return Subject{}, p.errorf(start, "expected a condition such as task:group == web, found %s; start it with %s", p.found(start), subjectList)
	}
	lower := strings.ToLower(w)
	if lower == "and" || lower == "or" {
		return Subject{}, p.errorf(start, "expected a condition such as task:group == web, found %q; remove the extra %s or add the missing condition", w, w)
	}
	p.pos += len(w)
	if kind, ok := subjectsByLower[lower]; ok {
		return Subject{Kind: kind}, nil
	}
	const prefix = "attribute:"
	if !strings.HasPrefix(lower, prefix) {
		msg := fmt.Sprintf("unknown subject %q; use %s", w, subjectList)
		switch {
		case lower == "memberof":
			msg = "write the expression without the memberOf(...) wrapper; the constraint type already says memberOf"
		case strings.Contains(w, ".") && !strings.Contains(w, ":"):
			msg += fmt.Sprintf(" (did you mean attribute:%s?)", w)
		}
		return Subject{}, p.errorf(start, "%s", msg)
	}
	name := w[len(prefix):]
	if name == "" {
		return Subject{}, p.errorf(start+len(prefix), "attribute: needs an attribute name, such as attribute:ecs.instance-type")
	}
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return Subject{}, p.errorf(start+len(prefix)+i, `attribute names may contain only letters, digits and _ - . / \, not ":"; check the attribute name %q`, name)
	}
	if len(name) > maxAttributeName {
		return Subject{}, p.errorf(start+len(prefix), "the attribute name is %d characters long, but ECS allows at most %d; use a shorter name", len(name), maxAttributeName)
	}
	return Subject{Kind: Attribute, Attribute: name}, nil
}

func (p *parser) parseCondition() (Node, error) {
	start := p.pos
	subj, err := p.parseSubject()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	opStart := p.pos
	op, ok := p.parseOperator()
	if !ok {
		msg := fmt.Sprintf("expected an operator after %q, found %s; use one of ==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms", subj.String(), p.found(opStart))
		if opStart < len(p.src) && p.src[opStart] == '=' {
			msg += `; write == (not =) to test equality`
		}
		return nil, p.errorf(opStart, "%s", msg)
	}
	if ops, ok := allowed[subj.Kind]; ok && !hasOperator(ops, op) {
		return nil, p.errorf(opStart, "%s does not take the %s operator; use one of %s", subj, op, operatorList(ops))
	}
	c := &Condition{Subject: subj, Operator: op, Offset: start}
	switch op {
	case Exists, NotExists:
	case In, NotIn:
		if c.Values, err = p.parseList(op); err != nil {
			return nil, err
		}
	default:
		v, err := p.parseValue("after "+op.String(), op == Matches || op == NotMatches)
		if err != nil {
			return nil, err
		}
		c.Values = []Value{v}
	}
	if err := p.checkValues(c); err != nil {
		return nil, err
	}
	p.last = c
	return c, nil
}

func hasOperator(ops []Operator, op Operator) bool {
	for _, o := range ops {
		if o == op {
			return true
		}
	}
	return false
}

func operatorList(ops []Operator) string {
	names := make([]string, len(ops))
	for i, o := range ops {
		names[i] = o.String()
	}
	return strings.Join(names, ", ")
}

// parseOperator reads an operator in any documented spelling.
func (p *parser) parseOperator() (Operator, bool) {
	rest := p.src[p.pos:]
	for _, s := range [...]struct {
		sym string
		op  Operator
	}{{"==", Equal}, {"!=", NotEqual}, {">=", GreaterEqual}, {"<=", LessEqual}, {"=~", Matches}, {"!~", NotMatches}, {">", Greater}, {"<", Less}} {
		if strings.HasPrefix(rest, s.sym) {
			p.pos += len(s.sym)
			return s.op, true
		}
	}
	if strings.HasPrefix(rest, "!") {
		save := p.pos
		p.pos++
		p.skipSpace()
		w := strings.ToLower(p.word(p.pos))
		switch w {
		case "exists":
			p.pos += len(w)
			return NotExists, true
		case "in":
			p.pos += len(w)
			return NotIn, true
		}
		p.pos = save
		return 0, false
	}
	w := p.word(p.pos)
	op, ok := operatorWords[strings.ToLower(w)]
	if ok {
		p.pos += len(w)
	}
	return op, ok
}

// parseList reads the [a, b] argument of in and !in.
func (p *parser) parseList(op Operator) ([]Value, error) {
	p.skipSpace()
	open := p.pos
	if open == len(p.src) || p.src[open] != '[' {
		return nil, p.errorf(open, "expected a list such as [a, b] after %s, found %s; put the values in brackets", op, p.found(open))
	}
	p.pos++
	var values []Value
	for {
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			if len(values) == 0 {
				return nil, p.errorf(p.pos, "the list after %s is empty; add at least one value", op)
			}
			return nil, p.errorf(p.pos, `expected a value after ",", found "]"; remove the trailing comma`)
		}
		v, err := p.parseValue("in the list", false)
		if err != nil {
			return nil, err
		}
		values = append(values, v)
		p.skipSpace()
		switch {
		case p.pos == len(p.src):
			return nil, p.errorf(open, `this "[" is never closed; add the missing "]"`)
		case p.src[p.pos] == ',':
			p.pos++
		case p.src[p.pos] == ']':
			p.pos++
			return values, nil
		default:
			return nil, p.errorf(p.pos, `expected "," or "]" after %q in the list, found %s; separate values with commas and quote values that contain spaces`, v.Text, p.found(p.pos))
		}
	}
}

// scanBare returns how many bytes at the start of s form a bare value.
func scanBare(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || strings.ContainsRune("()[],'\"", r) {
			break
		}
		if (r == '&' || r == '|') && i+1 < len(s) && s[i+1] == s[i] {
			break
		}
		i += size
	}
	return i
}

// parseValue reads one bare or quoted value; where says where it stands, for
// messages.
func (p *parser) parseValue(where string, pattern bool) (Value, error) {
	p.skipSpace()
	start := p.pos
	if start == len(p.src) {
		return Value{}, p.errorf(start, "expected a value %s, found the end of the expression; add the value", where)
	}
	if q := p.src[start]; q == '\'' || q == '"' {
		end := strings.IndexByte(p.src[start+1:], q)
		if end < 0 {
			return Value{}, p.errorf(start, "this quoted value is never closed; add the closing %c", q)
		}
		p.pos = start + 1 + end + 1
		v := Value{Text: p.src[start+1 : start+1+end], Offset: start + 1}
		if pattern {
			if _, prob := scanPattern(v.Text, false); prob != nil {
				return Value{}, p.patternError(v, prob)
			}
		}
		return v, nil
	}
	var n int
	if pattern {
		var prob *problem
		n, prob = scanPattern(p.src[start:], true)
		if prob != nil {
			return Value{}, p.patternError(Value{Text: p.src[start : start+n], Offset: start}, prob)
		}
	} else {
		if p.src[start] == '[' {
			return Value{}, p.errorf(start, "expected a single value %s, found a list; use in or !in to compare with a list", where)
		}
		n = scanBare(p.src[start:])
	}
	if n == 0 {
		return Value{}, p.errorf(start, "expected a value %s, found %s; add the value, quoted if it contains spaces or brackets", where, p.found(start))
	}
	p.pos = start + n
	return Value{Text: p.src[start:p.pos], Offset: start}, nil
}

func (p *parser) patternError(v Value, prob *problem) *SyntaxError {
	return p.errorf(v.Offset+prob.at, "the Java regular expression %q %s", v.Text, prob.msg)
}

// registeredAtLayouts are the documented registeredAt formats. The first
// covers both 2018-06-18T22:28:28+00:00 and 2018-06-18T22:28:28Z.
var registeredAtLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"}

// checkValues applies the documented value rules of some subjects.
func (p *parser) checkValues(c *Condition) error {
	if c.Operator == Matches || c.Operator == NotMatches {
		return nil
	}
	for _, v := range c.Values {
		switch c.Subject.Kind {
		case AgentConnected:
			if !strings.EqualFold(v.Text, "true") && !strings.EqualFold(v.Text, "false") {
				return p.errorf(v.Offset, "agentConnected compares with true or false, not %q; write true or false", v.Text)
			}
		case RunningTasksCount:
			if _, err := strconv.ParseInt(v.Text, 10, 64); err != nil {
				return p.errorf(v.Offset, "runningTasksCount compares with a whole number, not %q; write a number such as 3", v.Text)
			}
		case RegisteredAt:
			if !isDate(v.Text) {
				return p.errorf(v.Offset, "registeredAt compares with a date in one of the forms 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18, not %q; rewrite the date in one of them", v.Text)
			}
		}
	}
	return nil
}

func isDate(s string) bool {
	for _, layout := range registeredAtLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
