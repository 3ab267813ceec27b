package module

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// manifestPath is where terraform init and tofu init record the modules they installed, relative to the root
// module's directory.
var manifestPath = filepath.Join(".terraform", "modules", "modules.json")

// manifestEntry is one installed module call: Key is the chain of call names from the root ("ecs",
// "ecs.service"), Dir the directory relative to the root module's.
type manifestEntry struct {
	Key     string `json:"Key"`
	Source  string `json:"Source"`
	Version string `json:"Version"`
	Dir     string `json:"Dir"`
}

// manifest is a read modules.json; nil when there is none.
type manifest struct {
	path    string // as displayed
	entries map[string]*manifestEntry
}

// readManifest reads the module manifest of the root module in realDir (displayed as display). No manifest is
// no error (nil, nil): the calls that need it say to run terraform init.
func readManifest(realDir, display string, maxSize int64) (*manifest, hcl.Diagnostics) {
	shown := filepath.Join(display, manifestPath)
	src, err := tffunc.ReadCapped(filepath.Join(realDir, manifestPath), maxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	bad := func(why string) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Unreadable module manifest",
			Detail: fmt.Sprintf("Cannot read %s (%s), so no installed module is linted. Run terraform init again.", shown, why)}}
	}
	if err != nil {
		return nil, bad(err.Error())
	}
	var doc struct {
		Modules []*manifestEntry `json:"Modules"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		return nil, bad("it is not the JSON terraform init writes: " + err.Error())
	}
	m := &manifest{path: shown, entries: make(map[string]*manifestEntry, len(doc.Modules))}
	for _, e := range doc.Modules {
		if e != nil {
			m.entries[e.Key] = e
		}
	}
	return m, nil
}

// defaultRegistries are the hosts a registry source without a host means: Terraform's, and OpenTofu's,
// which tofu init records instead.
var defaultRegistries = []string{"registry.terraform.io/", "registry.opentofu.org/"}

// normalSource writes a module source as terraform init records it in the manifest, so that a call's source
// and its entry's compare: a registry address with its host (the default registry's host removed from
// both sides, as Terraform and OpenTofu record different ones), GitHub shorthands as git:: addresses, the
// rest as written.
func normalSource(src string) string {
	for _, h := range defaultRegistries {
		if strings.HasPrefix(src, h) {
			return strings.TrimPrefix(src, h)
		}
	}
	switch {
	case strings.HasPrefix(src, "github.com/"):
		return githubSource("https://github.com/", strings.TrimPrefix(src, "github.com/"))
	case strings.HasPrefix(src, "git@github.com:"):
		return githubSource("ssh://git@github.com/", strings.TrimPrefix(src, "git@github.com:"))
	}
	return src
}

// githubSource writes owner/repo[.git][/sub/dir][?query] as git::<prefix>owner/repo.git[//sub/dir][?query].
func githubSource(prefix, rest string) string {
	rest, query, hasQuery := strings.Cut(rest, "?")
	rest, subdir, hasSub := strings.Cut(rest, "//")
	parts := strings.SplitN(rest, "/", 3)
	if len(parts) < 2 {
		return "git::" + prefix + rest
	}
	out := "git::" + prefix + parts[0] + "/" + strings.TrimSuffix(parts[1], ".git") + ".git"
	switch {
	case hasSub:
		out += "//" + subdir
	case len(parts) == 3 && parts[2] != "":
		out += "//" + parts[2]
	}
	if hasQuery {
		out += "?" + query
	}
	return out
}

// stale says why an installed entry no longer matches the call, "" when it does.
func (e *manifestEntry) stale(call *callDecl) string {
	if normalSource(e.Source) != normalSource(call.source) {
		return fmt.Sprintf("it was installed from %q, not from %q", e.Source, call.source)
	}
	if call.version == "" {
		return ""
	}
	if e.Version == "" {
		return fmt.Sprintf("it was installed without a version, and the call asks for %q", call.version)
	}
	cons, err := version.NewConstraint(call.version)
	if err != nil {
		return "" // terraform init says what is wrong with the constraint
	}
	v, err := version.NewVersion(e.Version)
	if err != nil || !cons.Check(v) {
		return fmt.Sprintf("version %s was installed, and the call asks for %q", e.Version, call.version)
	}
	return ""
}
