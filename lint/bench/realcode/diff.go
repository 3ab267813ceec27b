package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// diffMain compares two -out directories of measure: the totals side by side, then the findings that are gone
// and those that are new (a finding is its repository, severity, rule, place and address).
func diffMain(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("diff needs two -out directories of measure, the old one first")
	}
	var sums [2][]result
	var finds [2]map[string]string
	for i, d := range args {
		b, err := os.ReadFile(filepath.Join(d, "summary.json"))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &sums[i]); err != nil {
			return fmt.Errorf("%s: %v", filepath.Join(d, "summary.json"), err)
		}
		finds[i], err = readFindings(filepath.Join(d, "findings.tsv"))
		if err != nil {
			return err
		}
	}
	type row struct {
		name string
		get  func(result) int
	}
	rows := []row{
		{"repositories measured", func(r result) int { return b2i(r.Status == "ok") }},
		{"run failures (errors)", func(r result) int { return r.RunFailures }},
		{"error findings", func(r result) int { return r.Errors }},
		{"warning findings", func(r result) int { return r.Warnings }},
		{"notice findings", func(r result) int { return r.Notices }},
		{"Remote module not loaded", func(r result) int { return r.RemoteModules }},
		{"Call to unknown function", func(r result) int { return r.UnknownFuncs }},
		{"Reference cycle", func(r result) int { return r.Cycles }},
		{"other warnings", func(r result) int { return r.OtherWarnings }},
		{"exit 2 (run failed)", func(r result) int { return b2i(r.Status == "ok" && r.Exit == 2) }},
		{"output differs between runs", func(r result) int { return b2i(r.Status == "ok" && !r.SameRuns) }},
		{"output differs with one worker", func(r result) int { return b2i(r.Status == "ok" && !r.SameWorkers) }},
	}
	fmt.Printf("%-34s %8s %8s\n", "", "old", "new")
	for _, rw := range rows {
		var n [2]int
		for i := range sums {
			for _, r := range sums[i] {
				n[i] += rw.get(r)
			}
		}
		fmt.Printf("%-34s %8d %8d\n", rw.name, n[0], n[1])
	}
	for _, c := range []struct {
		title    string
		from, to map[string]string
	}{{"gone", finds[0], finds[1]}, {"new", finds[1], finds[0]}} {
		var keys []string
		for k := range c.from {
			if _, ok := c.to[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		fmt.Printf("\nfindings %s (%d):\n", c.title, len(keys))
		for _, k := range keys {
			fmt.Printf("  %s\n      %s\n", k, c.from[k])
		}
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// readFindings reads findings.tsv: key (repo, severity, rule, place, address) to the message.
func readFindings(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for first := true; sc.Scan(); first = false {
		if first {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 7 {
			continue
		}
		out[strings.Join(f[:5], "  ")] = f[6]
	}
	return out, sc.Err()
}
