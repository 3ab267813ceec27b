package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/dirhash"
	"gopkg.in/yaml.v3"
)

// goreleaserConfig is the part of .goreleaser.yml that decides the release's files.
type goreleaserConfig struct {
	ProjectName string `yaml:"project_name"`
	Builds      []struct {
		Env     []string `yaml:"env"`
		Flags   []string `yaml:"flags"`
		Ldflags []string `yaml:"ldflags"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Ignore  []struct {
			Goos   string `yaml:"goos"`
			Goarch string `yaml:"goarch"`
		} `yaml:"ignore"`
		Binary       string `yaml:"binary"`
		ModTimestamp string `yaml:"mod_timestamp"`
	} `yaml:"builds"`
	Archives []struct {
		Formats      []string `yaml:"formats"`
		NameTemplate string   `yaml:"name_template"`
		Files        []struct {
			Src  string `yaml:"src"`
			Info struct {
				Mode  int    `yaml:"mode"`
				Mtime string `yaml:"mtime"`
			} `yaml:"info"`
		} `yaml:"files"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string `yaml:"algorithm"`
		ExtraFiles   []struct {
			Glob         string `yaml:"glob"`
			NameTemplate string `yaml:"name_template"`
		} `yaml:"extra_files"`
	} `yaml:"checksum"`
	Release struct {
		ExtraFiles []struct {
			Glob         string `yaml:"glob"`
			NameTemplate string `yaml:"name_template"`
		} `yaml:"extra_files"`
	} `yaml:"release"`
}

// expand fills in the goreleaser template fields this configuration uses.
func expand(tmpl, version, os, arch string) string {
	fields := map[string]string{"ProjectName": projectName, "Version": version, "Os": os, "Arch": arch}
	return regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`).ReplaceAllStringFunc(tmpl, func(m string) string {
		name := regexp.MustCompile(`\w+`).FindString(m)
		if v, ok := fields[name]; ok {
			return v
		}
		return m
	})
}

// TestGoreleaserConfigAgrees checks that dist makes the files .goreleaser.yml makes: the same platforms, build
// flags, names, archive contents and checksum file.
func TestGoreleaserConfigAgrees(t *testing.T) {
	data, err := os.ReadFile("../../.goreleaser.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c goreleaserConfig
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf(".goreleaser.yml: %v", err)
	}
	if c.ProjectName != projectName {
		t.Errorf("project_name is %q, dist uses %q", c.ProjectName, projectName)
	}
	if len(c.Builds) != 1 || len(c.Archives) != 1 {
		t.Fatalf(".goreleaser.yml has %d builds and %d archives; dist makes one of each", len(c.Builds), len(c.Archives))
	}
	b, a := c.Builds[0], c.Archives[0]
	if !slices.Equal(b.Goos, goos) || !slices.Equal(b.Goarch, goarch) {
		t.Errorf("goos %v and goarch %v; dist builds %v and %v", b.Goos, b.Goarch, goos, goarch)
	}
	var ign []string
	for _, i := range b.Ignore {
		ign = append(ign, i.Goos+"_"+i.Goarch)
	}
	if !slices.Equal(ign, ignored) {
		t.Errorf("ignore %v; dist leaves out %v", ign, ignored)
	}
	for _, e := range b.Env {
		if !slices.Contains(buildEnv, e) {
			t.Errorf("builds env %s is not in dist's build environment %v", e, buildEnv)
		}
	}
	if !slices.Equal(b.Flags, []string{"-trimpath"}) {
		t.Errorf("build flags %v; dist builds with -trimpath only", b.Flags)
	}
	if len(b.Ldflags) != 1 || expand(b.Ldflags[0], "9.8.7", "", "") != ldflags("9.8.7") {
		t.Errorf("ldflags %v; dist links with %q", b.Ldflags, ldflags("{{.Version}}"))
	}
	if b.ModTimestamp != "{{ .CommitTimestamp }}" {
		t.Errorf("mod_timestamp is %q; dist stamps the binary with the commit's time", b.ModTimestamp)
	}
	if got := expand(b.Binary, "9.8.7", "", ""); got != binaryName("9.8.7", "linux") {
		t.Errorf("binary %q gives %q; dist names it %q", b.Binary, got, binaryName("9.8.7", "linux"))
	}
	if !slices.Equal(a.Formats, []string{"zip"}) {
		t.Errorf("archive formats %v; the Registry and dist use zip", a.Formats)
	}
	if got := expand(a.NameTemplate, "9.8.7", "linux", "arm64") + ".zip"; got != archiveName("9.8.7", "linux_arm64") {
		t.Errorf("archive name_template gives %q; dist writes %q", got, archiveName("9.8.7", "linux_arm64"))
	}
	var srcs []string
	for _, f := range a.Files {
		srcs = append(srcs, f.Src)
		if f.Info.Mode != 0o644 || f.Info.Mtime != "{{ .CommitDate }}" {
			t.Errorf("archive file %s has mode %o and mtime %q; dist writes it with 0644 and the commit's time", f.Src, f.Info.Mode, f.Info.Mtime)
		}
	}
	if !slices.Equal(srcs, archiveFiles) {
		t.Errorf("the archives hold %v beside the binary; dist's hold %v", srcs, archiveFiles)
	}
	if c.Checksum.Algorithm != "sha256" || expand(c.Checksum.NameTemplate, "9.8.7", "", "") != projectName+"_9.8.7_SHA256SUMS" {
		t.Errorf("checksum %s named %q; dist writes sha256 to %s_VERSION_SHA256SUMS", c.Checksum.Algorithm, c.Checksum.NameTemplate, projectName)
	}
	for what, extra := range map[string][]struct {
		Glob         string `yaml:"glob"`
		NameTemplate string `yaml:"name_template"`
	}{"checksum": c.Checksum.ExtraFiles, "release": c.Release.ExtraFiles} {
		if len(extra) != 1 || extra[0].Glob != manifestFile || expand(extra[0].NameTemplate, "9.8.7", "", "") != projectName+"_9.8.7_manifest.json" {
			t.Errorf("%s extra_files %+v; dist adds %s as %s_VERSION_manifest.json", what, extra, manifestFile, projectName)
		}
	}
}

// TestManifest checks the registry manifest: format version 1, plugin protocol 6.0 (the framework's).
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("../../" + manifestFile)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Version  int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", manifestFile, err)
	}
	if m.Version != 1 || !slices.Equal(m.Metadata.ProtocolVersions, []string{"6.0"}) {
		t.Errorf("%s is %s; want version 1 and protocol_versions [\"6.0\"]", manifestFile, data)
	}
}

// TestZipIsReproducible writes the same files twice, with different times and modes on disk: the zips must be
// the same bytes, hold the files sorted by name with the stamp and goreleaser's modes, and hash (h1, as Terraform's
// lock file) like the files themselves.
func TestZipIsReproducible(t *testing.T) {
	dir := t.TempDir()
	bin, readme := filepath.Join(dir, "terraform-provider-ecskit_v1.0.0"), filepath.Join(dir, "README.md")
	if err := os.WriteFile(bin, []byte("\x7fELF not really"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(readme, []byte("# read me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	stamp := time.Date(2024, 3, 20, 12, 47, 6, 0, time.UTC)
	one, two := filepath.Join(t.TempDir(), "one.zip"), filepath.Join(t.TempDir(), "two.zip")
	if err := writeZip(one, stamp, []string{bin, readme}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(bin, time.Now(), time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(readme, 0o664); err != nil {
		t.Fatal(err)
	}
	if err := writeZip(two, stamp, []string{bin, readme}); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(one)
	b, _ := os.ReadFile(two)
	if !bytes.Equal(a, b) {
		t.Error("the same files with other times and modes on disk gave a different zip")
	}

	zr, err := zip.OpenReader(one)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(stamp) {
			t.Errorf("%s is stamped %v, want %v", f.Name, f.Modified, stamp)
		}
		want := os.FileMode(0o644)
		if strings.HasPrefix(f.Name, projectName) {
			want = 0o755
		}
		if f.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", f.Name, f.Mode().Perm(), want)
		}
	}
	if want := []string{"README.md", "terraform-provider-ecskit_v1.0.0"}; !slices.Equal(names, want) {
		t.Errorf("the zip holds %v, want %v", names, want)
	}
	zh, err := dirhash.HashZip(one, dirhash.Hash1)
	if err != nil {
		t.Fatal(err)
	}
	if dh, err := dirhash.HashDir(dir, "", dirhash.Hash1); err != nil || dh != zh {
		t.Errorf("the zip hashes to %s, its files to %s (%v)", zh, dh, err)
	}
}

func TestSelectPlatforms(t *testing.T) {
	all, err := selectPlatforms("all")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 14 || slices.Contains(all, "darwin_386") || slices.Contains(all, "windows_arm") || !slices.Contains(all, "darwin_arm64") {
		t.Errorf("all is %v; want the 16 pairs of goos and goarch without darwin_386 and windows_arm", all)
	}
	if got, err := selectPlatforms("linux_arm64, darwin_amd64,linux_arm64"); err != nil || !slices.Equal(got, []string{"linux_arm64", "darwin_amd64"}) {
		t.Errorf("a list gave %v, %v", got, err)
	}
	if _, err := selectPlatforms("plan9_amd64"); err == nil || !strings.Contains(err.Error(), "choose among") {
		t.Errorf("an unknown platform gave %v, want an error naming the choices", err)
	}
}

// TestCleanOut: dist empties its output directory only when it holds nothing but a release.
func TestCleanOut(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, projectName+"_0.0.1_linux_amd64.zip")
	if err := os.WriteFile(old, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := cleanOut(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the old release is still there: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := cleanOut(dir); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("a directory with notes.txt gave %v, want a refusal naming it", err)
	}
	if err := cleanOut("../.."); err == nil {
		t.Error("dist agreed to empty the repository")
	}
}

func TestRunRejectsBadVersion(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-version", "1.2"}, &out); err == nil || !strings.Contains(err.Error(), "semantic version") {
		t.Errorf("version 1.2 gave %v, want an error about semantic versions", err)
	}
	if err := run([]string{"-version", "0.0.0"}, &out); err == nil || !strings.Contains(err.Error(), "never installs") {
		t.Errorf("version 0.0.0 gave %v, want an error saying Terraform does not install it", err)
	}
}
