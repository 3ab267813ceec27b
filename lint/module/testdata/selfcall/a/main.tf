module "b" {
  source = "../b"
}
module "self" {
  source = "./"
}
resource "test_a" "a" {
  name = "a"
}
