variable "name" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "cpu" {
  type = string
}

variable "memory" {
  type = string
}

resource "aws_iam_role" "task" {
  name = "${var.name}-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  task_role_arn            = var.task_role_arn
  container_definitions = jsonencode([{
    name      = var.name
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = true
  }])
}

output "role_arn" {
  value = aws_iam_role.task.arn
}
