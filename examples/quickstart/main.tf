# A Fargate web service's task definition, composed and validated by ecskit at plan time.
terraform {
  required_providers {
    ecskit = {
      source = "ecskit/ecskit"
    }
  }
}

data "ecskit_container_definition" "web" {
  name   = "web"
  image  = "public.ecr.aws/nginx/nginx:1.27"
  cpu    = 256
  memory = 512

  port_mappings = [{ container_port = 80 }]

  environment = {
    LOG_LEVEL = "info"
    APP_ENV   = "production"
  }

  health_check = {
    command = ["CMD-SHELL", "curl -fs http://localhost/ || exit 1"]
  }
}

data "ecskit_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "3 GB"

  containers = [data.ecskit_container_definition.web.json]
}

# Feed these to aws_ecs_task_definition:
#   container_definitions = data.ecskit_task_definition.web.container_definitions
#   cpu                   = data.ecskit_task_definition.web.normalized_cpu
#   memory                = data.ecskit_task_definition.web.normalized_memory
#
# container_definitions is a sensitive value (a data source cannot know
# whether a value it was given came from a sensitive variable); this readable
# copy has environment values, commands and option values redacted.
output "container_definitions_redacted" {
  value = data.ecskit_task_definition.web.container_definitions_redacted
}

output "cpu" {
  value = data.ecskit_task_definition.web.normalized_cpu
}

output "memory" {
  value = data.ecskit_task_definition.web.normalized_memory
}
