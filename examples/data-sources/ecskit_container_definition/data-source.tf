data "ecskit_container_definition" "web" {
  name   = "web"
  image  = "public.ecr.aws/nginx/nginx:1.27"
  cpu    = 256
  memory = 512

  port_mappings = [{ container_port = 80 }]

  environment = {
    APP_ENV   = "production"
    LOG_LEVEL = "info"
  }

  secrets = {
    DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/db-password"
  }

  health_check = {
    command = ["CMD-SHELL", "curl -fs http://localhost/ || exit 1"]
  }

  log_configuration = {
    log_driver = "awslogs"
    options = {
      awslogs-group         = "/ecs/web"
      awslogs-region        = "eu-west-1"
      awslogs-stream-prefix = "web"
    }
  }
}

# data.ecskit_container_definition.web.json is one element of
# ecskit_task_definition.containers.
