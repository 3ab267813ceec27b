package main

import (
	"archive/zip"
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	tfjson "github.com/hashicorp/terraform-json"
	"golang.org/x/mod/sumdb/dirhash"
)

// installVersion is the version the test releases; one that is not the default 0.0.1 shows that the version asked
// for is the one installed.
const installVersion = "1.2.3"

// TestAccInstallFromMirror installs the provider as users do: make dist's release layout (scripts/dist), its zip
// put into a filesystem mirror, and a real `terraform init` (or `tofu init`) with a CLI configuration that has
// only filesystem_mirror and direct, no dev_overrides. Init must install the release's binary and write a lock file
// whose hash is the zip's, and the quickstart example must then plan.
func TestAccInstallFromMirror(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make test does) to run it against terraform")
	}
	// The CLI as terraform-plugin-testing finds it for the provider's tests: TF_ACC_TERRAFORM_PATH, else terraform
	// on PATH (the testing framework would download one; this test does not).
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("TF_ACC_TERRAFORM_PATH is not set and no terraform is on PATH; run the test through make test, or eval \"$(scripts/find-terraform.sh)\" first.")
		}
	}
	// The registry host the CLI resolves "ecskit/ecskit" on: registry.opentofu.org for OpenTofu.
	host := cmp.Or(os.Getenv("TF_ACC_PROVIDER_HOST"), "registry.terraform.io")
	if flavor := os.Getenv("ECSKIT_TF_FLAVOR"); flavor == "opentofu" && host != "registry.opentofu.org" {
		t.Fatalf("ECSKIT_TF_FLAVOR=opentofu but TF_ACC_PROVIDER_HOST=%q; OpenTofu installs from registry.opentofu.org (scripts/find-terraform.sh sets both).", host)
	}
	platform := runtime.GOOS + "_" + runtime.GOARCH
	tmp := t.TempDir()
	dist, mirror, work := filepath.Join(tmp, "dist"), filepath.Join(tmp, "mirror"), filepath.Join(tmp, "work")

	// The release layout, for this platform only.
	run(t, "", os.Environ(), goCmd(), "run", "./scripts/dist", "-version", installVersion, "-platforms", platform,
		"-out", dist, "-mirror", mirror, "-host", host)
	zipName := fmt.Sprintf("terraform-provider-ecskit_%s_%s.zip", installVersion, platform)
	zipPath := filepath.Join(dist, zipName)
	sums := readSHA256SUMS(t, filepath.Join(dist, "terraform-provider-ecskit_"+installVersion+"_SHA256SUMS"))
	checkRelease(t, dist, zipPath, sums)
	mirrored := filepath.Join(mirror, host, "ecskit", "ecskit", zipName)
	if got := sha256File(t, mirrored); got != sums[zipName] {
		t.Fatalf("the mirror's %s has SHA-256 %s, not the release's %s", zipName, got, sums[zipName])
	}
	wantH1, err := dirhash.HashZip(zipPath, dirhash.Hash1)
	if err != nil {
		t.Fatal(err)
	}

	// A CLI configuration as a user writes it, and the quickstart example.
	cliConfig := filepath.Join(tmp, "terraformrc")
	address := host + "/ecskit/ecskit"
	writeFile(t, cliConfig, fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = [%q]
  }
  direct {
    exclude = [%q]
  }
}
`, mirror, address, address))
	example, err := os.ReadFile("examples/quickstart/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(work, "main.tf"), string(example))
	env := cliEnv(cliConfig)

	initOut := run(t, work, env, tf, "init", "-input=false", "-no-color")
	if strings.Contains(initOut, "development overrides") {
		t.Errorf("init used dev_overrides:\n%s", initOut)
	}
	installed := filepath.Join(work, ".terraform", "providers", host, "ecskit", "ecskit", installVersion, platform)
	if _, err := os.Stat(filepath.Join(installed, "terraform-provider-ecskit_v"+installVersion)); err != nil {
		t.Fatalf("init did not install the release's binary: %v\ninit said:\n%s", err, initOut)
	}
	if got, err := dirhash.HashDir(installed, "", dirhash.Hash1); err != nil || got != wantH1 {
		t.Errorf("the installed provider hashes to %s (%v), want the zip's %s", got, err, wantH1)
	}

	// The lock file: the version released, and hashes that are the release's.
	version, hashes := readLock(t, filepath.Join(work, ".terraform.lock.hcl"), address)
	if version != installVersion {
		t.Errorf("the lock file records version %q, want %q", version, installVersion)
	}
	if !slices.Contains(hashes, wantH1) {
		t.Errorf("the lock file's hashes %v do not include the zip's %s", hashes, wantH1)
	}
	for _, h := range hashes {
		switch {
		case strings.HasPrefix(h, "h1:"):
			if h != wantH1 {
				t.Errorf("the lock file has h1 hash %s, which is not the zip's %s", h, wantH1)
			}
		case strings.HasPrefix(h, "zh:"):
			if !slices.Contains(slices.Collect(maps.Values(sums)), strings.TrimPrefix(h, "zh:")) {
				t.Errorf("the lock file has %s, which SHA256SUMS does not list", h)
			}
		default:
			t.Errorf("the lock file has a hash of an unknown scheme: %s", h)
		}
	}

	// Init again from the lock file alone: the CLI checks the mirror's zip against the recorded hash.
	if err := os.RemoveAll(filepath.Join(work, ".terraform")); err != nil {
		t.Fatal(err)
	}
	run(t, work, env, tf, "init", "-input=false", "-no-color")

	// The provider selected, and a plan that runs it.
	var v struct {
		ProviderSelections map[string]string `json:"provider_selections"`
	}
	if err := json.Unmarshal([]byte(run(t, work, env, tf, "version", "-json")), &v); err != nil {
		t.Fatal(err)
	}
	if got := v.ProviderSelections[address]; got != installVersion {
		t.Errorf("version -json selects %s %q, want %q (selections: %v)", address, got, installVersion, v.ProviderSelections)
	}
	planOut := run(t, work, env, tf, "plan", "-input=false", "-no-color", "-out=tfplan")
	if strings.Contains(planOut, "development overrides") {
		t.Errorf("plan used dev_overrides:\n%s", planOut)
	}
	var plan tfjson.Plan
	if err := json.Unmarshal([]byte(run(t, work, env, tf, "show", "-json", "tfplan")), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.PlannedValues == nil || plan.PlannedValues.Outputs["memory"] == nil {
		t.Fatalf("the plan has no output \"memory\": %+v", plan.PlannedValues)
	}
	if got := plan.PlannedValues.Outputs["memory"].Value; got != "3072" {
		t.Errorf("the plan's output memory is %v, want \"3072\" (the quickstart's 3 GB in MiB)", got)
	}
}

// checkRelease checks the release layout: the zip holds the binary and README.md, the manifest says protocol 6.0,
// and SHA256SUMS lists the zip and the manifest with their true hashes.
func checkRelease(t *testing.T, dist, zipPath string, sums map[string]string) {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if strings.HasPrefix(f.Name, "terraform-provider-ecskit_v") && f.Mode()&0o100 == 0 {
			t.Errorf("%s in %s is not executable (mode %v)", f.Name, filepath.Base(zipPath), f.Mode())
		}
	}
	slices.Sort(names)
	binary := "terraform-provider-ecskit_v" + installVersion
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	if want := []string{"README.md", binary}; !slices.Equal(names, want) {
		t.Errorf("%s holds %v, want %v", filepath.Base(zipPath), names, want)
	}

	manifestName := "terraform-provider-ecskit_" + installVersion + "_manifest.json"
	var manifest struct {
		Version  int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	data, err := os.ReadFile(filepath.Join(dist, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		t.Fatalf("%s: %v", manifestName, err)
	}
	if manifest.Version != 1 || !slices.Equal(manifest.Metadata.ProtocolVersions, []string{"6.0"}) {
		t.Errorf("%s is %s, want version 1 with protocol_versions [\"6.0\"]", manifestName, data)
	}

	want := []string{filepath.Base(zipPath), manifestName}
	if got := slices.Sorted(maps.Keys(sums)); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("SHA256SUMS lists %v, want %v", got, want)
	}
	for _, name := range want {
		if got := sha256File(t, filepath.Join(dist, name)); got != sums[name] {
			t.Errorf("SHA256SUMS says %s for %s, but its SHA-256 is %s", sums[name], name, got)
		}
	}
}

// readSHA256SUMS reads a checksum file of lines "HEX  NAME".
func readSHA256SUMS(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("%s: line %q is not \"SHA256  NAME\"", path, sc.Text())
		}
		sums[name] = sum
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sums
}

// readLock returns the version and hashes the lock file records for the provider address.
func readLock(t *testing.T, path, address string) (string, []string) {
	t.Helper()
	f, diags := hclparse.NewParser().ParseHCLFile(path)
	if diags.HasErrors() {
		t.Fatalf("init wrote no readable lock file: %s", diags.Error())
	}
	var lock struct {
		Providers []struct {
			Address     string   `hcl:"address,label"`
			Version     string   `hcl:"version"`
			Constraints *string  `hcl:"constraints"`
			Hashes      []string `hcl:"hashes"`
		} `hcl:"provider,block"`
		Rest hcl.Body `hcl:",remain"`
	}
	if diags := gohcl.DecodeBody(f.Body, nil, &lock); diags.HasErrors() {
		t.Fatalf("%s: %s", path, diags.Error())
	}
	for _, p := range lock.Providers {
		if p.Address == address {
			return p.Version, p.Hashes
		}
	}
	t.Fatalf("the lock file has no provider %q:\n%s", address, f.Bytes)
	return "", nil
}

// cliEnv is the environment for the CLI: the caller's, without any TF_ setting that would change how providers are
// installed or run (a reattach, a plugin cache, a CLI configuration), plus the CLI configuration given.
func cliEnv(cliConfig string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_") {
			env = append(env, kv)
		}
	}
	return append(env, "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
}

// run runs a command in dir and returns its standard output; the test fails with both outputs if it fails.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", filepath.Base(name), strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// goCmd is the go command of the toolchain that runs the test, else the one on PATH.
func goCmd() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); runtime.GOROOT() != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
