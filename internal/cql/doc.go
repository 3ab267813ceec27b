// Package cql parses the Amazon ECS cluster query language, the language of
// the expression in a memberOf placement constraint.
//
// Sources: the "Cluster query language" page of the Amazon ECS Developer
// Guide (archived source awsdocs/amazon-ecs-developer-guide,
// doc_source/cluster-query-language.md) and the TaskDefinitionPlacementConstraint
// shape of the ECS API (expression at most 2000 characters). The project fact
// sheet summarises both in shared/spec/ecs-facts.md, section 14.7.
//
// Grammar, as accepted here:
//
//	expression := or
//	or         := and { ("or" | "||") and }
//	and        := unary { ("and" | "&&") unary }
//	unary      := ("not" | "!") unary | "(" or ")" | condition
//	condition  := subject operator [argument]
//	subject    := "agentConnected" | "agentVersion" | "attribute:" NAME
//	            | "ec2InstanceId" | "registeredAt" | "runningTasksCount" | "task:group"
//	operator   := "==" | "equals" | "!=" | "not_equals" | ">" | "greater_than"
//	            | ">=" | "greater_than_equal" | "<" | "less_than" | "<=" | "less_than_equal"
//	            | "exists" | "!exists" | "not_exists" | "in" | "!in" | "not_in"
//	            | "=~" | "matches" | "!~" | "not_matches"
//	argument   := value | "[" value { "," value } "]"
//	value      := bare | "'" chars "'" | '"' chars '"'
//
// Precedence. The AWS page lists the Boolean operators and shows parentheses
// setting precedence, but does not say how not, and and or bind. This package
// uses the usual order: not binds tightest, then and, then or; and and or are
// left-associative. Write parentheses where the meaning matters.
//
// Choices where the documentation is silent, made to accept rather than
// reject:
//   - Subjects, operator words and and/or/not are matched without regard to
//     case; String prints the documented spelling. Attribute names and values
//     keep their case.
//   - "!exists" and "!in" may have spaces after the "!".
//   - A bare value runs until white space, a parenthesis, a bracket, a comma,
//     a quote, "&&" or "||". Quoted values have no escapes: they end at the
//     next quote of the same kind.
//   - A bare =~ or !~ pattern may contain balanced parentheses, character
//     classes ([a-z&&[^e]]) and commas; it ends at white space, a quote, an
//     unbalanced ")" or "&&"/"||" outside a class. Quote patterns with spaces.
//
// Checks beyond syntax, all documented by AWS: the operators each subject
// allows (agentConnected and ec2InstanceId: == != in !in =~ !~; agentVersion,
// registeredAt and runningTasksCount: == != > >= < <=); in and !in take a
// list, exists and !exists take no value, the other operators one value;
// agentConnected compares with true or false; runningTasksCount with a whole
// number; registeredAt with 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z,
// 2018-06-18T22:28:28 or 2018-06-18; attribute names follow the PutAttributes
// rule (1 to 128 of A-Z a-z 0-9 _ - / \ .). Patterns are Java regular
// expressions; Go's regexp differs, so only patterns that Java certainly
// rejects are reported: unbalanced parentheses, an unclosed character class,
// a trailing backslash, and a quantifier with nothing to repeat.
//
// Nesting of parentheses and not is limited to MaxDepth levels, and Parse
// refuses expressions longer than MaxLength characters with a *LengthError.
package cql
