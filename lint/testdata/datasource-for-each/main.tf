# Task definitions composed with a for_each ecskit_task_definition and registered by a for_each
# aws_ecs_task_definition built from its outputs: each finding is reported once, on its data source instance,
# and no resource instance repeats it (ecslint before issue 13 repeated the findings of every data source
# instance but the last on its resource instance). A resource is compared with the instance it names:
# aws_ecs_task_definition.own takes its family from the "web" instance, which has no finding, and its own
# container has one of its own, at the place where the "api" instance has the same finding.
provider "aws" {}

variable "names" {
  type    = set(string)
  default = ["api", "web"]
}

data "ecskit_task_definition" "svc" {
  for_each                 = var.names
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  containers = [jsonencode({
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = each.key == "api" ? 8080 : 80 }]
  })]
}

resource "aws_ecs_task_definition" "svc" {
  for_each                 = var.names
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = data.ecskit_task_definition.svc[each.key].normalized_cpu
  memory                   = data.ecskit_task_definition.svc[each.key].normalized_memory
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  container_definitions    = data.ecskit_task_definition.svc[each.key].container_definitions
}

resource "aws_ecs_task_definition" "own" {
  family                   = data.ecskit_task_definition.svc["web"].family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}
