# The ecskit provider needs no configuration, credentials or network access.
terraform {
  required_providers {
    ecskit = {
      source = "ecskit/ecskit"
    }
  }
}

provider "ecskit" {}
