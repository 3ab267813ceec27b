// Command ecslint checks Amazon ECS task definitions in Terraform modules and
// task-definition JSON files before terraform apply. See `ecslint -help`.
package main

import (
	"os"

	"github.com/ecskit/terraform-provider-ecskit/lint"
)

func main() {
	os.Exit(lint.Run(os.Args[1:], os.Stdout, os.Stderr))
}
