locals {
  family = "${local.prefix}-${var.name}"
  td     = data.ecskit_task_definition.app.container_definitions
}
