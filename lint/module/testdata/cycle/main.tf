locals {
  a = local.b
  ok = "fine"
}

locals {
  b = "${local.a}-x"
}

resource "test_r" "r" {
  a  = local.a
  ok = local.ok
}
