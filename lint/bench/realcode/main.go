// Command realcode measures ecslint on public Terraform that deploys Amazon ECS: repositories nobody here wrote,
// checked out on this machine at the commits listed in lint/bench/realcode.txt. It never downloads anything:
// the checkouts are made beforehand (scripts/realcode.sh says how) and their files are never committed here.
//
//	realcode measure -ecslint BIN -list FILE -dir DIR [-out DIR] [-runs N]
//	realcode install -list FILE -dir DIR
//	realcode diff OLD NEW
//
// measure runs `ecslint --recursive --format json .` in each checkout N times (the last with GOMAXPROCS=1) and
// prints a table: exit code, run failures (errors of severity error), error/warning/notice findings, the
// warnings "Remote module not loaded", unknown functions and reference cycles, and whether the runs gave the
// same bytes. With -out it keeps each repository's first output (OWNER+NAME.json), every finding
// (findings.tsv) and the totals (summary.json), which diff compares with an earlier -out directory.
//
// install writes .terraform/modules/modules.json into root modules of the checkouts as `terraform init` would,
// for the module calls whose registry source is itself a repository of the corpus (see install.go).
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "measure":
		err = measureMain(os.Args[2:])
	case "install":
		err = installMain(os.Args[2:])
	case "diff":
		err = diffMain(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "realcode: %v\n", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: realcode measure -ecslint BIN -list FILE -dir DIR [-out DIR] [-runs N]\n"+
		"       realcode install -list FILE -dir DIR\n"+
		"       realcode diff OLD_OUT NEW_OUT")
	os.Exit(2)
}
