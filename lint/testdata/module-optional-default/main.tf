# Pattern seen on real code (a sidecar module for Fargate): the module's variable is an object whose optional
# attribute defaults select the awslogs driver with no options. The root module below does not set it, so the
# sidecar ships with awslogs and no awslogs-group, awslogs-region or awslogs-stream-prefix: on Fargate the
# container cannot start. The default is the module's, the omission the root's: the finding is certain.
provider "aws" {
  region = "eu-west-1"
}

module "sidecar" {
  source = "./modules/sidecar"
  image  = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
}

module "sidecar_configured" {
  source = "./modules/sidecar"
  image  = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
  log_configuration = {
    options = {
      awslogs-group         = "/ecs/sidecar"
      awslogs-region        = "eu-west-1"
      awslogs-stream-prefix = "sidecar"
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "public.ecr.aws/nginx/nginx:1.27"
      essential = true
    },
    module.sidecar.container,
  ])
}

resource "aws_ecs_task_definition" "configured" {
  family                   = "configured"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "public.ecr.aws/nginx/nginx:1.27"
      essential = true
    },
    module.sidecar_configured.container,
  ])
}
