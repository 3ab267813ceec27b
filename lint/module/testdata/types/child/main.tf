variable "name" {
  type = string
}

output "family" {
  value = "${var.name}-family"
}
