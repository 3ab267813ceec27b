# A local module called twice, with a literal mistake: each call makes a task definition that ECS rejects, so
# the finding is reported for each, with its call chain (one message, one line, two resources).
provider "aws" {
  region = "eu-west-1"
}

module "web" {
  source = "./modules/task"
  name   = "web"
}

module "api" {
  source = "./modules/task"
  name   = "api"
}
