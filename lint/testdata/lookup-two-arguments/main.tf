# Pattern seen on real code: lookup with two arguments, lookup(map, key). Terraform 1.x still accepts it (the
# default is optional) and returns the element, failing only when the key is missing. Here the key is present,
# so the task size is known, and it is not a Fargate size: the error must be found (checked with terraform plan:
# lookup(local.sizes, "small").cpu is "256").
provider "aws" {
  region = "eu-west-1"
}

locals {
  sizes = {
    small = { cpu = "256", memory = "4096" }
  }
}

resource "aws_ecs_task_definition" "small" {
  family                   = "small"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = lookup(local.sizes, "small").cpu
  memory                   = lookup(local.sizes, "small").memory
  container_definitions = jsonencode([{
    name      = "app"
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = true
  }])
}
