# The configuration behind tfplan.json: a service in a for_each module whose cluster, capacity provider and
# target group arrive through variables, one of them a module output. Linted alone, ecslint cannot follow the
# variables; the plan records where each comes from.

resource "aws_ecs_cluster" "main" {
  name = "app"
}

resource "aws_security_group" "ecs_instances" {
  name   = "ecs-instances"
  vpc_id = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  security_group_id            = aws_security_group.ecs_instances.id
  referenced_security_group_id = module.alb.security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
}

resource "aws_launch_template" "ecs" {
  name_prefix            = "ecs-"
  image_id               = "ami-0c1d2e3f4a5b6c7d8"
  instance_type          = "t3.medium"
  vpc_security_group_ids = [aws_security_group.ecs_instances.id]
  user_data              = base64encode("#!/bin/bash\necho ECS_CLUSTER=${aws_ecs_cluster.main.name} >> /etc/ecs/ecs.config\n")

  iam_instance_profile {
    name = "ecs-instance"
  }
}

resource "aws_autoscaling_group" "ecs" {
  name_prefix           = "ecs-"
  min_size              = 1
  max_size              = 4
  protect_from_scale_in = true
  vpc_zone_identifier   = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]

  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }
}

resource "aws_ecs_capacity_provider" "ec2" {
  name = "ec2"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.ecs.arn
    managed_termination_protection = "ENABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = 100
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.ec2.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.ec2.name
    weight            = 1
  }
}

module "alb" {
  source = "./modules/alb"
  name   = "web"
}

module "svc" {
  source   = "./modules/svc"
  for_each = toset(["web"])

  cluster_id        = aws_ecs_cluster.main.id
  capacity_provider = aws_ecs_capacity_provider.ec2.name
  target_group_arn  = module.alb.target_group_arn
}

# A Fargate service with a placement strategy: the configuration's own lint and the plan's both find it, and
# the run reports it once.
resource "aws_ecs_service" "jobs" {
  name            = "jobs"
  cluster         = aws_ecs_cluster.main.id
  task_definition = "jobs:3"
  launch_type     = "FARGATE"
  desired_count   = 1

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  network_configuration {
    subnets         = ["subnet-0aa11bb22cc33dd44"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}
