package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// repo is one line of the corpus list: a GitHub repository and the commit measured.
type repo struct {
	Name   string // owner/name
	Commit string // 40 hex digits
	Line   int
}

// Dir is the checkout's directory name below the corpus directory: owner+name.
func (r repo) Dir() string { return strings.Replace(r.Name, "/", "+", 1) }

var (
	repoName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$`)
	commitID = regexp.MustCompile(`^[0-9a-f]{40}$`)
)

// readFields reads a list file: one entry a line, fields separated by blanks, "#" starts a comment.
func readFields(path string) ([][]string, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var rows [][]string
	var lines []int
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		rows = append(rows, fields)
		lines = append(lines, n)
	}
	return rows, lines, sc.Err()
}

// readRepos reads the corpus list: "owner/name commit" a line.
func readRepos(path string) ([]repo, error) {
	rows, lines, err := readFields(path)
	if err != nil {
		return nil, err
	}
	var out []repo
	seen := map[string]int{}
	for i, f := range rows {
		if len(f) != 2 || !repoName.MatchString(f[0]) || !commitID.MatchString(f[1]) {
			return nil, fmt.Errorf("%s:%d: expected \"owner/name commit\" (a commit of 40 hex digits), got %q", path, lines[i], strings.Join(f, " "))
		}
		if prev, ok := seen[f[0]]; ok {
			return nil, fmt.Errorf("%s:%d: %s is already listed at line %d", path, lines[i], f[0], prev)
		}
		seen[f[0]] = lines[i]
		out = append(out, repo{Name: f[0], Commit: f[1], Line: lines[i]})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s lists no repositories", path)
	}
	return out, nil
}
