# Secrets stay secret: every way of composing a task definition with ecskit
# keeps a sensitive value out of plans, logs and unmarked outputs.
#
# Prefer `secrets` (an ARN the ECS agent resolves at start-up): then the secret
# is never in Terraform at all. This example is for values that are in
# Terraform anyway, such as a sensitive variable.
terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
    aws    = { source = "hashicorp/aws" }
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}

# 1. Data sources. Terraform does not tell a data source which values are
# sensitive, so ecskit treats everything it builds from them as sensitive:
# `json`, `container_definitions` and the task's `json` are sensitive outputs,
# whatever attribute a secret is in.
data "ecskit_container_definition" "api" {
  name   = "api"
  image  = "public.ecr.aws/nginx/nginx:1.27"
  memory = 512

  environment = {
    APP_ENV     = "production"
    DB_PASSWORD = var.db_password
  }
  secrets = {
    API_KEY = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key"
  }
}

data "ecskit_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  containers               = [data.ecskit_container_definition.api.json]
}

# The plan shows `container_definitions = (sensitive value)`, as it does when
# a sensitive value is in a jsonencode(...) written by hand.
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = data.ecskit_task_definition.api.normalized_cpu
  memory                   = data.ecskit_task_definition.api.normalized_memory
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  container_definitions    = data.ecskit_task_definition.api.container_definitions
}

# A readable copy for reviews: environment values, commands, option and label
# values read "(redacted)"; names, images, sizes, ports and ARNs stay. Its
# changes show in every plan.
output "api_container_definitions" {
  value = data.ecskit_task_definition.api.container_definitions_redacted
}

# An output of the full JSON must be declared sensitive; without
# `sensitive = true` Terraform refuses it.
output "api_task_definition_json" {
  value     = data.ecskit_task_definition.api.json
  sensitive = true
}

# 2. Functions. Terraform marks a function's result sensitive when an argument
# is: the result is sensitive exactly when a sensitive value went in, as with
# jsonencode, so plans of task definitions without secrets stay readable.
locals {
  worker_containers = provider::ecskit::normalize_container_definitions(jsonencode([{
    name        = "worker"
    image       = "public.ecr.aws/docker/library/busybox:1.37"
    memory      = 256
    command     = ["sh", "-c", "run-worker"]
    environment = [{ name = "DB_PASSWORD", value = var.db_password }]
  }]), "awsvpc")

  # Sensitive too: the findings of a sensitive argument.
  worker_findings = provider::ecskit::check_task_definition(local.worker_containers)
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = local.worker_containers

  lifecycle {
    # The plan stops on an error finding. A finding's message may quote a
    # value, so only the rule names and places are shown: they come from the
    # rule catalogue and the JSON's structure, never from a value.
    precondition {
      condition     = alltrue([for f in local.worker_findings : f.severity != "error"])
      error_message = "The worker task definition breaks ecskit rules: ${nonsensitive(join(", ", [for f in local.worker_findings : "${f.rule} at ${f.path}" if f.severity == "error"]))}."
    }
  }
}

# 3. jsonencode into the data sources: a container written with jsonencode is
# composed and checked like one from ecskit_container_definition, and stays
# sensitive.
data "ecskit_task_definition" "migrate" {
  family = "migrate"
  containers = [jsonencode({
    name        = "migrate"
    image       = "public.ecr.aws/docker/library/busybox:1.37"
    memory      = 128
    essential   = true
    environment = [{ name = "DATABASE_URL", value = "postgres://app:${var.db_password}@db:5432/app" }]
  })]
}

output "migrate_container_definitions" {
  value = data.ecskit_task_definition.migrate.container_definitions_redacted
}
