# Pattern seen on real code (a container-definition module's example): the caller leaves out an argument, so the
# module's own default applies, and that default (no memory) breaks the task definition built from the module's
# output. The caller chose not to set memory; Terraform uses the default, so this is certain and stays an error,
# even though this directory configures no provider (its variables would be its callers' inputs, but it has
# none, and the module call's arguments are all written here).
module "web" {
  source = "./modules/container"
  name   = "web"
  image  = "public.ecr.aws/nginx/nginx:1.27"
}

module "worker" {
  source = "./modules/container"
  name   = "worker"
  image  = "public.ecr.aws/docker/library/busybox:1.36"
  memory = 256
}

# No requires_compatibilities (EC2) and no task-level memory: every container needs memory or memoryReservation.
resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    module.web.definition,
    module.worker.definition,
  ])
}
