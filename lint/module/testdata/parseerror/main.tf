resource "aws_ecs_service" "this" {
  name = "x"
  desired_count = 
}
