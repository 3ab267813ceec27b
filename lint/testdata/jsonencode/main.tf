# A Fargate task written with plain jsonencode: an invalid size and a host
# port that differs from the container port under awsvpc.
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 4096
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "nginx:1.27"
      essential = true
      portMappings = [
        {
          containerPort = 80
          hostPort      = 8080
        }
      ]
    }
  ])
}
