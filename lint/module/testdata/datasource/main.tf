variable "image" {
  default = "nginx:1"
}
variable "unknown_image" {
  type = string
}
locals {
  web = jsonencode({ name = "web", image = var.image })
}
data "ecskit_task_definition" "app" {
  family     = "app"
  containers = [local.web]
  volume {
    name = "data"
  }
  dynamic "volume" {
    for_each = ["logs"]
    content {
      name = volume.value
    }
  }
}
data "ecskit_task_definition" "each" {
  for_each   = toset(["a", "b"])
  family     = each.key
  containers = []
}
data "ecskit_task_definition" "unknown" {
  family     = "u"
  containers = [jsonencode({ name = "web", image = var.unknown_image })]
}
data "aws_iam_policy_document" "p" {}
locals {
  from_data = data.ecskit_task_definition.app.volume_count
}
resource "aws_ecs_task_definition" "app" {
  family                = data.ecskit_task_definition.app.family
  container_definitions = data.ecskit_task_definition.app.container_definitions
  volumes               = local.from_data
  each_a                = data.ecskit_task_definition.each["a"].family
  unknown               = data.ecskit_task_definition.unknown.container_definitions
  policy                = data.aws_iam_policy_document.p.json
}

# A provider block makes this a root module: its variable defaults are values.
provider "aws" {}
