# A service whose task definition takes its containers from an ecskit_task_definition data source whose outputs
# are unknown (the execution role is a variable without a value): container_definitions is unknown, so the
# configuration rules look through the reference to the containers the data source composed, and the service's
# container_name "nginx" is certainly not among them.
variable "execution_role_arn" {
  type = string
}

variable "subnets" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

data "ecskit_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = var.execution_role_arn
  containers = [jsonencode({
    name         = "web"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80 }]
  })]
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = data.ecskit_task_definition.web.normalized_cpu
  memory                   = data.ecskit_task_definition.web.normalized_memory
  execution_role_arn       = var.execution_role_arn
  container_definitions    = data.ecskit_task_definition.web.container_definitions
}

resource "aws_ecs_cluster" "this" {
  name = "app"
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
  desired_count   = 1
  network_configuration {
    subnets = var.subnets
  }
  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "nginx"
    container_port   = 80
  }
}
