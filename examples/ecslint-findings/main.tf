# An example with real mistakes for ecslint to find (`make demo` runs it):
#
# - api.tf: a Fargate task with a size Fargate does not offer and a host port
#   that differs from the container port under awsvpc.
# - web.tf: an EC2 service with dynamic host ports behind a load balancer
#   whose container instances admit only port 80 from it, so every target
#   fails its health check.

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "api_image" {
  type    = string
  default = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.3.1"
}

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_iam_role" "execution" {
  name = "shop-ecs-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}
