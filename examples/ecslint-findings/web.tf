resource "aws_security_group" "alb" {
  name   = "shop-web-alb"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "web" {
  name               = "shop-web"
  load_balancer_type = "application"
  security_groups    = [aws_security_group.alb.id]
  subnets            = var.public_subnet_ids
}

resource "aws_lb_target_group" "web" {
  name        = "shop-web"
  port        = 80
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "instance"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/4f7e9c1a-0000-4000-8000-000000000000"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# The container instances admit only port 80 from the load balancer, but the
# web containers get dynamic host ports (hostPort omitted in bridge mode).
resource "aws_security_group" "instances" {
  name   = "shop-ecs-instances"
  vpc_id = var.vpc_id

  ingress {
    description     = "HTTP from the load balancer"
    from_port       = 80
    to_port         = 80
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }
}

resource "aws_launch_template" "instances" {
  name_prefix            = "shop-ecs-"
  image_id               = "ami-0123456789abcdef0"
  instance_type          = "t3.medium"
  vpc_security_group_ids = [aws_security_group.instances.id]
}

resource "aws_autoscaling_group" "instances" {
  name_prefix         = "shop-ecs-"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = var.private_subnet_ids

  launch_template {
    id      = aws_launch_template.instances.id
    version = "$Latest"
  }
}

resource "aws_ecs_capacity_provider" "instances" {
  name = "shop-ec2"

  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.instances.arn
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.instances.name]
}

resource "aws_ecs_task_definition" "web" {
  family                   = "shop-web"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"

  container_definitions = jsonencode([
    {
      name              = "web"
      image             = "public.ecr.aws/nginx/nginx:1.27"
      essential         = true
      memoryReservation = 256
      portMappings      = [{ containerPort = 80 }]
    }
  ])
}

resource "aws_ecs_service" "web" {
  name            = "shop-web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.instances.name
    weight            = 1
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
}
