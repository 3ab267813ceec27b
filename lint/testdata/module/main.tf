# A local module called twice with different inputs: only the call with a
# size Fargate does not offer is reported, inside the module.
module "small" {
  source = "./modules/task"
  name   = "small"
  cpu    = 256
  memory = 512
}

module "broken" {
  source = "./modules/task"
  name   = "broken"
  cpu    = 1024
  memory = 512
}
