package module

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func fileOf(n int) func() (any, int64, hcl.Diagnostics) {
	return func() (any, int64, hcl.Diagnostics) { return &hcl.File{Bytes: make([]byte, n)}, int64(n), nil }
}

func key(name string) parseKey { return parseKey{real: "/" + name, name: name} }

// TestParseCacheParsesOnce: concurrent gets of one file parse it once and share the result.
func TestParseCacheParsesOnce(t *testing.T) {
	c := NewParseCache(1 << 20)
	var parses atomic.Int32
	files := make([]any, 8)
	var wg sync.WaitGroup
	for i := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], _ = c.get(key("m/main.tf"), true, func() (any, int64, hcl.Diagnostics) {
				parses.Add(1)
				return fileOf(10)()
			})
		}()
	}
	wg.Wait()
	if n := parses.Load(); n != 1 {
		t.Errorf("parsed %d times, want once", n)
	}
	for _, f := range files[1:] {
		if f != files[0] {
			t.Fatal("gets of one file returned different syntax trees")
		}
	}
	if f, _ := c.get(parseKey{real: "/m/main.tf", name: "other/main.tf"}, true, fileOf(10)); f == files[0] {
		t.Error("a file named differently in ranges must get its own syntax tree")
	}
}

// TestParseCacheBounded: the least recently used files are dropped to stay within the size; a file larger than
// the cache is not kept; read errors are not kept.
func TestParseCacheBounded(t *testing.T) {
	c := NewParseCache(100)
	a, _ := c.get(key("a"), true, fileOf(40))
	c.get(key("b"), true, fileOf(40))
	c.get(key("a"), true, fileOf(40)) // a is now the most recently used
	c.get(key("c"), true, fileOf(40)) // drops b
	if c.size > 100 || len(c.entries) != 2 {
		t.Fatalf("size %d with %d files, want at most 100 with 2", c.size, len(c.entries))
	}
	if f, _ := c.get(key("a"), true, fileOf(40)); f != a {
		t.Error("the most recently used file was dropped")
	}
	reparsed := false
	c.get(key("b"), true, func() (any, int64, hcl.Diagnostics) { reparsed = true; return fileOf(40)() })
	if !reparsed {
		t.Error("the least recently used file was kept")
	}
	c.get(key("big"), true, fileOf(500))
	if c.size > 100 || c.entries[key("big")] != nil {
		t.Errorf("a file larger than the cache is kept (size %d)", c.size)
	}
	fails := 0
	for range 2 {
		c.get(key("gone"), true, func() (any, int64, hcl.Diagnostics) {
			fails++
			return nil, 0, hcl.Diagnostics{{Severity: hcl.DiagError}}
		})
	}
	if fails != 2 {
		t.Errorf("a read error was kept: %d reads of 2", fails)
	}
}

// TestLoadSharesParsedFiles: Loads with one ParseCache parse a module they both call once, and evaluate it as
// Loads without a cache do.
func TestLoadSharesParsedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("modules/sg/main.tf", "variable \"port\" {}\nresource \"aws_security_group\" \"this\" {\n  name = \"sg-${var.port}\"\n}\n")
	for _, root := range []string{"a", "b"} {
		write(root+"/main.tf", "module \"sg\" {\n  source = \"../modules/sg\"\n  port   = 80\n}\n")
	}
	cache := NewParseCache(1 << 20)
	shared := filepath.Join(dir, "modules", "sg", "main.tf")
	var first *hcl.File
	for _, root := range []string{"a", "b"} {
		cached, diags := Load(filepath.Join(dir, root), Options{AllowedDir: dir, ParseCache: cache})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		plain, _ := Load(filepath.Join(dir, root), Options{AllowedDir: dir})
		if first == nil {
			first = cached.Files[shared]
		} else if cached.Files[shared] != first {
			t.Error("the shared module was parsed again")
		}
		if len(cached.Instances) != 1 || len(plain.Instances) != 1 ||
			!cached.Instances[0].Body.Value("name").RawEquals(plain.Instances[0].Body.Value("name")) {
			t.Errorf("with the cache: %+v; without: %+v", cached.Instances, plain.Instances)
		}
	}
	if first == nil {
		t.Fatalf("%s not among the loaded files", shared)
	}
}

// TestParseCacheKeep: a value made without keep (the directory a Load starts from) is not kept, but one held
// is used.
func TestParseCacheKeep(t *testing.T) {
	c := NewParseCache(100)
	c.get(key("root"), false, fileOf(40))
	if c.entries[key("root")] != nil || c.size != 0 {
		t.Errorf("a value made without keep was kept (size %d)", c.size)
	}
	held, _ := c.get(key("child"), true, fileOf(40))
	if f, _ := c.get(key("child"), false, func() (any, int64, hcl.Diagnostics) {
		t.Error("a held value was parsed again")
		return fileOf(40)()
	}); f != held {
		t.Error("a held value was not used")
	}
}

// TestParseCacheShared: with SetShared, only the module directories named are kept; nil keeps everything again.
func TestParseCacheShared(t *testing.T) {
	c := NewParseCache(1 << 20)
	dir := func(name string) parseKey { return parseKey{dir: true, real: "/" + name, name: name} }
	c.SetShared(map[string]bool{"/shared": true})
	c.get(dir("shared"), true, fileOf(10))
	c.get(dir("once"), true, fileOf(10))
	c.get(key("terraform.tfvars"), true, fileOf(10))
	if c.entries[dir("shared")] == nil || c.entries[dir("once")] != nil || c.entries[key("terraform.tfvars")] != nil || c.size != 10 {
		t.Errorf("kept %d entries of %d bytes, want only the shared directory", len(c.entries), c.size)
	}
	c.SetShared(nil)
	c.get(dir("once"), true, fileOf(10))
	if c.entries[dir("once")] == nil {
		t.Error("without a shared set, a module directory was not kept")
	}
}
