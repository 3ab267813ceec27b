variable "unknown_map" {
  type = map(string)
}
variable "unknown_count" {
  type = number
}
locals {
  rules = {
    http  = { port = 80, cidr = "10.0.0.0/8" }
    https = { port = 443, cidr = "10.0.0.0/8" }
  }
}
resource "aws_security_group" "counted" {
  count = 2
  name  = "sg-${count.index}"
}
resource "aws_security_group" "each_map" {
  for_each = local.rules
  name     = "${each.key}-${each.value.port}"
}
resource "aws_security_group" "each_set" {
  for_each = toset(["a", "b", "c"])
  name     = each.value
}
resource "aws_security_group" "zero" {
  count = 0
}
resource "aws_security_group" "unknown_each" {
  for_each    = var.unknown_map
  name        = each.key
  description = "static"
}
resource "aws_security_group" "unknown_count" {
  count = var.unknown_count
  name  = "n-${count.index}"
}
resource "aws_security_group" "bad_list" {
  for_each = ["a"]
}
resource "aws_security_group" "dyn" {
  name = "dyn"
  dynamic "ingress" {
    for_each = local.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      cidr_blocks = [rule.value.cidr]
      description = rule.key
    }
  }
  ingress {
    from_port = 22
    to_port   = 22
  }
}
resource "aws_ecs_service" "nested_dyn" {
  dynamic "capacity_provider_strategy" {
    for_each = ["FARGATE_SPOT", "FARGATE"]
    content {
      capacity_provider = capacity_provider_strategy.value
      weight            = capacity_provider_strategy.key
      dynamic "inner" {
        for_each = [1, 2]
        content {
          outer = capacity_provider_strategy.value
          n     = inner.value
        }
      }
    }
  }
  dynamic "ordered_placement_strategy" {
    for_each = var.unknown_map
    content {
      type  = "spread"
      field = ordered_placement_strategy.value
    }
  }
}
