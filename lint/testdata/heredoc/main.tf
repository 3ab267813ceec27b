# container_definitions as an indented heredoc: findings point at the line and
# column inside it.
resource "aws_ecs_task_definition" "worker" {
  family       = "worker"
  network_mode = "bridge"

  container_definitions = <<-EOT
    [
      {
        "name": "worker",
        "image": "busybox",
        "memory": 512,
        "memoryReservation": 1024,
        "portMappings": [{ "containerPort": 22, "hostPort": 22 }]
      }
    ]
  EOT
}
