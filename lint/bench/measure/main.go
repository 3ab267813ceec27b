// Command measure runs a command once and reports its wall time and peak memory (the child's maximum resident
// set size from getrusage), so that scripts/bench.sh does not depend on GNU time being installed.
//
//	measure -o FILE COMMAND [ARG ...]
//
// The command's stdout and stderr are discarded unless -show is given. FILE receives one line:
// "wall=SECONDS rss_kb=KILOBYTES exit=CODE". measure exits 0 whatever the command's exit code (linters exit
// non-zero when they report findings), and 1 when the command cannot be started or is killed by a signal.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "file to write the result line to")
	show := flag.Bool("show", false, "pass the command's stdout and stderr through")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure -o FILE [-show] COMMAND [ARG ...]")
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	if *show {
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(os.Stderr, "measure: cannot run %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	if st := cmd.ProcessState; st.ExitCode() < 0 {
		fmt.Fprintf(os.Stderr, "measure: %s was killed: %v\n", flag.Arg(0), st)
		os.Exit(1)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "measure: this system reports no resource usage for child processes.")
		os.Exit(1)
	}
	line := fmt.Sprintf("wall=%.3f rss_kb=%d exit=%d\n", wall.Seconds(), ru.Maxrss, cmd.ProcessState.ExitCode())
	if err := os.WriteFile(*out, []byte(line), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "measure: %v\n", err)
		os.Exit(1)
	}
}
