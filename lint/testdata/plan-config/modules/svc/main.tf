variable "family" { type = string }
variable "cpu" { type = string }
variable "memory" { type = string }
variable "containers" { type = string }

variable "enabled" {
  type    = bool
  default = true
}

resource "aws_ecs_task_definition" "this" {
  count                    = var.enabled ? 1 : 0
  family                   = var.family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  container_definitions    = var.containers
}
