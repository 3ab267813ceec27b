# The only call of ../disabled creates no instance (count = 0), so the
# module is not checked through it: it is linted on its own, as a reusable
# module, and its literal error is found.
module "disabled" {
  source = "../disabled"
  count  = 0
}
