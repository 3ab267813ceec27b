package lint_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// FuzzLint runs the whole of ecslint (loader, evaluator, task and configuration rules, ignore comments, the
// json and text formats with their source snippets) on a fuzzed main.tf, next to a valid local module it may
// call as ./svc. Whatever the input, ecslint must not panic, must exit 0, 1 or 2, and must write valid JSON.
// The seeds are the main.tf files of the golden tests in testdata: real configurations of every rule.
func FuzzLint(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*", "main.tf"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seeds under testdata (%v)", err)
	}
	for _, p := range seeds {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Add(`module "svc" {
  source = "./svc"
  cpu    = 300
}
# ecslint-ignore: fargate_cpu_memory
`)
	f.Add(`variable "pw" {
  default   = "hunter2-secret"
  sensitive = true
}
resource "aws_ecs_task_definition" "t" {
  count        = sensitive(2)
  family       = "t${count.index}"
  network_mode = sensitive("awsvpc")
  container_definitions = sensitive(jsonencode([{
    name = "a", image = "x", memory = 512,
    environment  = [{ name = "PW", value = var.pw }],
    portMappings = [{ containerPort = 80, hostPort = 0 }]
  }]))
}
`)
	f.Fuzz(func(t *testing.T, main string) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "main.tf"), main)
		writeFile(t, filepath.Join(dir, "svc", "main.tf"), fuzzModule)
		for _, format := range []string{"json", "text"} {
			var out, errOut strings.Builder
			code := lint.Run([]string{"--recursive", "--format", format, dir}, &out, &errOut)
			if code != lint.ExitOK && code != lint.ExitFindings && code != lint.ExitFailed {
				t.Fatalf("%s: exit %d; input:\n%s", format, code, main)
			}
			if format == "json" && !json.Valid([]byte(out.String())) {
				t.Fatalf("json output is not JSON:\n%s\ninput:\n%s", out.String(), main)
			}
		}
	})
}

// fuzzModule is the local module FuzzLint's input may call.
const fuzzModule = `
variable "cpu" {
  type    = number
  default = 256
}

resource "aws_ecs_task_definition" "this" {
  family                   = "svc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = 512
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx"
    essential    = true
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}

output "arn" {
  value = aws_ecs_task_definition.this.arn
}
`
