# Containers rendered from a template: findings point at the templatefile
# call, since the positions inside the rendered text are not in any file.
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  container_definitions = templatefile("${path.module}/containers.json.tftpl", {
    image = "nginx:1.27"
    port  = 80
  })
}
