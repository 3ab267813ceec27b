# Pattern seen on real code (CodeBuild and CodePipeline modules of a blueprint collection): a module call passes
# one of the module's own outputs back in as an input (`service_role = module.ci.role_arn`). Terraform plans this:
# the output comes from a resource that does not read the input (checked with terraform validate and plan on the
# same shape built from terraform_data). There is no cycle, and the literal Fargate size error inside the module
# must still be found.
provider "aws" {
  region = "eu-west-1"
}

module "service" {
  source        = "./modules/service"
  name          = "api"
  task_role_arn = module.service.role_arn
  cpu           = "1024"
  memory        = "512"
}
