# The ecskit provider under another local name: provider::ek:: calls its functions, as in Terraform.
terraform {
  required_providers {
    ek = { source = "registry.terraform.io/ecskit/ecskit" }
  }
}

# 0.25 vCPU with 4 GB is no Fargate size: the function's 256 CPU units reach the rule.
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = provider::ek::fargate_size(".25 vCPU", "1 GB").cpu
  memory                   = "4096"
  container_definitions    = jsonencode([{ name = "web", image = "nginx" }])
}
