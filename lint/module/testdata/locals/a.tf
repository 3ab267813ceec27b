variable "name" {
  default = "web"
}
locals {
  prefix     = upper(local.env)
  env        = "prod"
  containers = [jsonencode({ name = local.family, image = "nginx" })]
}
data "ecskit_task_definition" "app" {
  family     = local.family
  containers = local.containers
}
resource "aws_ecs_task_definition" "this" {
  family                = local.family
  container_definitions = local.td
}

# A provider block makes this a root module: its variable defaults are values.
provider "aws" {}
