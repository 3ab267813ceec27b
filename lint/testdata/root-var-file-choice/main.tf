# Pattern seen on real code (the "complete" examples of label-based module families): a root module whose
# variables default to null, run with a variable file that Terraform does not load by itself
# (terraform apply -var-file fixtures.eu-west-1.tfvars). The names come from that file, so their null defaults
# are not the values applied and the empty family they would give is no finding. The task memory is set by no
# such file: its default is applied, and 100 MiB is no Fargate size for 256 CPU units.
provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = null
}

variable "namespace" {
  type    = string
  default = null
}

variable "stage" {
  type    = string
  default = null
}

variable "name" {
  type    = string
  default = null
}

variable "task_memory" {
  type    = number
  default = 100
}

module "service" {
  source      = "./modules/service"
  id          = join("-", compact([var.namespace, var.stage, var.name]))
  task_cpu    = 256
  task_memory = var.task_memory
}
