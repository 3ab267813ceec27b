# A root module (it has a backend) that passes its variables on, on the pattern of infrablocks'
# spec/unit/infra/root: a test harness gives the values; the defaults are null. A root module's defaults are
# values, so the module is evaluated with service_port = null, and Terraform fails the same way: coalesce finds
# no argument that is not null, replace refuses a null argument (TestRootNullDefaultsAsTerraform runs terraform
# plan on it). ecslint warns at each place, naming the call.
terraform {
  backend "local" {}
}

variable "service_name" {}

variable "service_port" {
  default = null
}

variable "target_port" {
  default = null
}

module "service" {
  source = "../mod"

  service_name = var.service_name
  service_port = var.service_port
  target_port  = var.target_port
}
