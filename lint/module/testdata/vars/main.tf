resource "test_values" "v" {
  a                = var.a
  b                = var.b
  c                = var.c
  d                = var.d
  ports            = var.ports
  literal          = var.literal
  settings         = var.settings
  no_value         = var.no_value
  no_type_no_value = var.no_type_no_value
  derived          = "${var.no_value}-suffix"
}
