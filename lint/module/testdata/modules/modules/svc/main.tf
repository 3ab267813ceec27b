variable "name" {
  type = string
}
variable "port" {
  type = number
}
module "td" {
  source = "../td"
  family = var.name
  port   = var.port
}
resource "aws_ecs_service" "this" {
  name            = var.name
  task_definition = module.td.family
  load_balancer {
    container_name = "app"
    container_port = var.port
  }
}
output "service_name" {
  value = var.name
}
output "port" {
  value = var.port
}
output "td_family" {
  value = module.td.family
}
