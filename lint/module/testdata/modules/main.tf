variable "env" {
  default = "prod"
}
module "svc" {
  source   = "./modules/svc"
  for_each = { api = 8080, web = 80 }
  name     = "${var.env}-${each.key}"
  port     = each.value
}
module "single" {
  source = "./modules/svc"
  name   = "single"
  port   = 9000
}
resource "aws_lb_target_group" "tg" {
  for_each = module.svc
  name     = each.value.service_name
  api_port = module.svc["api"].port
  td       = module.single.td_family
}

# A provider block makes this a root module: its variable defaults are values.
provider "aws" {}
