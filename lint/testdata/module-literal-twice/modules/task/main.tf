variable "name" { type = string }
resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", essential = true }])
}
