variable "family" {}
variable "port" {}
resource "aws_ecs_task_definition" "this" {
  family                = var.family
  container_definitions = jsonencode([{ name = "app", portMappings = [{ containerPort = var.port }] }])
}
output "family" {
  value = "${var.family}-td"
}
