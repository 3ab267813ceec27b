resource "aws_ecs_task_definition" "app" {
  family = "app"
  cpu    = 256 256
}
