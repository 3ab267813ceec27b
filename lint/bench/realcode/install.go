package main

import (
	"archive/tar"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// An install is one line of the install list: in the root module PATH of repository ROOT, module calls from the
// registry SOURCE are installed at VERSION from the corpus repository REPO at git revision REV (a tag, or a
// commit for a git source; VERSION is "-" for a source that is not a registry's):
//
//	ROOT PATH SOURCE VERSION REPO REV
//
// terraform init cannot reach the registry here, so install does what it would have done for those calls: it
// unpacks REPO at TAG (the whole package, as the registry serves it) into .terraform/modules/KEY and records
// the call in .terraform/modules/modules.json, with the calls inside installed and local modules, to any depth,
// keyed as Terraform keys them ("ecs.service"). Calls of other remote sources are left out of the manifest, as
// if their download had failed. The version is chosen by hand: the highest tag that the call's constraint
// accepts, which install prints beside the constraint.
type install struct {
	Root, Path, Source, Version, Repo, Rev string
}

type manifestEntry struct {
	Key     string `json:"Key"`
	Source  string `json:"Source"`
	Version string `json:"Version,omitempty"`
	Dir     string `json:"Dir"`
}

func installMain(args []string) error {
	fs := flag.NewFlagSet("install", flag.ExitOnError)
	list := fs.String("list", "", "the install list (lint/bench/realcode-installs.txt)")
	dir := fs.String("dir", "", "the directory holding the checkouts, one OWNER+NAME directory each")
	_ = fs.Parse(args)
	if *list == "" || *dir == "" || fs.NArg() != 0 {
		return errors.New("install needs -list FILE -dir DIR")
	}
	rows, lines, err := readFields(*list)
	if err != nil {
		return err
	}
	byRoot := map[string][]install{}
	var roots []string
	for i, f := range rows {
		if len(f) != 6 || !repoName.MatchString(f[0]) || !repoName.MatchString(f[4]) {
			return fmt.Errorf("%s:%d: expected \"ROOT PATH SOURCE VERSION REPO REV\", got %q", *list, lines[i], strings.Join(f, " "))
		}
		in := install{Root: f[0], Path: f[1], Source: f[2], Version: f[3], Repo: f[4], Rev: f[5]}
		if in.Version == "-" {
			in.Version = ""
		}
		k := in.Root + " " + in.Path
		if _, ok := byRoot[k]; !ok {
			roots = append(roots, k)
		}
		byRoot[k] = append(byRoot[k], in)
	}
	for _, k := range roots {
		ins := byRoot[k]
		root := filepath.Join(*dir, strings.Replace(ins[0].Root, "/", "+", 1), filepath.FromSlash(ins[0].Path))
		entries, report, err := installRoot(root, *dir, ins)
		if err != nil {
			return fmt.Errorf("%s %s: %v", ins[0].Root, ins[0].Path, err)
		}
		fmt.Printf("%s %s: %d module calls in the manifest\n%s", ins[0].Root, ins[0].Path, len(entries)-1, report)
	}
	return nil
}

// installRoot installs the calls of one root module and writes its manifest.
func installRoot(root, corpus string, ins []install) ([]manifestEntry, string, error) {
	if _, err := os.Stat(root); err != nil {
		return nil, "", err
	}
	modules := filepath.Join(root, ".terraform", "modules")
	if err := os.RemoveAll(modules); err != nil {
		return nil, "", err
	}
	if err := os.MkdirAll(modules, 0o755); err != nil {
		return nil, "", err
	}
	bySource := map[string]install{}
	for _, in := range ins {
		bySource[strings.TrimPrefix(in.Source, "registry.terraform.io/")] = in
	}
	entries := []manifestEntry{{Key: "", Source: "", Dir: "."}}
	var report strings.Builder
	var walk func(prefix, dir string, depth int) error
	walk = func(prefix, dir string, depth int) error {
		if depth > 20 {
			return fmt.Errorf("module calls nest deeper than 20 at %s", prefix)
		}
		calls, err := moduleCalls(filepath.Join(root, filepath.FromSlash(dir)))
		if err != nil {
			return err
		}
		for _, c := range calls {
			key := c.name
			if prefix != "" {
				key = prefix + "." + c.name
			}
			if strings.HasPrefix(c.source, "./") || strings.HasPrefix(c.source, "../") {
				d := path.Clean(path.Join(dir, c.source))
				entries = append(entries, manifestEntry{Key: key, Source: c.source, Dir: d})
				if err := walk(key, d, depth+1); err != nil {
					return err
				}
				continue
			}
			addr, sub, _ := strings.Cut(strings.TrimPrefix(c.source, "registry.terraform.io/"), "//")
			src := "registry.terraform.io/" + addr
			in, ok := bySource[addr]
			if !ok && strings.Contains(c.source, "::") {
				// A git (or other go-getter) source: matched as written, recorded as written.
				addr, sub, src = c.source, "", c.source
				in, ok = bySource[addr]
			}
			if !ok {
				fmt.Fprintf(&report, "  module.%s: %s not in the corpus, left out\n", key, c.source)
				continue
			}
			pkg := path.Join(".terraform/modules", key)
			if err := unpack(filepath.Join(corpus, strings.Replace(in.Repo, "/", "+", 1)), in.Rev, filepath.Join(root, filepath.FromSlash(pkg))); err != nil {
				return fmt.Errorf("module.%s: %v", key, err)
			}
			d := pkg
			if sub != "" {
				d, src = path.Join(pkg, sub), src+"//"+sub
			}
			entries = append(entries, manifestEntry{Key: key, Source: src, Version: in.Version, Dir: d})
			fmt.Fprintf(&report, "  module.%s: %s (version constraint %q) installed as %q from %s at %s\n", key, c.source, c.version, in.Version, in.Repo, in.Rev)
			if err := walk(key, d, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk("", ".", 0); err != nil {
		return nil, "", err
	}
	b, err := json.Marshal(struct {
		Modules []manifestEntry `json:"Modules"`
	}{entries})
	if err != nil {
		return nil, "", err
	}
	return entries, report.String(), os.WriteFile(filepath.Join(modules, "modules.json"), b, 0o644)
}

type moduleCall struct{ name, source, version string }

// moduleCalls reads the module blocks of one module directory (literal source and version only), sorted by name.
func moduleCalls(dir string) ([]moduleCall, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	p := hclparse.NewParser()
	var calls []moduleCall
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || strings.HasSuffix(n, "_override.tf") || n == "override.tf" {
			continue
		}
		var f *hcl.File
		var diags hcl.Diagnostics
		switch {
		case strings.HasSuffix(n, ".tf"):
			f, diags = p.ParseHCLFile(filepath.Join(dir, n))
		case strings.HasSuffix(n, ".tf.json"):
			f, diags = p.ParseJSONFile(filepath.Join(dir, n))
		default:
			continue
		}
		if diags.HasErrors() {
			return nil, diags
		}
		content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}})
		for _, b := range content.Blocks {
			attrs, _ := b.Body.JustAttributes()
			c := moduleCall{name: b.Labels[0]}
			for name, dst := range map[string]*string{"source": &c.source, "version": &c.version} {
				if a, ok := attrs[name]; ok {
					if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type().FriendlyName() == "string" && v.IsKnown() && !v.IsNull() {
						*dst = v.AsString()
					}
				}
			}
			if c.source != "" {
				calls = append(calls, c)
			}
		}
	}
	sort.Slice(calls, func(i, j int) bool { return calls[i].name < calls[j].name })
	return calls, nil
}

// unpack writes the tree of a git checkout at a revision into dst, as `git archive` gives it.
func unpack(checkout, tag, dst string) error {
	cmd := exec.Command("git", "-C", checkout, "archive", "--format=tar", tag)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	tr := tar.NewReader(stdout)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			_ = cmd.Wait()
			return fmt.Errorf("git archive %s in %s: %v %s", tag, checkout, err, strings.TrimSpace(stderr.String()))
		}
		name := filepath.Join(dst, filepath.FromSlash(path.Clean("/"+h.Name)))
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(name, 0o755)
		case tar.TypeReg:
			if err = os.MkdirAll(filepath.Dir(name), 0o755); err == nil {
				var f *os.File
				if f, err = os.Create(name); err == nil {
					_, err = io.Copy(f, tr)
					if cerr := f.Close(); err == nil {
						err = cerr
					}
				}
			}
		}
		if err != nil {
			_ = cmd.Wait()
			return err
		}
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive %s in %s: %v %s", tag, checkout, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
