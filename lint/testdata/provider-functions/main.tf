# The ecskit provider's functions, evaluated by ecslint with the provider's own code: their results reach the
# rules. A function of another provider is unknown, silently; a failing ecskit call is a warning at its place.
terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
    aws    = { source = "hashicorp/aws" }
  }
}

provider "aws" {}

locals {
  # { cpu = "1024", memory = "3072" }
  size = provider::ecskit::fargate_size("0.75 vCPU", "2.5 GB")

  # Canonical under awsvpc: hostPort filled in from containerPort.
  web = provider::ecskit::normalize_container_definitions(jsonencode([{
    name         = "web"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    portMappings = [{ containerPort = 80 }]
  }]), "awsvpc")
}

# Valid: the function's size is a Fargate size.
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.size.cpu
  memory                   = local.size.memory
  container_definitions    = local.web
}

# The size the function returned is checked: 512 MiB beside its 1024 CPU units is no Fargate size.
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.size.cpu
  memory                   = 512
  container_definitions    = local.web
}

# provider::aws::arn_parse runs in the AWS provider, which ecslint does not run: the image is unknown, and
# nothing is reported about it; the rest of the container is known and checked (hostPort 8080 under awsvpc).
resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "worker"
    image        = provider::aws::arn_parse("arn:aws:ecr:eu-west-1:123456789012:repository/worker").resource
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}

# Terraform stops the plan here: no Fargate size has 32 vCPU. ecslint says so at the call, and the task's size
# is unknown.
resource "aws_ecs_task_definition" "batch" {
  family                   = "batch"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = provider::ecskit::fargate_size("32 vCPU", "64 GB").cpu
  memory                   = "65536"
  container_definitions    = local.web
}
