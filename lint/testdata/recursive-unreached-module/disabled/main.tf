resource "aws_ecs_task_definition" "this" {
  family                = "disabled"
  container_definitions = jsonencode([{ name = "d", image = "busybox", memory = 64, essential = false }])
}
