variable "name" {
  type = string
}

variable "cpu" {
  type = number
}

variable "memory" {
  type = number
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"

  container_definitions = jsonencode([
    {
      name      = var.name
      image     = "nginx:1.27"
      essential = true
    }
  ])
}
