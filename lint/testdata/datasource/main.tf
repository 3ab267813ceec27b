# A task definition composed with the ecskit data sources and used by the AWS
# resource: the finding is reported once, on the data source.
data "ecskit_container_definition" "web" {
  name  = "web"
  image = "nginx:1.27"
  port_mappings = [
    { container_port = 80, host_port = 8080 },
  ]
}

data "ecskit_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  containers               = [data.ecskit_container_definition.web.json]
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = data.ecskit_task_definition.web.normalized_cpu
  memory                   = data.ecskit_task_definition.web.normalized_memory
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecs-execution"
  container_definitions    = data.ecskit_task_definition.web.container_definitions
}
