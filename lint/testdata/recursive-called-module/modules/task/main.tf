variable "name" {
  type = string
}

variable "cpu" {
  type    = number
  default = 1024
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = 512
  container_definitions = jsonencode([{
    name      = var.name
    image     = "busybox"
    essential = false
    portMappings = [{ containerPort = 8080, hostPort = 0 }]
  }])
}
