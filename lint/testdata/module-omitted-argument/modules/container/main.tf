variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "memory" {
  type    = number
  default = null
}

output "definition" {
  value = {
    name      = var.name
    image     = var.image
    essential = true
    memory    = var.memory
  }
}
