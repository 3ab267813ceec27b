module "ecs" {
  source  = "terraform-aws-modules/ecs/aws"
  version = "~> 5.0"
}
module "outside" {
  source = "../"
}
resource "aws_ecs_service" "svc" {
  cluster = module.ecs.cluster_arn
  name    = "svc"
}
