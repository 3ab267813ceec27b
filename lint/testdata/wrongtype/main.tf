# Values of the wrong type are errors of the run (exit 2) with their ranges;
# rules stay silent about what follows from them (no "memory required").
resource "aws_ecs_task_definition" "a" {
  family = "a"
  container_definitions = jsonencode([
    { name = "a", image = "busybox", memory = "lots" }
  ])
}

resource "aws_ecs_task_definition" "b" {
  family                = "b"
  container_definitions = 42
}
