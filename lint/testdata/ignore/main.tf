# ecslint-ignore-file: plaintext_secret demo credentials of a throwaway environment
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  # ecslint-ignore: fargate_cpu_memory sized by the platform team's module, see ADR-12
  memory = "4096"
  container_definitions = jsonencode([{
    name        = "api"
    image       = "public.ecr.aws/nginx/nginx:1.27"
    environment = [{ name = "DB_PASSWORD", value = "hunter2hunter2" }]
    portMappings = [
      { containerPort = 80, hostPort = 8080 }, # ecslint-ignore: host_port_mismatch,no_such_rule the sidecar rewrites it
      { containerPort = 81, hostPort = 8081 }, # ecslint-ignore: host_port_zero nothing to suppress here
      { containerPort = 82, hostPort = 8082 },
    ]
  }])
}
