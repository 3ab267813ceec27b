# A reusable module on the pattern of infrablocks/terraform-aws-ecs-service: optional inputs default to null and
# are filled in with coalesce, and a container definitions template is filled in with replace. Linted alone, its
# variables are its callers' choice (unknown): nothing is reported (case reusable-null-defaults).
variable "service_name" {
  type = string
}

variable "service_port" {
  type = string
}

variable "target_port" {
  description = "The port the load balancer routes to. Defaults to service_port."
  type        = string
  default     = null
}

variable "target_container_name" {
  type    = string
  default = null
}

variable "attach_to_load_balancer" {
  type     = bool
  default  = true
  nullable = false
}

variable "container_definitions" {
  type    = string
  default = null
}

locals {
  template = coalesce(var.container_definitions, <<-EOT
    [{"name": "$${name}", "image": "nginx", "memory": 512, "portMappings": [{"containerPort": $${port}}]}]
  EOT
  )
  container_definitions = replace(replace(local.template, "$${name}", var.service_name), "$${port}", var.service_port)

  container_name = coalesce(var.target_container_name, var.service_name)
  container_port = coalesce(var.target_port, var.service_port)
}

resource "aws_ecs_task_definition" "service" {
  family                = var.service_name
  container_definitions = local.container_definitions
}

resource "aws_ecs_service" "service" {
  name            = var.service_name
  task_definition = aws_ecs_task_definition.service.arn

  dynamic "load_balancer" {
    for_each = var.attach_to_load_balancer ? [local.container_port] : []
    content {
      target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
      container_name   = local.container_name
      container_port   = load_balancer.value
    }
  }
}
