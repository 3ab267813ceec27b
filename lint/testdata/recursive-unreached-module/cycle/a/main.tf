# ecslint --recursive: a and b call each other, and nothing else in the tree
# calls either. Neither may vanish: a, first in walk order, is linted on its
# own (the cycle is an error, as in Terraform), and b is checked through a's
# call; b's literal error is reported once, with its call chain.
module "b" {
  source = "../b"
}
