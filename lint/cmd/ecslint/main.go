// Command ecslint checks Amazon ECS task definitions in Terraform modules and
// task-definition JSON files before terraform apply. See `ecslint -help`.
package main

import (
	"os"
	"runtime/debug"

	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// gcPercent lets the heap grow to five times what is live before a
// collection (Go's default: twice). The live heap of ecslint is a few
// modules' syntax trees and results, whatever the size of the run, so this
// trades a few tens of MB for a quarter of the run time spent in the
// collector. GOGC, when set, wins.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(lint.Run(os.Args[1:], os.Stdout, os.Stderr))
}
