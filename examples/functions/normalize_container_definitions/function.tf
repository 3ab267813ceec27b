# Terraform 1.8 or later.
locals {
  # Hand-written container definitions, as the AWS provider's
  # aws_ecs_task_definition.container_definitions takes them.
  handwritten = jsonencode([{
    name  = "web"
    image = "public.ecr.aws/nginx/nginx:1.27"
    environment = [
      { name = "LOG_LEVEL", value = "info" },
      { name = "APP_ENV", value = "production" },
    ]
    portMappings = [{ containerPort = 80, protocol = "tcp" }]
  }])
}

# What AWS stores for it, in the form the AWS provider compares: environment
# sorted, "tcp" dropped, essential made explicit, and under awsvpc hostPort
# equal to containerPort. Use it as container_definitions so the resource plans
# no change after apply.
output "container_definitions" {
  value = provider::ecskit::normalize_container_definitions(local.handwritten, "awsvpc")
}
