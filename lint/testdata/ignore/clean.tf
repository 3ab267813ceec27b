# A file without findings: its stale ignore is still reported.
resource "aws_ecs_task_definition" "worker" {
  family       = "worker"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name   = "worker"
    image  = "busybox"
    memory = 128 // ecslint-ignore: container_memory fixed long ago
  }])
}
