module "a" {
  source = "../a"
}

resource "aws_ecs_task_definition" "this" {
  family                = "b"
  container_definitions = jsonencode([{ name = "b", image = "busybox", memory = 64, essential = false }])
}
