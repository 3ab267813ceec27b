package module

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzEval fuzzes the evaluator rather than the parser: the input is one expression, placed where ecslint
// evaluates expressions (a local, count, for_each, a dynamic block, a module input and a function argument) in
// an otherwise valid module. Load must not panic and must return a Config whatever the expression does. Seeds
// live in testdata/fuzz/FuzzEval.
func FuzzEval(f *testing.F) {
	for _, s := range []string{
		`{ a = 1, b = "x" }`,
		`[for i in range(3) : { name = "c${i}", port = 8000 + i }]`,
		`merge(var.v, { c = [1, 2, 3] })`,
		`local.x`,
		`cidrsubnet("10.0.0.0/16", 8, 300)`,
		`jsondecode(file("${path.module}/nope.json"))`,
		`try(var.v.missing, null)`,
		`{ for k, v in var.v : k => v if v != null }`,
		`-1`,
		`1e300`,
		`tolist(toset(["a", "b", "a"]))`,
		`templatefile("main.tf", {})`,
		`regex("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")`,
		`"${var.v}${module.m.out}"`,
		`range(0, 1000000)`,
		`format("%0999999d", 1)`,
		`sensitive({ a = [sensitive(1), "x"] })`,
		`nonsensitive(sensitive(var.v))`,
		`[for k, v in sensitive(var.v) : issensitive(v) ? k : v]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		dir := t.TempDir()
		main := `
variable "v" {
  default = { a = 1, b = "x" }
}
locals {
  x = ` + expr + `
  y = [for k, v in local.x : v]
}
module "m" {
  source = "./m"
  in     = local.x
}
resource "aws_ecs_task_definition" "t" {
  count                 = length(local.y)
  family                = "f${count.index}"
  container_definitions = jsonencode(local.x)
  dynamic "volume" {
    for_each = local.x
    content {
      name = volume.key
    }
  }
}
resource "aws_security_group_rule" "r" {
  for_each  = local.x
  from_port = each.value
  to_port   = each.value
  protocol  = "tcp"
}
`
		sub := `
variable "in" {}
output "out" {
  value = var.in
}
`
		if err := os.MkdirAll(filepath.Join(dir, "m"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "m", "main.tf"), []byte(sub), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, diags := Load(dir, Options{})
		if cfg == nil {
			t.Fatal("nil Config")
		}
		for _, d := range diags {
			if d.Summary == "" {
				t.Fatalf("diagnostic without a summary: %#v", d)
			}
		}
	})
}
