// Command corpusgen writes the deterministic corpus of ECS Terraform stacks that scripts/bench.sh lints (see
// package bench for its shape).
//
//	corpusgen -out DIR [-stacks 720] [-seed 1]
//
// It prints one line: "dirs=N files=N lines=N bytes=N".
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ecskit/terraform-provider-ecskit/lint/bench"
)

func main() {
	out := flag.String("out", "", "directory to write the corpus into (created; must be empty or absent)")
	stacks := flag.Int("stacks", 720, "number of stacks; each stack is three module directories")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same corpus")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpusgen -out DIR [-stacks N] [-seed N]")
		os.Exit(2)
	}
	st, err := bench.Generate(*out, *stacks, *seed)
	if err != nil {
		fmt.Fprintf(os.Stderr, "corpusgen: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("dirs=%d files=%d lines=%d bytes=%d\n", st.Dirs, st.Files, st.Lines, st.Bytes)
}
