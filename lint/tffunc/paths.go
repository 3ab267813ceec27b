package tffunc

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

func stringToString(desc string, fn func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Description:  desc,
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := fn(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

func refineNotNull(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() }

var (
	basenameFunc = stringToString("Returns the last element of a filesystem path.",
		func(p string) (string, error) { return filepath.Base(p), nil })
	dirnameFunc = stringToString("Returns all but the last element of a filesystem path.",
		func(p string) (string, error) { return filepath.Dir(p), nil })
	pathExpandFunc = stringToString("Replaces a leading ~ in a filesystem path with the current user's home directory.",
		expandHome)
)

// expandHome replaces a leading "~" or "~/" with the home directory, as Terraform's pathexpand does; "~user" is an
// error.
func expandHome(p string) (string, error) {
	if p == "" || p[0] != '~' {
		return p, nil
	}
	if len(p) > 1 && p[1] != '/' && p[1] != '\\' {
		return "", function.NewArgErrorf(0, "cannot expand user-specific home directory in %q; write the home directory out", p)
	}
	home := os.Getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("cannot expand %q: %s", p, err)
		}
	}
	return filepath.Join(home, p[1:]), nil
}

// absPathFunc is Terraform's abspath: a relative path is resolved against the directory Terraform runs in, which
// for ecslint is the base directory of files. Nothing is read.
func absPathFunc(files *Files) function.Function {
	return stringToString("Converts a filesystem path to an absolute path.", func(p string) (string, error) {
		if files == nil {
			return "", noFiles()
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(files.Base(), p)
		}
		return filepath.ToSlash(filepath.Clean(p)), nil
	})
}
