# The configuration behind tfplan.json, a plan made with other values of var.services than these defaults
# (-var-file): services "a", "b" and "c", where "a" has other sizes than here. Linted together:
#   - aws_ecs_task_definition.svc["a"] and aws_ecs_service.svc["a"] are reported by the configuration (with
#     these defaults) and by the plan (with its values), in other words: the same finding, reported once, where
#     the configuration found it;
#   - "b" and "c", which only the plan knows, have findings with the same message as each other (and, for the
#     task definitions, as "a" here): each is its own resource and is reported, on the block header.
provider "aws" {
  region = "eu-west-1"
}

variable "services" {
  type = map(object({ cpu = string, memory = string, min_healthy = number, max = number }))
  default = {
    a = { cpu = "256", memory = "4096", min_healthy = 150, max = 120 }
  }
}

resource "aws_ecs_task_definition" "svc" {
  for_each                 = var.services
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  container_definitions = jsonencode([{
    name      = "web"
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = true
  }])
}

resource "aws_ecs_service" "svc" {
  for_each                           = var.services
  name                               = each.key
  task_definition                    = aws_ecs_task_definition.svc[each.key].arn
  desired_count                      = 2
  deployment_minimum_healthy_percent = each.value.min_healthy
  deployment_maximum_percent         = each.value.max
}
