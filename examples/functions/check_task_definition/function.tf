# Terraform 1.8 or later.
locals {
  container_definitions = jsonencode([{
    name         = "web"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    memory       = 512
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])

  findings = provider::ecskit::check_task_definition(local.container_definitions)
}

# Reports every finding after each plan and apply.
check "task_definition" {
  assert {
    condition     = length(local.findings) == 0
    error_message = join("\n", [for f in local.findings : "${f.severity} ${f.rule} at ${f.path}: ${f.message}"])
  }
}

# Or stop the plan on errors only, for example in a resource's lifecycle:
#
#   lifecycle {
#     precondition {
#       condition     = alltrue([for f in local.findings : f.severity != "error"])
#       error_message = "The task definition breaks ecskit rules: ${jsonencode(local.findings)}"
#     }
#   }
