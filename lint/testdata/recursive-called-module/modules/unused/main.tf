variable "memory" {
  type    = number
  default = 512
}

resource "aws_ecs_task_definition" "this" {
  family                   = "unused"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = var.memory
  container_definitions = jsonencode([{
    name      = "app"
    image     = "busybox"
    essential = true
    portMappings = [{ containerPort = 8080, hostPort = 0 }]
  }])
}
