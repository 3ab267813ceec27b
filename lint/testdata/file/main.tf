# Containers kept in a JSON file beside the module: findings point into it.
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  container_definitions    = file("${path.module}/containers.json")
}
