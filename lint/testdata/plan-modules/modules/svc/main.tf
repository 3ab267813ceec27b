variable "cluster_id" {
  type = string
}

variable "capacity_provider" {
  type = string
}

variable "target_group_arn" {
  type = string
}

locals {
  containers = [{
    name         = "web"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    cpu          = 128
    memory       = 256
    essential    = true
    portMappings = [{ containerPort = 80, protocol = "tcp" }]
  }]
}

resource "aws_ecs_task_definition" "this" {
  family                   = "web"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  container_definitions    = jsonencode(local.containers)
}

resource "aws_ecs_service" "this" {
  name            = "web"
  cluster         = var.cluster_id
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = 2

  capacity_provider_strategy {
    capacity_provider = var.capacity_provider
    weight            = 1
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "web"
    container_port   = 80
  }
}
