# The configuration of tfplan.json: linted together with the plan, the plan's
# findings are placed on these blocks.
variable "web_host_port" {
  type = number
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096"
  container_definitions = jsonencode([{
    name         = "web"
    image        = "public.ecr.aws/nginx/nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 80, hostPort = var.web_host_port, protocol = "tcp" }]
  }])
}

variable "services" {
  type = map(object({ cpu = string, memory = string, containers = string }))
}

module "svc" {
  source     = "./modules/svc"
  for_each   = var.services
  family     = each.key
  cpu        = each.value.cpu
  memory     = each.value.memory
  containers = each.value.containers
}
