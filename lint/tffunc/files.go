package tffunc

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// DefaultMaxFileSize is the largest file Files reads unless told otherwise: 10 MiB.
const DefaultMaxFileSize = 10 << 20

// Files gives the file functions (file, fileexists, filebase64, templatefile) read access to one directory tree
// and nothing else. Relative paths resolve against the base directory, the way Terraform resolves them against
// its working directory. Every path is resolved with its symbolic links before the check, so a link that points
// outside the allowed tree is refused. Contents are cached: each file is read at most once.
//
// A Files is not safe for concurrent use.
type Files struct {
	base    string // absolute base directory for relative paths
	allowed string // allowed directory, absolute and with symbolic links resolved
	maxSize int64
	cache   map[string][]byte
}

// NewFiles returns a Files that resolves relative paths against baseDir and reads only inside allowedDir (with
// allowedDir empty, inside baseDir). maxSize caps the size of one file; zero means DefaultMaxFileSize.
func NewFiles(baseDir, allowedDir string, maxSize int64) (*Files, error) {
	if allowedDir == "" {
		allowedDir = baseDir
	}
	// filepath.Abs asks for the working directory on every call; ask once for both paths.
	var wd string
	if !filepath.IsAbs(baseDir) || !filepath.IsAbs(allowedDir) {
		var err error
		if wd, err = os.Getwd(); err != nil {
			return nil, err
		}
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(wd, p)
	}
	base := abs(baseDir)
	allowed, err := filepath.EvalSymlinks(abs(allowedDir))
	if err != nil {
		return nil, fmt.Errorf("cannot resolve directory %s: %w", allowedDir, err)
	}
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	return &Files{base: base, allowed: allowed, maxSize: maxSize, cache: map[string][]byte{}}, nil
}

// Base returns the absolute directory that relative paths resolve against.
func (f *Files) Base() string { return f.base }

// Allowed returns the directory the files must be in, absolute and with symbolic links resolved.
func (f *Files) Allowed() string { return f.allowed }

// ErrOutside is returned (wrapped) for a path that resolves outside the allowed directory.
var ErrOutside = errors.New("path is outside the linted directory")

var errNotExist = errors.New("no file exists")

// Resolve returns the real path (absolute, symbolic links resolved) of path, which must exist and lie inside the
// allowed directory.
func (f *Files) Resolve(path string) (string, error) {
	p := path
	if !filepath.IsAbs(p) {
		p = filepath.Join(f.base, p)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) && errors.Is(pe.Err, os.ErrNotExist) {
			// Check the lexical path first so that a missing file outside the tree is still reported as outside.
			if !f.inside(filepath.Clean(p)) {
				return "", fmt.Errorf("%q: %w %s; only files inside it can be read", path, ErrOutside, f.allowed)
			}
			return "", fmt.Errorf("%w at %q", errNotExist, path)
		}
		return "", fmt.Errorf("cannot resolve %q: %w", path, err)
	}
	if !f.inside(real) {
		return "", fmt.Errorf("%q: %w %s; only files inside it can be read", path, ErrOutside, f.allowed)
	}
	return real, nil
}

func (f *Files) inside(real string) bool {
	if real == f.allowed {
		return true
	}
	return strings.HasPrefix(real, strings.TrimSuffix(f.allowed, string(filepath.Separator))+string(filepath.Separator))
}

// Exists reports whether path names a regular file inside the allowed directory. A path outside it is an error,
// not false, so that a misdirected path is noticed.
func (f *Files) Exists(path string) (bool, error) {
	real, err := f.Resolve(path)
	if err != nil {
		if errors.Is(err, ErrOutside) {
			return false, err
		}
		return false, nil
	}
	st, err := os.Stat(real)
	if err != nil {
		return false, nil
	}
	if st.IsDir() {
		return false, fmt.Errorf("%q is a directory, not a file", path)
	}
	return st.Mode().IsRegular(), nil
}

// Read returns the contents of the regular file at path, which must lie inside the allowed directory and be no
// larger than the size cap.
func (f *Files) Read(path string) ([]byte, error) {
	real, err := f.Resolve(path)
	if err != nil {
		return nil, err
	}
	if b, ok := f.cache[real]; ok {
		return b, nil
	}
	b, err := ReadCapped(real, f.maxSize)
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %w", path, err)
	}
	f.cache[real] = b
	return b, nil
}

// ReadCapped reads the regular file at path, refusing directories, devices and files larger than maxSize bytes.
func ReadCapped(path string, maxSize int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	tooLarge := func() error { return fmt.Errorf("%s is larger than the limit of %d bytes", path, maxSize) }
	if st.Size() > maxSize {
		return nil, tooLarge()
	}
	// Sized from the file, as os.ReadFile does, with one byte more to see a file that grew meanwhile.
	b := make([]byte, 0, st.Size()+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := fh.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > maxSize {
			return nil, tooLarge()
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// MaxGlobMatches bounds the names fileset returns.
const MaxGlobMatches = 10000

// Glob returns the regular files under the directory dir that match pattern (doublestar syntax: *, **, ?, [..],
// {a,b}), as slash-separated paths relative to dir and sorted, as Terraform's fileset returns them. dir must lie
// inside the allowed directory, and the search never leaves it: it walks through an os.Root, which refuses
// symbolic links that point outside, and a pattern that climbs out with ".." is an error.
func (f *Files) Glob(dir, pattern string) ([]string, error) {
	real, err := f.Resolve(dir)
	if errors.Is(err, errNotExist) {
		return []string{}, nil // as Terraform: no directory, no matches
	}
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(real); err != nil || !st.IsDir() {
		return []string{}, nil // as Terraform: no directory, no matches
	}
	rel, err := filepath.Rel(f.allowed, real)
	if err != nil {
		return nil, err
	}
	pat := path.Clean(pattern)
	if !fs.ValidPath(pat) {
		return nil, fmt.Errorf("pattern %q: %w %s; only files inside it can be listed", pattern, ErrOutside, f.allowed)
	}
	if !doublestar.ValidatePattern(pat) {
		return nil, fmt.Errorf("invalid pattern %q", pattern)
	}
	root, err := os.OpenRoot(f.allowed)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fsys, err := fs.Sub(root.FS(), filepath.ToSlash(rel))
	if err != nil {
		return nil, err
	}
	var out []string
	errTooMany := errors.New("too many")
	err = doublestar.GlobWalk(fsys, pat, func(p string, d fs.DirEntry) error {
		st, err := fs.Stat(fsys, p) // follows links that stay inside
		if err != nil || !st.Mode().IsRegular() {
			return nil
		}
		if len(out) == MaxGlobMatches {
			return errTooMany
		}
		out = append(out, p)
		return nil
	})
	if errors.Is(err, errTooMany) {
		return nil, fmt.Errorf("pattern %q matches more than %d files, which ecslint does not list", pattern, MaxGlobMatches)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot list files for pattern %q: %s", pattern, err)
	}
	sort.Strings(out)
	return out, nil
}
