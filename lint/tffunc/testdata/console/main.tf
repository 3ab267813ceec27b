# The configuration terraform console runs in for TestConsole; TestConsole evaluates these locals for ecslint too.
terraform {
  required_providers {
    terraform = { source = "terraform.io/builtin/terraform" }
  }
}

locals {
  greeting = "Hello, $${name}!"
  loop     = "%%{ for x in items ~}<$${x}>%%{ endfor ~}"
  bare     = "$${value}"
  bad      = "$${"
}
