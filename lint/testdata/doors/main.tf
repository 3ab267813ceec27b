# One broken task definition (256 CPU units cannot have 4 GB on Fargate), as
# ecskit data source: the provider rejects it at plan time and ecslint reports
# it in this file. plan/ holds the same task as plan values, task.json as a
# RegisterTaskDefinition input (doors_test.go).
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
    name  = "api"
    image = "public.ecr.aws/docker/library/httpd:2.4"
  })]
}
