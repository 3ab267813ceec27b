# The configuration terraform console runs in for TestEcskitFunctions, with the ecskit provider built from this
# tree (dev_overrides). TestEcskitFunctions evaluates these locals for ecslint too.
terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
  }
}

locals {
  fargate_task = jsonencode({
    family                  = "web"
    requiresCompatibilities = ["FARGATE"]
    networkMode             = "awsvpc"
    cpu                     = "256"
    memory                  = "4096"
    containerDefinitions = [{
      name         = "web"
      image        = "nginx"
      portMappings = [{ containerPort = 80, hostPort = 8080 }]
      environment  = [{ name = "API_TOKEN", value = "abc" }]
    }]
  })
  containers = jsonencode([
    { name = "web", image = "nginx", environment = [{ name = "B", value = "2" }, { name = "A", value = "1" }, { name = "EMPTY", value = "" }], portMappings = [{ containerPort = 80, protocol = "tcp" }] },
    { name = "app", image = "x", essential = false, command = [], memory = 256 },
  ])
}
