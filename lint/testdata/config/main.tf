variable "host_port" {
  type = number
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "api"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    environment  = [{ name = "DB_PASSWORD", value = "hunter2hunter2" }]
    portMappings = [{ containerPort = 80, hostPort = var.host_port }]
  }])
}

# Bridge mode: 40000 is inside the default dynamic range (32768-65535) but not
# inside the configured 49153-65535, so static_host_port_in_dynamic_range is silent.
resource "aws_ecs_task_definition" "legacy" {
  family       = "legacy"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name         = "legacy"
    image        = "busybox"
    memory       = 128
    portMappings = [{ containerPort = 80, hostPort = 40000 }]
  }])
}
