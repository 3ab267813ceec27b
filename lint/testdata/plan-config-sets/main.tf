# The configuration of tfplan.json. The service's two load_balancer blocks name containers its task
# definition does not have; the configuration and the plan both find them. load_balancer is a set, and the
# plan lists its blocks in another order than here: each finding is still matched with the configuration's
# by the target group and container it names, and reported once, on its block.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name         = "web"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    memory       = 256
    essential    = true
    portMappings = [{ containerPort = 80, protocol = "tcp" }]
  }])
}

resource "aws_lb_target_group" "a" {
  name     = "a"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_target_group" "b" {
  name     = "b"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2

  load_balancer {
    target_group_arn = aws_lb_target_group.a.arn
    container_name   = "app"
    container_port   = 80
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.b.arn
    container_name   = "api"
    container_port   = 80
  }
}
