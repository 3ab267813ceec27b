# A task definition that AWS would reject at apply time: 256 CPU units cannot have 4 GB on Fargate.
# `terraform plan` fails here instead, naming the rule and the valid memory values.
terraform {
  required_providers {
    ecskit = {
      source = "ecskit/ecskit"
    }
  }
}

data "ecskit_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"

  containers = [jsonencode({
    name         = "api"
    image        = "public.ecr.aws/docker/library/httpd:2.4"
    portMappings = [{ containerPort = 8080, hostPort = 80 }]
  })]
}
