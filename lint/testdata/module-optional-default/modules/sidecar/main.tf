variable "image" {
  type = string
}

variable "log_configuration" {
  type = object({
    logDriver = optional(string, "awslogs")
    options   = optional(map(string), {})
  })
  default = {}
}

output "container" {
  value = {
    name             = "log-router"
    image            = var.image
    essential        = false
    logConfiguration = var.log_configuration
  }
}
