# Values known only later stay silent: the memory comes from a variable without
# a default and the host port from another resource.
variable "memory" {
  type = number
}

resource "aws_iam_role" "execution" {
  name               = "app-execution"
  assume_role_policy = "{}"
}

resource "terraform_data" "port" {
  input = 8080
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name  = "app"
      image = "nginx:1.27"
      portMappings = [
        { containerPort = 80, hostPort = terraform_data.port.output },
      ]
    }
  ])
}
