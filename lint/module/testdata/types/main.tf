# Only aws_ecs_task_definition is read: the role's policy calls a function
# that does not exist, and must not be evaluated; nor must the root output.
resource "aws_iam_role" "task" {
  name               = "task"
  assume_role_policy = no_such_function("policy")
}

resource "aws_ecs_task_definition" "this" {
  family = module.child.family
}

module "child" {
  source = "./child"
  name   = "web"
}

output "broken" {
  value = no_such_function("output")
}
