package module

import (
	"bytes"
	"path/filepath"
	"slices"

	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// LocalCalls returns the directories (absolute, symbolic links resolved, sorted, without duplicates) that the
// local module sources written in the module in dir point to: sources starting with "./" or "../", or "." or
// "..", in the files Load reads, resolved against dir. A caller (ecslint --recursive) uses it to tell which
// module directories of a tree other modules call, before loading any of them.
//
// It reads the files' text, not their syntax, so that it costs a small part of parsing them: it finds
// source = "./…" in native syntax and "source": "./…" in JSON, with any spacing, wherever they appear. So the
// answer is a hint: it may name a directory that no module block calls (a file provisioner's source, a
// comment), and it misses a source written otherwise (a heredoc, escapes, an interpolation). Load is the judge
// of what a module calls. Unreadable files and directories are left out; Load reports them.
func LocalCalls(dir string, maxFileSize int64) []string {
	if maxFileSize <= 0 {
		maxFileSize = tffunc.DefaultMaxFileSize
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return nil
	}
	files, _, err := configFileNames(real)
	if err != nil {
		return nil
	}
	var out []string
	for _, name := range files.config {
		src, err := tffunc.ReadCapped(name, maxFileSize)
		if err != nil {
			continue
		}
		for _, s := range localSources(src) {
			target, err := filepath.EvalSymlinks(filepath.Join(real, filepath.FromSlash(s)))
			if err == nil {
				out = append(out, target)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

var sourceWord = []byte("source")

// localSources returns the local sources written in a configuration file's text: the string after
// source = (or "source": in JSON), when it is a plain string (no escapes, no interpolation) that isLocalSource.
func localSources(src []byte) []string {
	var out []string
	for i := 0; ; {
		j := bytes.Index(src[i:], sourceWord)
		if j < 0 {
			return out
		}
		start, end := i+j, i+j+len(sourceWord)
		i = end
		var before, after byte
		if start > 0 {
			before = src[start-1]
		}
		if end < len(src) {
			after = src[end]
		}
		k := end
		switch {
		case before == '"' && after == '"': // JSON: "source":
			k++
		case isNameByte(before) || isNameByte(after):
			continue // part of a longer name
		}
		k = skipSpace(src, k)
		if k >= len(src) || src[k] != '=' && src[k] != ':' {
			continue
		}
		k = skipSpace(src, k+1)
		if k >= len(src) || src[k] != '"' {
			continue
		}
		n := bytes.IndexAny(src[k+1:], "\"\n\\$")
		if n < 0 || src[k+1+n] != '"' {
			continue
		}
		if v := string(src[k+1 : k+1+n]); isLocalSource(v) {
			out = append(out, v)
		}
	}
}

func isNameByte(b byte) bool {
	return b == '_' || b == '-' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

func skipSpace(src []byte, k int) int {
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	return k
}
