// Command parsefloor is the floor ecslint's speed is measured against: it finds the module directories below
// ROOT the way `ecslint --recursive` does (directories with .tf or .tf.json files, hidden directories skipped,
// symbolic links not followed), reads each configuration file and parses it, with hclsyntax for .tf and the HCL
// JSON parser for .tf.json, and does nothing else.
//
//	parsefloor [-j N] ROOT
//
// Module directories are parsed by N workers (default GOMAXPROCS, all cores). It prints one line:
// "dirs=N files=N lines=N bytes=N errors=N" and exits 1 when a file does not parse.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"
)

type counts struct{ dirs, files, lines, bytes, errors int }

func main() {
	workers := flag.Int("j", runtime.GOMAXPROCS(0), "number of module directories parsed at once")
	flag.Parse()
	if flag.NArg() != 1 || *workers < 1 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor [-j N] ROOT")
		os.Exit(2)
	}
	root := flag.Arg(0)

	// The walk reads each directory once and hands its entries to the workers.
	type dirEntries struct {
		dir     string
		entries []os.DirEntry
	}
	dirs := make(chan dirEntries, 64)
	results := make(chan counts, *workers)
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c counts
			for d := range dirs {
				parseDir(d.dir, d.entries, &c)
			}
			results <- c
		}()
	}
	var walkErr error
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			walkErr = err
			return
		}
		dirs <- dirEntries{dir, entries}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				walk(filepath.Join(dir, e.Name()))
			}
		}
	}
	walk(root)
	err := walkErr
	close(dirs)
	wg.Wait()
	close(results)
	var total counts
	for c := range results {
		total.dirs += c.dirs
		total.files += c.files
		total.lines += c.lines
		total.bytes += c.bytes
		total.errors += c.errors
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "parsefloor: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("dirs=%d files=%d lines=%d bytes=%d errors=%d\n", total.dirs, total.files, total.lines, total.bytes, total.errors)
	if total.errors > 0 {
		os.Exit(1)
	}
}

// parseDir parses the configuration files among dir's entries and adds to c.
func parseDir(dir string, entries []os.DirEntry, c *counts) {
	found := false
	for _, e := range entries {
		name := e.Name()
		isTF, isJSON := strings.HasSuffix(name, ".tf"), strings.HasSuffix(name, ".tf.json")
		if e.IsDir() || strings.HasPrefix(name, ".") || !isTF && !isJSON {
			continue
		}
		found = true
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "parsefloor: %v\n", err)
			c.errors++
			continue
		}
		var diags hcl.Diagnostics
		if isTF {
			_, diags = hclsyntax.ParseConfig(src, path, hcl.InitialPos)
		} else {
			_, diags = json.Parse(src, path)
		}
		if diags.HasErrors() {
			fmt.Fprintf(os.Stderr, "parsefloor: %s\n", diags.Error())
			c.errors++
		}
		c.files++
		c.bytes += len(src)
		c.lines += bytes.Count(src, []byte("\n"))
	}
	if found {
		c.dirs++
	}
}
