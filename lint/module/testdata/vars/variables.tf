variable "a" {
  default = "from-default"
}
variable "b" {
  type    = string
  default = "from-default"
}
variable "c" {}
variable "d" {}
variable "ports" {
  type = list(number)
}
variable "literal" {
  type = string
}
variable "settings" {
  type = object({
    cpu    = number
    memory = optional(number, 512)
  })
}
variable "no_value" {
  type = string
}
variable "no_type_no_value" {}

# A provider block makes this a root module: its variable defaults are values.
provider "aws" {}
