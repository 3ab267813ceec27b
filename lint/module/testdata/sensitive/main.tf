# Sensitive values as Terraform marks them (TestSensitive): a variable declared sensitive and sensitive().
provider "aws" {}

variable "password" {
  type      = string
  sensitive = true
  default   = "secret-password"
}

variable "plain" {
  type    = string
  default = "plain-value"
}

locals {
  token = sensitive({ a = "secret-token", n = 3 })
}

resource "test_sensitive" "s" {
  password        = var.password
  token           = local.token.a
  is_var          = issensitive(var.password)
  is_plain        = issensitive(var.plain)
  is_fn           = issensitive(sensitive(1))
  nonsensitive    = nonsensitive(var.password)
  is_nonsensitive = issensitive(nonsensitive(var.password))
  length          = length(var.password)
  json            = jsonencode({ p = var.password })
}
