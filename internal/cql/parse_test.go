package cql

import (
	"errors"
	"strings"
	"testing"
)

// docExamples are the example expressions of the ECS cluster query language
// page (ecs-facts.md 14.7), with the String each must normalize to.
var docExamples = []struct{ in, want string }{
	{"attribute:ecs.instance-type == t2.small", "attribute:ecs.instance-type == t2.small"},
	{"attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"},
	{"attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d", "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d"},
	{"task:group == service:production", "task:group == service:production"},
	{"not(task:group == database)", "not(task:group == database)"},
	{"runningTasksCount == 1", "runningTasksCount == 1"},
	{"agentVersion < 1.14.5", "agentVersion < 1.14.5"},
	{"registeredAt < 2018-02-13", "registeredAt < 2018-02-13"},
	{"ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", "ec2InstanceId in [i-abcd1234, i-wxyx7890]"},
	{"attribute:stack != prod", "attribute:stack != prod"},
	{"attribute:ecs.instance-type in [t2.small, t2.medium]", "attribute:ecs.instance-type in [t2.small, t2.medium]"},
	// The memberOf(...) page example, without the wrapper and with its placeholder.
	{"attribute:ecs.os-family == WINDOWS_SERVER_<release>_<FULL|CORE>", "attribute:ecs.os-family == WINDOWS_SERVER_<release>_<FULL|CORE>"},
	{"attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL", "attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL"},
	{"(attribute:a exists or attribute:b exists) and attribute:c exists", "(attribute:a exists or attribute:b exists) and attribute:c exists"},
}

func TestParseDocExamples(t *testing.T) {
	for _, tc := range docExamples {
		e, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := e.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseConditionFields(t *testing.T) {
	e, err := Parse(`ec2InstanceId in ['i-abcd1234', "i-wxyx7890", i-3] and attribute:ecs.instance-type exists`)
	if err != nil {
		t.Fatal(err)
	}
	cs := e.Conditions()
	if len(cs) != 2 {
		t.Fatalf("got %d conditions, want 2", len(cs))
	}
	c := cs[0]
	if c.Subject.Kind != EC2InstanceID || c.Operator != In || c.Offset != 0 {
		t.Errorf("first condition = %+v", c)
	}
	var texts []string
	for _, v := range c.Values {
		texts = append(texts, v.Text)
	}
	if got := strings.Join(texts, "|"); got != "i-abcd1234|i-wxyx7890|i-3" {
		t.Errorf("values = %q", got)
	}
	if c.Values[0].Offset != 19 || c.Values[2].Offset != 46 {
		t.Errorf("value offsets = %d, %d; want 19, 46", c.Values[0].Offset, c.Values[2].Offset)
	}
	d := cs[1]
	if d.Subject != (Subject{Kind: Attribute, Attribute: "ecs.instance-type"}) || d.Operator != Exists || d.Values != nil {
		t.Errorf("second condition = %+v", d)
	}
}

func TestOperatorSpellings(t *testing.T) {
	for _, tc := range []struct {
		spelling, arg string
		want          Operator
	}{
		{"==", " x", Equal}, {"equals", " x", Equal}, {"EQUALS", " x", Equal},
		{"!=", " x", NotEqual}, {"not_equals", " x", NotEqual},
		{">", " x", Greater}, {"greater_than", " x", Greater},
		{">=", " x", GreaterEqual}, {"greater_than_equal", " x", GreaterEqual},
		{"<", " x", Less}, {"less_than", " x", Less},
		{"<=", " x", LessEqual}, {"less_than_equal", " x", LessEqual},
		{"exists", "", Exists},
		{"!exists", "", NotExists}, {"! exists", "", NotExists}, {"not_exists", "", NotExists},
		{"in", " [x]", In},
		{"!in", " [x]", NotIn}, {"not_in", " [x]", NotIn}, {"NOT_IN", " [x]", NotIn},
		{"=~", " x.*", Matches}, {"matches", " x.*", Matches},
		{"!~", " x.*", NotMatches}, {"not_matches", " x.*", NotMatches},
	} {
		in := "attribute:stack " + tc.spelling + tc.arg
		e, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		c := e.Root.(*Condition)
		if c.Operator != tc.want {
			t.Errorf("Parse(%q) operator = %v, want %v", in, c.Operator, tc.want)
		}
		want := "attribute:stack " + tc.want.String() + tc.arg
		if got := e.String(); got != want {
			t.Errorf("Parse(%q).String() = %q, want %q", in, got, want)
		}
	}
}

func TestParseNormalizes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Precedence: not, then and, then or.
		{"task:group == a or task:group == b and task:group == c", "task:group == a or task:group == b and task:group == c"},
		{"(task:group == a or task:group == b) and task:group == c", "(task:group == a or task:group == b) and task:group == c"},
		{"task:group == a and (task:group == b or task:group == c)", "task:group == a and (task:group == b or task:group == c)"},
		{"((task:group == a))", "task:group == a"},
		{"!(task:group == a) && task:group == b || task:group == c", "not(task:group == a) and task:group == b or task:group == c"},
		{"not task:group == a and task:group == b", "not(task:group == a) and task:group == b"},
		{"not (task:group == a and task:group == b)", "not(task:group == a and task:group == b)"},
		{"NOT(Task:Group EQUALS a) AND RunningTasksCount > 2", "not(task:group == a) and runningTasksCount > 2"},
		{"task:group==a&&task:group!=b||attribute:x!exists", "task:group == a and task:group != b or attribute:x !exists"},
		// Quoting.
		{`task:group == "a b"`, `task:group == 'a b'`},
		{`task:group == "it's"`, `task:group == "it's"`},
		{`task:group == 'and'`, `task:group == and`},
		{`task:group == ''`, `task:group == ''`},
		{`task:group == 'a&&b'`, `task:group == 'a&&b'`},
		{`attribute:x in ["a b", 'c', d ]`, `attribute:x in ['a b', c, d]`},
		// Patterns.
		{`attribute:x =~ (t2|t3)\..*`, `attribute:x =~ (t2|t3)\..*`},
		{`not(attribute:x =~ (a|b))`, `not(attribute:x =~ (a|b))`},
		{`attribute:x =~ t[23]\.(micro|small){1,2}`, `attribute:x =~ t[23]\.(micro|small){1,2}`},
		{`attribute:x =~ [a-z&&[^e]]+`, `attribute:x =~ [a-z&&[^e]]+`},
		{`attribute:x =~ '[ ]'`, `attribute:x =~ '[ ]'`},
		// Dates, numbers, booleans.
		{"registeredAt >= 2018-06-18T22:28:28+00:00", "registeredAt >= 2018-06-18T22:28:28+00:00"},
		{"registeredAt >= 2018-06-18T22:28:28Z", "registeredAt >= 2018-06-18T22:28:28Z"},
		{"registeredAt >= 2018-06-18T22:28:28", "registeredAt >= 2018-06-18T22:28:28"},
		{"runningTasksCount <= 0", "runningTasksCount <= 0"},
		{"agentConnected == FALSE", "agentConnected == FALSE"},
		{"agentConnected in [true, false]", "agentConnected in [true, false]"},
		{"agentConnected =~ t.*", "agentConnected =~ t.*"},
		{"attribute:my/custom\\attr_1 == v@1:2", "attribute:my/custom\\attr_1 == v@1:2"},
		{"\tattribute:x\n==\ny\t", "attribute:x == y"},
	} {
		e, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := e.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPrecedenceTree(t *testing.T) {
	e, err := Parse("not task:group == a or task:group == b and task:group == c")
	if err != nil {
		t.Fatal(err)
	}
	or, ok := e.Root.(*Binary)
	if !ok || or.Op != Or {
		t.Fatalf("root = %#v, want an or", e.Root)
	}
	if _, ok := or.X.(*Not); !ok {
		t.Errorf("left of or = %#v, want not", or.X)
	}
	if and, ok := or.Y.(*Binary); !ok || and.Op != And {
		t.Errorf("right of or = %#v, want an and", or.Y)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		column int
		msg    string // a part of the message
	}{
		{"", 1, "the expression is empty"},
		{"   ", 4, "the expression is empty"},
		{"attribute:ecs.instance-type t2.small", 29, `expected an operator after "attribute:ecs.instance-type", found "t2.small"`},
		{"attribute:ecs.instance-type = t2.small", 29, "write == (not =)"},
		{"attribute:ecs.instance-type ==", 31, "expected a value after ==, found the end of the expression"},
		{"attribute:x == a b", 18, `after "a", found "b"; quote values that contain spaces`},
		{"attribute:x == a, b", 17, "use in [a, b]"},
		{"attribute:x exists foo", 20, "exists takes no value"},
		{"ecs.instance-type == t2.small", 1, `unknown subject "ecs.instance-type"; use agentConnected`},
		{"ecs.instance-type == t2.small", 1, "did you mean attribute:ecs.instance-type?"},
		{"memberOf(attribute:ecs.os-family == LINUX)", 1, "without the memberOf(...) wrapper"},
		{"attribute: == x", 11, "attribute: needs an attribute name"},
		{"attribute:a:b == x", 12, `not ":"`},
		{"attribute:" + strings.Repeat("a", 129) + " == x", 11, "at most 128"},
		{"== x", 1, `expected a condition such as task:group == web, found "=="`},
		{"task:group == a and", 20, "found the end of the expression"},
		{"task:group == a or or task:group == b", 20, `found "or"`},
		{"(task:group == a", 1, `this "(" is never closed`},
		{"task:group == a)", 16, `this ")" has no matching "("`},
		{"not(task:group == a))", 21, `this ")" has no matching "("`},
		{"()", 2, `expected a condition`},
		{"task:group == 'abc", 15, "this quoted value is never closed; add the closing '"},
		{`task:group == "abc`, 15, `add the closing "`},
		{"attribute:x in a", 16, "expected a list such as [a, b] after in"},
		{"attribute:x in []", 17, "the list after in is empty"},
		{"attribute:x in [a, b,]", 22, "remove the trailing comma"},
		{"attribute:x in [a b]", 19, `expected "," or "]" after "a" in the list, found "b"`},
		{"attribute:x in [a, b", 16, `this "[" is never closed`},
		{"attribute:x == [a]", 16, "use in or !in to compare with a list"},
		{"attribute:x == )", 16, `expected a value after ==, found ")"`},
		{"attribute:x ! foo", 13, "expected an operator"},
		{"agentVersion in [1.2.3]", 14, "agentVersion does not take the in operator; use one of ==, !=, >, >=, <, <="},
		{"registeredAt =~ 2018.*", 14, "registeredAt does not take the =~ operator"},
		{"runningTasksCount exists", 19, "runningTasksCount does not take the exists operator"},
		{"agentConnected > 1", 16, "agentConnected does not take the > operator; use one of ==, !=, in, !in, =~, !~"},
		{"ec2InstanceId <= i-1", 15, "ec2InstanceId does not take the <= operator"},
		{"agentConnected == yes", 19, `agentConnected compares with true or false, not "yes"`},
		{"agentConnected in [true, nope]", 26, `not "nope"`},
		{"runningTasksCount > many", 21, `runningTasksCount compares with a whole number, not "many"`},
		{"runningTasksCount > 1.5", 21, "whole number"},
		{"registeredAt < 2018/02/13", 16, `registeredAt compares with a date`},
		{"registeredAt < 2018-13-01", 16, `registeredAt compares with a date`},
		{"registeredAt < '2018-02-13 10:00:00'", 17, `registeredAt compares with a date`},
		{"attribute:x =~ (ab", 16, `"(ab" has a "(" that is never closed`},
		{"attribute:x =~ a(b(c)", 17, `has a "(" that is never closed`},
		{"attribute:x =~ 'a)b'", 18, `has a ")" without a matching "("`},
		{"attribute:x =~ [abc", 16, `has a "[" that is never closed`},
		{"attribute:x =~ *abc", 16, "has * with nothing before it to repeat"},
		{"attribute:x =~ 'a|+b'", 19, "has + with nothing before it to repeat"},
		{`attribute:x =~ 'ab\'`, 19, "ends with a lone backslash"},
		{"attribute:x =~ '[ab'", 17, `has a "[" that is never closed`},
		// Columns count characters, not bytes.
		{"task:group == 'é' é", 19, `found "é"`},
	} {
		_, err := Parse(tc.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error = %v, want a *SyntaxError", tc.in, err)
			continue
		}
		if se.Column != tc.column || !strings.Contains(se.Message, tc.msg) {
			t.Errorf("Parse(%q) = %v\nwant column %d and a message containing %q", tc.in, err, tc.column, tc.msg)
		}
		if !strings.HasPrefix(se.Error(), "column ") {
			t.Errorf("Error() = %q, want it to start with the column", se.Error())
		}
	}
}

func TestPatternsJavaAccepts(t *testing.T) {
	// Patterns that Java compiles must not be reported, even where Go's regexp
	// would reject them.
	for _, pat := range []string{
		`(?<type>t2)\.small`, `a++`, `(?i)T2`, `\Qa(b\E`, `[]a]`, `[^]a]`, `a{1,3}`,
		`\p{Alpha}+`, `(?:x)`, `(?=a)b`, `\(`, `[(]`, `x|y`, `.*`, `^t2\..*$`,
	} {
		in := "attribute:x =~ '" + pat + "'"
		if _, err := Parse(in); err != nil {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
}

func TestLengthLimit(t *testing.T) {
	ok := "attribute:x == " + strings.Repeat("a", MaxLength-15)
	if _, err := Parse(ok); err != nil {
		t.Errorf("a %d-character expression: %v", MaxLength, err)
	}
	// Characters, not bytes: 2000 two-byte characters are within the limit.
	wide := "attribute:x == " + strings.Repeat("é", MaxLength-15)
	if _, err := Parse(wide); err != nil {
		t.Errorf("a %d-character expression of wide characters: %v", MaxLength, err)
	}
	_, err := Parse(ok + "a")
	var le *LengthError
	if !errors.As(err, &le) || le.Length != MaxLength+1 {
		t.Fatalf("Parse of %d characters = %v, want a *LengthError of %d", MaxLength+1, err, MaxLength+1)
	}
	if !strings.Contains(err.Error(), "at most 2000") {
		t.Errorf("message %q does not state the limit", err)
	}
}

func TestDepthLimit(t *testing.T) {
	nest := func(n int, open, close string) string {
		return strings.Repeat(open, n) + "task:group == a" + strings.Repeat(close, n)
	}
	for _, in := range []string{nest(MaxDepth, "(", ")"), nest(MaxDepth, "not(", ")"), nest(MaxDepth, "!", "")} {
		e, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%.20q...) at %d levels: %v", in, MaxDepth, err)
			continue
		}
		// The printed form nests no deeper.
		if _, err := Parse(e.String()); err != nil {
			t.Errorf("Parse(%.20q...).String() does not parse: %v", in, err)
		}
	}
	for _, in := range []string{nest(MaxDepth+1, "(", ")"), nest(MaxDepth+1, "not(", ")"), nest(MaxDepth+1, "!", "")} {
		_, err := Parse(in)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(se.Message, "levels deep") {
			t.Errorf("Parse(%.20q...) = %v, want a nesting error", in, err)
		}
	}
	// Hostile input beyond the length limit still nests too deep for parse.
	_, err := parse(nest(10000, "(", ")"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Column != MaxDepth+1 {
		t.Errorf("parse of 10000 parentheses = %v, want a nesting error at column %d", err, MaxDepth+1)
	}
	if _, err := Parse(nest(10000, "(", ")")); !errors.As(err, new(*LengthError)) {
		t.Errorf("Parse of 10000 parentheses = %v, want a *LengthError", err)
	}
}

func BenchmarkParse(b *testing.B) {
	const in = "(attribute:ecs.instance-type =~ g2.* or attribute:ecs.instance-type in [t2.small, 't2.medium']) and not(task:group == database) && registeredAt < 2018-06-18T22:28:28Z"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}
