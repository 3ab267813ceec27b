package cql

import (
	"unicode"
	"unicode/utf8"
)

// problem is a certain error in a Java pattern, at byte index at.
type problem struct {
	at  int
	msg string
}

// scanPattern walks a java.util.regex.Pattern. With bare set it stops where an
// unquoted value ends: at white space, a quote, an unbalanced ")" or "&&"/"||"
// outside a character class. It returns how many bytes belong to the pattern
// and the first error Java would certainly report, or nil. It does not try to
// find every error Java reports, only ones that leave no doubt.
func scanPattern(s string, bare bool) (int, *problem) {
	var (
		opens       []int // byte index of each open "("
		class       int   // character class nesting
		classStart  int
		quoting     bool // inside \Q...\E
		branchStart = true
		afterParen  bool
		i           int
	)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if bare && (unicode.IsSpace(r) || r == '\'' || r == '"') {
			break
		}
		if quoting {
			if r == '\\' && i+1 < len(s) && s[i+1] == 'E' {
				quoting = false
				i += 2
				continue
			}
			i += size
			continue
		}
		if r == '\\' {
			if i+1 >= len(s) {
				return i + 1, &problem{i, "ends with a lone backslash; remove it or escape it as \\\\"}
			}
			next, nsize := utf8.DecodeRuneInString(s[i+1:])
			if bare && (unicode.IsSpace(next) || next == '\'' || next == '"') {
				return i + 1, &problem{i, "ends with a lone backslash; quote the pattern if it contains spaces or quotes"}
			}
			quoting = next == 'Q'
			i += 1 + nsize
			branchStart, afterParen = false, false
			continue
		}
		if class > 0 {
			switch r {
			case '[':
				class++
			case ']':
				class--
			}
			i += size
			continue
		}
		if bare && i+1 < len(s) && (s[i:i+2] == "&&" || s[i:i+2] == "||") {
			break
		}
		switch r {
		case '(':
			opens = append(opens, i)
			i += size
			branchStart, afterParen = true, true
			continue
		case ')':
			if len(opens) == 0 {
				if bare {
					return i, nil
				}
				return i, &problem{i, `has a ")" without a matching "("; remove it or escape it as \)`}
			}
			opens = opens[:len(opens)-1]
		case '|':
			i += size
			branchStart, afterParen = true, false
			continue
		case '*', '+', '?':
			if branchStart && !(r == '?' && afterParen) {
				return i, &problem{i, "has " + string(r) + " with nothing before it to repeat; escape it as \\" + string(r)}
			}
		case '[':
			class, classStart = 1, i
			i += size
			// A "]" first in a class, after an optional "^", is literal.
			if i < len(s) && s[i] == '^' {
				i++
			}
			if i < len(s) && s[i] == ']' {
				i++
			}
			branchStart, afterParen = false, false
			continue
		}
		i += size
		branchStart, afterParen = false, false
	}
	switch {
	case class > 0:
		return i, &problem{classStart, `has a "[" that is never closed; add the missing "]" (and quote the pattern if it contains spaces)`}
	case len(opens) > 0:
		return i, &problem{opens[len(opens)-1], `has a "(" that is never closed; add the missing ")" (and quote the pattern if it contains spaces)`}
	}
	return i, nil
}
