# A local module called twice, with a literal mistake: one problem in the code, at one line, with one message,
# reported once, with the first call's chain.
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
