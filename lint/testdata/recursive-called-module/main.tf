# ecslint --recursive on a tree: the root module calls ./modules/task, which
# is then checked through that call only, with the call's inputs (its
# hostPort error is reported once, naming the container "web" and the call
# chain), not again on its own with unknown inputs. modules/unused is called
# by nobody: it is linted on its own as a reusable module, so its default
# memory is not a value (no fargate_cpu_memory finding) but its literals are
# (host_port_zero).
provider "aws" {
  region = "eu-west-1"
}

module "web" {
  source = "./modules/task"
  name   = "web"
  cpu    = 256
}
