# Pattern seen on real code: the service names its task definition through the aws_ecs_task_definition data
# source (a lookup of the latest active revision of a family, often used so that a deployment pipeline's newer
# revisions are kept), and the family is this configuration's own task definition. The data source is a lookup,
# not a task definition: its containers, network mode and compatibilities are those of whatever revision is
# active, which static analysis cannot know. Nothing may be reported about service "lookup". Service "direct"
# names the resource itself, whose container is "web": its container_name "nginx" is certainly wrong.
provider "aws" {
  region = "eu-west-1"
}

variable "subnets" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

resource "aws_ecs_cluster" "this" {
  name = "app"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "web"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 80 }]
  }])
}

data "aws_ecs_task_definition" "web" {
  task_definition = aws_ecs_task_definition.web.family
}

resource "aws_ecs_service" "lookup" {
  name            = "lookup"
  cluster         = aws_ecs_cluster.this.id
  launch_type     = "FARGATE"
  task_definition = data.aws_ecs_task_definition.web.arn
  desired_count   = 1

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "web"
    container_port   = 80
  }

  network_configuration {
    subnets = var.subnets
  }
}

resource "aws_ecs_service" "direct" {
  name            = "direct"
  cluster         = aws_ecs_cluster.this.id
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 1

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "nginx"
    container_port   = 80
  }

  network_configuration {
    subnets = var.subnets
  }
}
