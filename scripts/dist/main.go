// Command dist builds the provider's release in the layout the Terraform Registry expects, the layout goreleaser
// makes from .goreleaser.yml, without goreleaser and without the network:
//
//	dist/terraform-provider-ecskit_VERSION_OS_ARCH.zip     one per platform: the binary terraform-provider-ecskit_vVERSION
//	                                                       (.exe on Windows) and README.md
//	dist/terraform-provider-ecskit_VERSION_manifest.json   terraform-registry-manifest.json (protocol 6.0)
//	dist/terraform-provider-ecskit_VERSION_SHA256SUMS      the SHA-256 of each zip and of the manifest
//
// The binaries are built as goreleaser builds them (CGO_ENABLED=0, -trimpath, -ldflags "-s -w -X
// main.version=VERSION"), and the binary and README.md carry the commit's time, so the same commit and Go give the
// same zips. What goreleaser adds for a real release and this does not: the GPG signature of SHA256SUMS
// (SHA256SUMS.sig, which the Registry requires) and the upload. Terraform does not check signatures of providers
// installed from a filesystem mirror.
//
// Run it from the repository root (make dist does):
//
//	go run ./scripts/dist [-version 0.0.1] [-platforms all|host|OS_ARCH,...] [-out dist] [-mirror DIR [-host HOST,...]]
//
// With -mirror, the zips are also copied into DIR/HOST/ecskit/ecskit/, a filesystem mirror in Terraform's packed
// layout, for each HOST (default registry.terraform.io; OpenTofu looks under registry.opentofu.org).
package main

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/dirhash"
)

// The names goreleaser gives, from .goreleaser.yml (scripts/dist/dist_test.go checks that they agree).
const (
	projectName = "terraform-provider-ecskit"
	// namespace and type of the provider's address HOST/ecskit/ecskit.
	namespace, providerType = "ecskit", "ecskit"
	manifestFile            = "terraform-registry-manifest.json"
)

// goos and goarch are the build matrix of .goreleaser.yml; ignored are the pairs it leaves out.
var (
	goos    = []string{"freebsd", "windows", "linux", "darwin"}
	goarch  = []string{"amd64", "386", "arm", "arm64"}
	ignored = []string{"darwin_386", "windows_arm"}
	// archiveFiles are the files each zip holds beside the binary.
	archiveFiles = []string{"README.md"}
	// buildEnv is the environment of every build; goreleaser's defaults for the sub-architectures are set too, so
	// that a GOARM or GOAMD64 in the caller's environment does not change the binaries.
	buildEnv = []string{"CGO_ENABLED=0", "GOAMD64=v1", "GO386=sse2", "GOARM=6", "GOARM64=v8.0"}
)

// binaryName is the name goreleaser gives the binary ('{{ .ProjectName }}_v{{ .Version }}').
func binaryName(version, goos string) string {
	name := projectName + "_v" + version
	if goos == "windows" {
		name += ".exe"
	}
	return name
}

// archiveName is the zip's name ('{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}').
func archiveName(version, platform string) string {
	return projectName + "_" + version + "_" + platform + ".zip"
}

// ldflags are the linker flags of .goreleaser.yml ('-s -w -X main.version={{.Version}}').
func ldflags(version string) string { return "-s -w -X main.version=" + version }

// semver matches the versions Terraform accepts for a provider (no leading "v").
var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "dist: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("dist", flag.ContinueOnError)
	version := fs.String("version", "0.0.1", "the release version, without a leading v (Terraform selects a pre-release such as 1.0.0-rc1 only when asked for exactly)")
	platforms := fs.String("platforms", "all", `"all" (the platforms of .goreleaser.yml), "host", or a comma-separated list such as linux_amd64,darwin_arm64`)
	out := fs.String("out", "dist", "the directory to write the release to; it is emptied first")
	mirror := fs.String("mirror", "", "also copy the zips into this filesystem mirror (packed layout: DIR/HOST/ecskit/ecskit/)")
	hosts := fs.String("host", "registry.terraform.io", "the registry hosts to lay the mirror out for, comma-separated (OpenTofu: registry.opentofu.org)")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; all options are flags (see -h)", fs.Arg(0))
	}
	v := strings.TrimPrefix(*version, "v")
	if !semver.MatchString(v) {
		return fmt.Errorf("version %q is not a semantic version such as 1.2.3; Terraform installs only providers whose version is one", *version)
	}
	if v == "0.0.0" {
		return errors.New("version 0.0.0 is one Terraform never installs (it finds \"no available releases\"); give another, such as the default 0.0.1")
	}
	targets, err := selectPlatforms(*platforms)
	if err != nil {
		return err
	}
	if _, err := os.Stat("main.go"); err != nil {
		return errors.New("run dist from the repository root (where main.go and go.mod are), for example with make dist")
	}
	if err := cleanOut(*out); err != nil {
		return err
	}
	stamp := commitTime()

	build, err := os.MkdirTemp("", "ecskit-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(build)

	sums := map[string]string{}
	hashes := map[string]string{}
	for _, p := range targets {
		os_, arch, _ := strings.Cut(p, "_")
		bin := filepath.Join(build, p, binaryName(v, os_))
		fmt.Fprintf(stdout, "building %s\n", p)
		cmd := exec.Command(goCommand(), "build", "-trimpath", "-ldflags", ldflags(v), "-o", bin, ".")
		cmd.Env = append(os.Environ(), buildEnv...)
		cmd.Env = append(cmd.Env, "GOOS="+os_, "GOARCH="+arch)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build for %s failed (its output is above): %v", p, err)
		}
		zipPath := filepath.Join(*out, archiveName(v, p))
		if err := writeZip(zipPath, stamp, append([]string{bin}, archiveFiles...)); err != nil {
			return err
		}
		if sums[filepath.Base(zipPath)], err = fileSHA256(zipPath); err != nil {
			return err
		}
		if hashes[filepath.Base(zipPath)], err = dirhash.HashZip(zipPath, dirhash.Hash1); err != nil {
			return err
		}
	}

	manifest := projectName + "_" + v + "_manifest.json"
	if err := copyFile(manifestFile, filepath.Join(*out, manifest)); err != nil {
		return err
	}
	if sums[manifest], err = fileSHA256(filepath.Join(*out, manifest)); err != nil {
		return err
	}
	names := slices.Sorted(maps.Keys(sums))
	var list strings.Builder
	for _, n := range names {
		fmt.Fprintf(&list, "%s  %s\n", sums[n], n)
	}
	sumsFile := filepath.Join(*out, projectName+"_"+v+"_SHA256SUMS")
	if err := os.WriteFile(sumsFile, []byte(list.String()), 0o644); err != nil {
		return err
	}

	if *mirror != "" {
		for _, host := range strings.Split(*hosts, ",") {
			dir := filepath.Join(*mirror, strings.TrimSpace(host), namespace, providerType)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			for _, p := range targets {
				if err := copyFile(filepath.Join(*out, archiveName(v, p)), filepath.Join(dir, archiveName(v, p))); err != nil {
					return err
				}
			}
			fmt.Fprintf(stdout, "mirror: %s\n", dir)
		}
	}

	fmt.Fprintf(stdout, "wrote %s:\n", *out)
	for _, n := range names {
		if h := hashes[n]; h != "" {
			fmt.Fprintf(stdout, "  %s  %s\n", n, h)
		} else {
			fmt.Fprintf(stdout, "  %s\n", n)
		}
	}
	fmt.Fprintf(stdout, "  %s\n", filepath.Base(sumsFile))
	return nil
}

// selectPlatforms expands the -platforms flag into OS_ARCH pairs of the build matrix.
func selectPlatforms(spec string) ([]string, error) {
	var all []string
	for _, o := range goos {
		for _, a := range goarch {
			if p := o + "_" + a; !slices.Contains(ignored, p) {
				all = append(all, p)
			}
		}
	}
	switch spec {
	case "all":
		return all, nil
	case "host":
		spec = runtime.GOOS + "_" + runtime.GOARCH
	}
	var out []string
	for _, p := range strings.Split(spec, ",") {
		p = strings.TrimSpace(p)
		if !slices.Contains(all, p) {
			return nil, fmt.Errorf("platform %q is not one that .goreleaser.yml builds; choose among %s", p, strings.Join(all, ", "))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// cleanOut empties the output directory, as goreleaser --clean does, after checking that it is not the
// repository or a directory holding anything but a release.
func cleanOut(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(abs, "go.mod")); err == nil || abs == filepath.Dir(abs) {
		return fmt.Errorf("-out %s would empty the repository or the root; give a directory of its own, such as dist", dir)
	}
	entries, err := os.ReadDir(abs)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), projectName+"_") {
			return fmt.Errorf("-out %s holds %s, which is not part of a release; give an empty directory or remove it first", dir, e.Name())
		}
	}
	if err := os.RemoveAll(abs); err != nil {
		return err
	}
	return os.MkdirAll(abs, 0o755)
}

// commitTime is the time of the checked-out commit (goreleaser's mod_timestamp: '{{ .CommitTimestamp }}'), or
// SOURCE_DATE_EPOCH, or 1980-01-01 (the earliest time a zip holds) outside a git checkout.
func commitTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	if out, err := exec.Command("git", "log", "-1", "--format=%ct").Output(); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// writeZip writes the files, under their base names and in their order (goreleaser's), into a new zip at path;
// each carries the time stamp.
func writeZip(path string, stamp time.Time, files []string) error {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b string) int { return strings.Compare(filepath.Base(a), filepath.Base(b)) })
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, name := range files {
		if err := addToZip(zw, name, stamp); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func addToZip(zw *zip.Writer, name string, stamp time.Time) error {
	src, err := os.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	hdr, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	hdr.Name = filepath.Base(name)
	hdr.Method = zip.Deflate
	// The modes of .goreleaser.yml's archives, whatever the checkout's umask made of them.
	if info.Mode()&0o111 != 0 {
		hdr.SetMode(0o755)
	} else {
		hdr.SetMode(0o644)
	}
	hdr.Modified = stamp
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, src)
	return err
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// goCommand is the go command that runs this program (go run puts its GOROOT first), else the one on PATH.
func goCommand() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); runtime.GOROOT() != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}
