package module

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*.tf"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`locals { a = local.a }`))
	f.Add([]byte(`module "m" { source = "./" }`))
	f.Add([]byte(`terraform {
  required_providers {
    ek  = { source = "ecskit/ecskit" }
    aws = "~> 5.0"
  }
}
locals {
  a = provider::ek::fargate_size(1024, "2 GB", "LINUX").cpu
  b = provider::ecskit::check_task_definition(jsonencode([{ name = "x" }]))
  c = provider::aws::arn_parse("arn:aws:iam::1:role/x")
  d = provider::ecskit::normalize_container_definitions("[]", local.a)
}`))
	f.Add([]byte(`resource "r" "x" { dynamic "d" { for_each = range(3) content { dynamic "e" { for_each = [d.value] content { v = e.value } } } } }`))
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o600); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		cfg, _ := Load(dir, Options{})
		if cfg == nil {
			t.Fatal("nil Config")
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Load took %s", d)
		}
	})
}

// writeBenchModule writes a module tree in the shape of real ECS configurations: a root with locals and a
// for_each over services calling a service module, which calls a task-definition module.
func writeBenchModule(tb testing.TB, services int) string {
	tb.Helper()
	root := tb.TempDir()
	write := func(rel, src string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	var svc strings.Builder
	svc.WriteString("locals {\n  services = {\n")
	for i := 0; i < services; i++ {
		fmt.Fprintf(&svc, "    svc%d = { port = %d, cpu = 256, memory = 512, image = \"repo/svc%d:1\" }\n", i, 8000+i, i)
	}
	svc.WriteString("  }\n}\n")
	write("main.tf", svc.String()+`
variable "env" {
  default = "prod"
}
variable "vpc_id" {
  type = string
}
locals {
  name   = "${var.env}-app"
  tags   = merge({ env = var.env }, { team = "platform" })
  cidrs  = [for i in range(4) : cidrsubnet("10.0.0.0/16", 8, i)]
}
resource "aws_ecs_cluster" "this" {
  name = local.name
  tags = local.tags
}
resource "aws_security_group" "instances" {
  name   = "${local.name}-instances"
  vpc_id = var.vpc_id
  dynamic "ingress" {
    for_each = local.services
    content {
      from_port       = ingress.value.port
      to_port         = ingress.value.port
      protocol        = "tcp"
      security_groups = [aws_security_group.alb.id]
    }
  }
}
resource "aws_security_group" "alb" {
  name = "${local.name}-alb"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
module "service" {
  source   = "./modules/service"
  for_each = local.services
  name     = "${local.name}-${each.key}"
  cluster  = aws_ecs_cluster.this.id
  port     = each.value.port
  cpu      = each.value.cpu
  memory   = each.value.memory
  image    = each.value.image
  subnets  = local.cidrs
}
`)
	write("modules/service/main.tf", `
variable "name" { type = string }
variable "cluster" { type = string }
variable "port" { type = number }
variable "cpu" { type = number }
variable "memory" { type = number }
variable "image" { type = string }
variable "subnets" { type = list(string) }
module "task" {
  source = "../task"
  family = var.name
  cpu    = var.cpu
  memory = var.memory
  containers = [{
    name  = "app"
    image = var.image
    portMappings = [{ containerPort = var.port, protocol = "tcp" }]
    environment  = [for k, v in { PORT = tostring(var.port), NAME = var.name } : { name = k, value = v }]
  }]
}
resource "aws_lb_target_group" "this" {
  name        = substr(var.name, 0, 32)
  port        = var.port
  protocol    = "HTTP"
  target_type = "ip"
}
resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = var.cluster
  task_definition = module.task.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = var.subnets
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = "app"
    container_port   = var.port
  }
}
`)
	write("modules/task/main.tf", `
variable "family" { type = string }
variable "cpu" { type = number }
variable "memory" { type = number }
variable "containers" { type = any }
resource "aws_ecs_task_definition" "this" {
  family                   = var.family
  cpu                      = tostring(var.cpu)
  memory                   = tostring(var.memory)
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  container_definitions    = jsonencode(var.containers)
}
output "arn" {
  value = aws_ecs_task_definition.this.arn
}
`)
	return root
}

func BenchmarkLoad(b *testing.B) {
	root := writeBenchModule(b, 30)
	cfg, diags := Load(root, Options{})
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	if n := len(cfg.Instances); n != 3+30*3 {
		b.Fatalf("%d instances, want %d", n, 3+30*3)
	}
	b.ReportAllocs()
	for b.Loop() {
		Load(root, Options{})
	}
}
