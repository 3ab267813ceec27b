# The task of ../main.tf as the attributes of aws_ecs_task_definition, carried
# by a built-in terraform_data resource (the AWS provider is not needed).
# doors_test.go plans it with the real terraform and reads the plan JSON as
# if terraform_data.api were aws_ecs_task_definition.api.
resource "terraform_data" "role" {
  input = "arn:aws:iam::123456789012:role/api-task"
}

resource "terraform_data" "api" {
  input = {
    family                   = "api"
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = "256"
    memory                   = "4096"
    task_role_arn            = terraform_data.role.output # known only after apply
    container_definitions = jsonencode([{
      name  = "api"
      image = "public.ecr.aws/docker/library/httpd:2.4"
    }])
  }
}
