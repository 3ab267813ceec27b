data "ecskit_container_definition" "web" {
  name          = "web"
  image         = "public.ecr.aws/nginx/nginx:1.27"
  port_mappings = [{ container_port = 80 }]

  # Logs go through the FireLens log router below.
  log_configuration = {
    log_driver = "awsfirelens"
    options = {
      Name   = "cloudwatch_logs"
      region = "eu-west-1"
    }
  }
}

data "ecskit_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "2 GB"

  containers = [
    data.ecskit_container_definition.web.json,
    # Any container object works too, for example one written with jsonencode.
    jsonencode({
      name      = "log-router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      essential = false
      firelensConfiguration = {
        type = "fluentbit"
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/web"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "firelens"
        }
      }
    }),
  ]

  execution_role_arn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  # Rules to skip for this task definition, by name, for example:
  # ignore_rules = ["plaintext_secret"]
}

# The outputs go straight into the AWS provider's resource:
#
# resource "aws_ecs_task_definition" "web" {
#   family                   = "web"
#   requires_compatibilities = ["FARGATE"]
#   network_mode             = "awsvpc"
#   cpu                      = data.ecskit_task_definition.web.normalized_cpu
#   memory                   = data.ecskit_task_definition.web.normalized_memory
#   container_definitions    = data.ecskit_task_definition.web.container_definitions
#   ...
# }
