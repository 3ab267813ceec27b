// Package bench holds the corpus generator and the benchmarks of ecslint (see scripts/bench.sh).
//
// Generate writes a deterministic corpus of realistic Terraform, a monorepo of ECS stacks in the shape platform
// teams write them:
//
//	DIR/modules/{ecs-service,alb,sg-dynamic}/  shared modules, called as "../../modules/NAME"
//	DIR/stacks/NAME/                           a root module per stack: cluster, IAM, log groups, task
//	                                           definitions (jsonencode, heredoc and file()), services, load
//	                                           balancers, target groups, security groups
//	DIR/stacks/NAME/modules/service/           a local module with variables, called with for_each
//	DIR/stacks/NAME/modules/network/           a local module with the security-group rules
//
// Each stack picks its launch mode (Fargate, EC2 bridge with dynamic host ports, EC2 awsvpc) and its
// security-group rule form (inline ingress blocks, aws_security_group_rule, aws_vpc_security_group_ingress_rule)
// from the seed; about one stack in ten carries a mistake ecslint exists to catch. The same seed and stack count
// always write the same bytes. Every stack has the same size class, so the largest module does not grow with the
// number of stacks.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Stats counts what Generate wrote. Dirs counts module directories (directories with .tf files).
type Stats struct {
	Dirs, Files, Lines, Bytes int
}

// Generate writes a corpus of stacks stacks (three module directories each, plus three shared modules) into dir,
// which must be empty or absent.
func Generate(dir string, stacks int, seed uint64) (Stats, error) {
	if stacks < 1 {
		return Stats{}, fmt.Errorf("the number of stacks must be at least 1, not %d", stacks)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("%s is not empty; remove it or choose another directory", dir)
	}
	g := &generator{root: dir, rng: rand.New(rand.NewPCG(seed, 0x65636b6974)), dirs: map[string]bool{}}
	g.sharedModules()
	for i := range stacks {
		g.stack(i)
	}
	return Stats{Dirs: len(g.dirs), Files: g.files, Lines: g.lines, Bytes: g.bytes}, g.err
}

type generator struct {
	root                string
	rng                 *rand.Rand
	dirs                map[string]bool
	files, lines, bytes int
	err                 error
}

// write writes one file and counts it; the first error sticks.
func (g *generator) write(rel, text string) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		g.err = err
		return
	}
	if strings.HasSuffix(rel, ".tf") {
		g.dirs[filepath.Dir(rel)] = true
	}
	g.files++
	g.lines += strings.Count(text, "\n")
	g.bytes += len(text)
}

func (g *generator) pick(xs ...string) string { return xs[g.rng.IntN(len(xs))] }

var (
	teams    = []string{"payments", "search", "identity", "checkout", "catalog", "ledger", "media", "growth", "risk", "platform", "ads", "mobile"}
	apps     = []string{"api", "worker", "web", "gateway", "scheduler", "ingest", "export", "notifier", "auth", "billing", "reports", "sync"}
	regions  = []string{"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"}
	images   = []string{"nginx:1.27", "public.ecr.aws/docker/library/redis:7", "123456789012.dkr.ecr.%s.amazonaws.com/%s:%d", "ghcr.io/acme/%[2]s:v%[3]d"}
	fgSizes  = [][2]int{{256, 512}, {512, 1024}, {1024, 2048}, {1024, 3072}, {2048, 4096}, {4096, 8192}}
	envNames = []string{"LOG_LEVEL", "APP_ENV", "PORT", "FEATURE_FLAGS", "OTEL_EXPORTER_OTLP_ENDPOINT", "TZ", "WORKERS"}
)

// mode is how a stack's services launch.
type mode int

const (
	fargate mode = iota
	ec2Bridge
	ec2Awsvpc
)

func (g *generator) sharedModules() {
	g.write("modules/ecs-service/variables.tf", `variable "name" {
  type        = string
  description = "Service name."
}

variable "cluster_arn" {
  type = string
}

variable "task_definition_arn" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "launch_type" {
  type    = string
  default = "FARGATE"
}

variable "subnets" {
  type    = list(string)
  default = []
}

variable "security_groups" {
  type    = list(string)
  default = []
}

variable "target_group_arn" {
  type    = string
  default = null
}

variable "container_name" {
  type = string
}

variable "container_port" {
  type = number
}

variable "deployment" {
  type = object({
    minimum_healthy_percent = optional(number, 50)
    maximum_percent         = optional(number, 200)
  })
  default = {}
}
`)
	g.write("modules/ecs-service/main.tf", `locals {
  awsvpc = var.launch_type == "FARGATE" || length(var.subnets) > 0
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  cluster                            = var.cluster_arn
  task_definition                    = var.task_definition_arn
  desired_count                      = var.desired_count
  launch_type                        = var.launch_type
  deployment_minimum_healthy_percent = var.deployment.minimum_healthy_percent
  deployment_maximum_percent         = var.deployment.maximum_percent
  enable_execute_command             = true

  dynamic "network_configuration" {
    for_each = local.awsvpc ? [1] : []
    content {
      subnets          = var.subnets
      security_groups  = var.security_groups
      assign_public_ip = false
    }
  }

  dynamic "load_balancer" {
    for_each = var.target_group_arn == null ? [] : [var.target_group_arn]
    content {
      target_group_arn = load_balancer.value
      container_name   = var.container_name
      container_port   = var.container_port
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}
`)
	g.write("modules/ecs-service/outputs.tf", `output "name" {
  value = aws_ecs_service.this.name
}

output "id" {
  value = aws_ecs_service.this.id
}
`)
	g.write("modules/alb/main.tf", `variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnets" {
  type = list(string)
}

variable "certificate_arn" {
  type    = string
  default = null
}

variable "ingress_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

resource "aws_security_group" "lb" {
  name_prefix = "${var.name}-lb-"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTPS from the corporate network"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.ingress_cidrs
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "this" {
  name               = substr(var.name, 0, 32)
  internal           = true
  load_balancer_type = "application"
  security_groups    = [aws_security_group.lb.id]
  subnets            = var.subnets
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = var.certificate_arn == null ? 80 : 443
  protocol          = var.certificate_arn == null ? "HTTP" : "HTTPS"
  certificate_arn   = var.certificate_arn

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "not found"
      status_code  = "404"
    }
  }
}

output "arn" {
  value = aws_lb.this.arn
}

output "listener_arn" {
  value = aws_lb_listener.https.arn
}

output "security_group_id" {
  value = aws_security_group.lb.id
}
`)
	g.write("modules/sg-dynamic/main.tf", `variable "instance_security_group_id" {
  type = string
}

variable "lb_security_group_id" {
  type = string
}

variable "port_range" {
  type = object({ from = number, to = number })
  default = {
    from = 32768
    to   = 65535
  }
}

resource "aws_vpc_security_group_ingress_rule" "dynamic" {
  security_group_id            = var.instance_security_group_id
  referenced_security_group_id = var.lb_security_group_id
  from_port                    = var.port_range.from
  to_port                      = var.port_range.to
  ip_protocol                  = "tcp"
  description                  = "ECS dynamic host ports from the load balancer"
}
`)
}

// stack writes one root module and its two local modules.
func (g *generator) stack(i int) {
	team, app := teams[i%len(teams)], apps[(i/len(teams))%len(apps)]
	name := fmt.Sprintf("%s-%s-%04d", team, app, i)
	dir := filepath.Join("stacks", name)
	m := mode(g.rng.IntN(3))
	sgForm := g.rng.IntN(3)
	region := g.pick(regions...)
	services := 2 + g.rng.IntN(3)
	mistake := g.rng.IntN(10) == 0

	g.write(filepath.Join(dir, "versions.tf"), fmt.Sprintf(`terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "%s/terraform.tfstate"
    region = "%s"
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}
`, name, region))

	g.write(filepath.Join(dir, "variables.tf"), fmt.Sprintf(`variable "region" {
  type    = string
  default = "%s"
}

variable "environment" {
  type    = string
  default = "%s"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC the services run in."
}

variable "private_subnets" {
  type    = list(string)
  default = ["subnet-0a%05d", "subnet-0b%05d", "subnet-0c%05d"]
}

variable "image_tag" {
  type    = string
  default = "v%d.%d.%d"
}

variable "desired_count" {
  type    = number
  default = %d
}

variable "log_retention_days" {
  type    = number
  default = %s
}

variable "certificate_arn" {
  type    = string
  default = null
}
`, region, g.pick("dev", "staging", "prod"), i, i, i, 1+g.rng.IntN(4), g.rng.IntN(20), g.rng.IntN(10),
		1+g.rng.IntN(6), g.pick("7", "14", "30", "90")))

	var b strings.Builder
	fmt.Fprintf(&b, `locals {
  name = "%s"
  tags = {
    team        = "%s"
    application = "%s"
    environment = var.environment
    managed_by  = "terraform"
  }
  image_repository = "123456789012.dkr.ecr.${var.region}.amazonaws.com/%s"
  network_mode     = "%s"
  launch_type      = "%s"
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  inline_policy {
    name = "read-config"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["ssm:GetParameters", "secretsmanager:GetSecretValue"]
        Resource = ["arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter/${local.name}/*"]
      }]
    })
  }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${local.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

module "alb" {
  source          = "../../modules/alb"
  name            = local.name
  vpc_id          = var.vpc_id
  subnets         = var.private_subnets
  certificate_arn = var.certificate_arn
}

`, name, team, app, app, map[mode]string{fargate: "awsvpc", ec2Bridge: "bridge", ec2Awsvpc: "awsvpc"}[m],
		map[mode]string{fargate: "FARGATE", ec2Bridge: "EC2", ec2Awsvpc: "EC2"}[m])

	if m != fargate {
		g.capacity(&b, name, sgForm, mistake)
	} else {
		fmt.Fprintf(&b, `resource "aws_security_group" "tasks" {
  name_prefix = "${local.name}-tasks-"
  vpc_id      = var.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

`)
	}

	// The main task definition in one of the three forms.
	port := 8000 + g.rng.IntN(100)
	if m == ec2Bridge {
		b.WriteString(g.taskFile(m, dir, name, region, port))
	} else {
		switch g.rng.IntN(3) {
		case 0:
			b.WriteString(g.taskJSONEncode(m, port, mistake))
		case 1:
			b.WriteString(g.taskHeredoc(m, region, port, mistake))
		default:
			b.WriteString(g.taskFile(m, dir, name, region, port))
		}
	}
	fmt.Fprintf(&b, `
resource "aws_lb_target_group" "main" {
  name        = substr("${local.name}-main", 0, 32)
  port        = %d
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "%s"

  health_check {
    path                = "/healthz"
    matcher             = "200-299"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener_rule" "main" {
  listener_arn = module.alb.listener_arn
  priority     = %d

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.main.arn
  }

  condition {
    path_pattern {
      values = ["/%s/*"]
    }
  }
}

module "main_service" {
  source              = "../../modules/ecs-service"
  name                = "${local.name}-main"
  cluster_arn         = aws_ecs_cluster.this.arn
  task_definition_arn = aws_ecs_task_definition.main.arn
  desired_count       = var.desired_count
  launch_type         = local.launch_type
  subnets             = local.network_mode == "awsvpc" ? var.private_subnets : []
  security_groups     = %s
  target_group_arn    = aws_lb_target_group.main.arn
  container_name      = "app"
  container_port      = %d
}

`, port, map[bool]string{true: "ip", false: "instance"}[m != ec2Bridge], 100+i%900, app,
		map[bool]string{true: "[aws_security_group.tasks.id]", false: "[]"}[m != ec2Bridge], port)

	// More services through the stack's own module, with for_each.
	b.WriteString("locals {\n  services = {\n")
	keys, width := make([]string, services), 0
	for s := range keys {
		keys[s] = g.pick("orders", "users", "events", "jobs", "files", "emails", "prices", "queue") + fmt.Sprint(s)
		width = max(width, len(keys[s]))
	}
	for s, key := range keys {
		sz := fgSizes[g.rng.IntN(len(fgSizes))]
		fmt.Fprintf(&b, "    %-*s = { port = %d, cpu = %d, memory = %d, replicas = %d, path = \"/%s/*\" }\n",
			width, key, 9000+s, sz[0], sz[1], 1+g.rng.IntN(5), g.pick(apps...))
	}
	b.WriteString("  }\n}\n\n")
	fmt.Fprintf(&b, `module "services" {
  source   = "./modules/service"
  for_each = local.services

  name               = "${local.name}-${each.key}"
  cluster_arn        = aws_ecs_cluster.this.arn
  vpc_id             = var.vpc_id
  subnets            = var.private_subnets
  image              = "${local.image_repository}:${var.image_tag}"
  port               = each.value.port
  cpu                = each.value.cpu
  memory             = each.value.memory
  replicas           = each.value.replicas
  execution_role_arn = aws_iam_role.execution.arn
  task_role_arn      = aws_iam_role.task.arn
  log_group          = aws_cloudwatch_log_group.this.name
  region             = var.region
  network_mode       = local.network_mode
  launch_type        = local.launch_type
}

module "network" {
  source                 = "./modules/network"
  vpc_id                 = var.vpc_id
  name                   = local.name
  lb_security_group_id   = module.alb.security_group_id
  task_security_group_id = %s
  container_ports        = [for s in local.services : s.port]
}
`, map[bool]string{true: "aws_security_group.tasks.id", false: "null"}[m != ec2Bridge])
	g.write(filepath.Join(dir, "main.tf"), b.String())

	g.write(filepath.Join(dir, "outputs.tf"), `output "cluster_arn" {
  value = aws_ecs_cluster.this.arn
}

output "task_definition_arn" {
  value = aws_ecs_task_definition.main.arn
}

output "service_names" {
  value = { for k, m in module.services : k => m.service_name }
}

output "lb_arn" {
  value = module.alb.arn
}
`)
	g.serviceModule(filepath.Join(dir, "modules", "service"))
	g.networkModule(filepath.Join(dir, "modules", "network"), sgForm)
}

// capacity writes the EC2 capacity: launch template, autoscaling group, capacity provider and the container
// instances' security group with its rules in the stack's form.
func (g *generator) capacity(b *strings.Builder, name string, sgForm int, mistake bool) {
	from, to := 32768, 65535
	if mistake {
		from, to = 32768, 60999 // too narrow for Docker's fallback range
	}
	fmt.Fprintf(b, `data "aws_ssm_parameter" "ecs_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
}

resource "aws_security_group" "instances" {
  name_prefix = "${local.name}-instances-"
  vpc_id      = var.vpc_id
`)
	if sgForm == 0 {
		fmt.Fprintf(b, `
  ingress {
    description     = "dynamic host ports from the load balancer"
    from_port       = %d
    to_port         = %d
    protocol        = "tcp"
    security_groups = [module.alb.security_group_id]
  }
`, from, to)
	}
	b.WriteString(`
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

`)
	switch sgForm {
	case 1:
		fmt.Fprintf(b, `resource "aws_security_group_rule" "dynamic_ports" {
  type                     = "ingress"
  security_group_id        = aws_security_group.instances.id
  source_security_group_id = module.alb.security_group_id
  from_port                = %d
  to_port                  = %d
  protocol                 = "tcp"
}

`, from, to)
	case 2:
		fmt.Fprintf(b, `module "dynamic_ports" {
  source                     = "../../modules/sg-dynamic"
  instance_security_group_id = aws_security_group.instances.id
  lb_security_group_id       = module.alb.security_group_id
  port_range                 = { from = %d, to = %d }
}

`, from, to)
	}
	fmt.Fprintf(b, `resource "aws_launch_template" "ecs" {
  name_prefix            = "${local.name}-"
  image_id               = data.aws_ssm_parameter.ecs_ami.value
  instance_type          = "%s"
  vpc_security_group_ids = [aws_security_group.instances.id]

  iam_instance_profile {
    name = "ecsInstanceRole"
  }

  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo ECS_CLUSTER=${local.name} >> /etc/ecs/ecs.config
    echo ECS_ENABLE_CONTAINER_METADATA=true >> /etc/ecs/ecs.config
  EOT
  )

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_autoscaling_group" "ecs" {
  name_prefix         = "${local.name}-"
  min_size            = 1
  max_size            = %d
  vpc_zone_identifier = var.private_subnets

  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = true
    propagate_at_launch = true
  }
}

resource "aws_ecs_capacity_provider" "ec2" {
  name = "${local.name}-ec2"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.ecs.arn
    managed_termination_protection = "DISABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = %d
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = [aws_ecs_capacity_provider.ec2.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.ec2.name
    weight            = 1
  }
}

`, g.pick("m6i.large", "c6i.xlarge", "t3.medium", "m7g.large"), 2+g.rng.IntN(20), 80+g.rng.IntN(21))
	if g.rng.IntN(2) == 0 {
		b.WriteString(`resource "aws_security_group" "tasks" {
  name_prefix = "${local.name}-tasks-"
  vpc_id      = var.vpc_id
}

`)
	} else {
		b.WriteString(`resource "aws_security_group" "tasks" {
  name_prefix = "${local.name}-tasks-"
  vpc_id      = var.vpc_id

  ingress {
    from_port       = 0
    to_port         = 65535
    protocol        = "tcp"
    security_groups = [module.alb.security_group_id]
  }
}

`)
	}
}

func (g *generator) image(region, app string) string {
	f := g.pick(images...)
	if strings.Contains(f, "%") {
		return fmt.Sprintf(f, region, app, 1+g.rng.IntN(40))
	}
	return f
}

func (g *generator) taskJSONEncode(m mode, port int, mistake bool) string {
	sz := fgSizes[g.rng.IntN(len(fgSizes))]
	if mistake && m == fargate {
		sz = [2]int{1024, 512} // not a Fargate size
	}
	var env strings.Builder
	for _, n := range envNames[:2+g.rng.IntN(len(envNames)-2)] {
		fmt.Fprintf(&env, "        { name = %q, value = %q },\n", n, g.pick("info", "prod", "1", "true", "http://otel:4317", "UTC"))
	}
	hostPort := ""
	if mistake && m != fargate {
		hostPort = fmt.Sprintf(", hostPort = %d", port+1)
	}
	return fmt.Sprintf(`resource "aws_ecs_task_definition" "main" {
  family                   = "${local.name}-main"
  requires_compatibilities = [local.launch_type]
  network_mode             = local.network_mode
  cpu                      = %d
  memory                   = %d
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "%s"
  }

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${local.image_repository}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = %d, protocol = "tcp"%s }
      ]
      environment = [
%s      ]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:${var.region}:123456789012:parameter/${local.name}/db" }
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "curl -fs http://localhost:%d/healthz || exit 1"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "app"
        }
      }
      dependsOn = [{ containerName = "envoy", condition = "HEALTHY" }]
    },
    {
      name              = "envoy"
      image             = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod"
      essential         = true
      memoryReservation = 128
      healthCheck = {
        command = ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"]
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "envoy"
        }
      }
    }
  ])
}
`, sz[0], sz[1], g.pick("X86_64", "ARM64"), port, hostPort, env.String(), port)
}

func (g *generator) taskHeredoc(m mode, region string, port int, mistake bool) string {
	sz := fgSizes[g.rng.IntN(len(fgSizes))]
	logDriver := "awslogs"
	if mistake && m == fargate {
		logDriver = "journald"
	}
	return fmt.Sprintf(`resource "aws_ecs_task_definition" "main" {
  family                   = "${local.name}-main"
  requires_compatibilities = ["%s"]
  network_mode             = "awsvpc"
  cpu                      = "%d"
  memory                   = "%d"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = <<EOF
[
  {
    "name": "app",
    "image": "%s",
    "essential": true,
    "cpu": %d,
    "memory": %d,
    "portMappings": [
      { "containerPort": %d, "hostPort": %d, "protocol": "tcp" }
    ],
    "environment": [
      { "name": "APP_ENV", "value": "${var.environment}" },
      { "name": "PORT", "value": "%d" }
    ],
    "logConfiguration": {
      "logDriver": "%s",
      "options": {
        "awslogs-group": "/ecs/${local.name}",
        "awslogs-region": "${var.region}",
        "awslogs-stream-prefix": "app"
      }
    },
    "ulimits": [
      { "name": "nofile", "softLimit": 65536, "hardLimit": 65536 }
    ]
  }
]
EOF
}
`, map[mode]string{fargate: "FARGATE", ec2Awsvpc: "EC2"}[m], sz[0], sz[1], g.image(region, "app"), sz[0], sz[1], port, port, port, logDriver)
}

// taskFile writes the container definitions as a JSON file beside the module and reads it with file().
func (g *generator) taskFile(m mode, dir, name, region string, port int) string {
	var c strings.Builder
	c.WriteString("[\n")
	n := 1 + g.rng.IntN(3)
	for k := range n {
		cname := []string{"app", "sidecar", "log-router"}[k]
		hostPort := 0 // dynamic
		if m != ec2Bridge {
			hostPort = port + k
		}
		fmt.Fprintf(&c, `  {
    "name": %q,
    "image": %q,
    "essential": %t,
    "memory": %d,
    "memoryReservation": %d,
    "portMappings": [{ "containerPort": %d, "hostPort": %d, "protocol": "tcp" }],
    "environment": [
      { "name": "SERVICE", "value": %q },
      { "name": "REGION", "value": %q }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": { "awslogs-group": "/ecs/%s", "awslogs-region": %q, "awslogs-stream-prefix": %q }
    }
  }`, cname, g.image(region, name), k == 0, 512, 256, port+k, hostPort, name, region, name, region, cname)
		if k < n-1 {
			c.WriteString(",")
		}
		c.WriteString("\n")
	}
	c.WriteString("]\n")
	g.write(filepath.Join(dir, "containers.json"), c.String())
	placement := ""
	if m != fargate {
		placement = fmt.Sprintf(`
  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.availability-zone in [%sa, %sb]"
  }
`, region, region)
	}
	return fmt.Sprintf(`resource "aws_ecs_task_definition" "main" {
  family                   = "${local.name}-main"
  requires_compatibilities = [local.launch_type]
  network_mode             = local.network_mode
  cpu                      = %d
  memory                   = %d
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions    = file("${path.module}/containers.json")
%s}
`, 1024, 2048, placement)
}

func (g *generator) serviceModule(dir string) {
	g.write(filepath.Join(dir, "variables.tf"), `variable "name" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnets" {
  type = list(string)
}

variable "image" {
  type = string
}

variable "port" {
  type = number
}

variable "cpu" {
  type    = number
  default = 256
}

variable "memory" {
  type    = number
  default = 512
}

variable "replicas" {
  type    = number
  default = 1
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "log_group" {
  type = string
}

variable "region" {
  type = string
}

variable "network_mode" {
  type    = string
  default = "awsvpc"
}

variable "launch_type" {
  type    = string
  default = "FARGATE"
}

variable "environment" {
  type    = map(string)
  default = {}
}
`)
	g.write(filepath.Join(dir, "main.tf"), fmt.Sprintf(`locals {
  awsvpc    = var.network_mode == "awsvpc"
  host_port = local.awsvpc ? var.port : 0
  environment = merge({
    PORT    = tostring(var.port)
    SERVICE = var.name
  }, var.environment)
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = [var.launch_type]
  network_mode             = var.network_mode
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode([{
    name      = "app"
    image     = var.image
    essential = true
    cpu       = var.cpu
    memory    = var.memory
    portMappings = [{
      containerPort = var.port
      hostPort      = local.host_port
      protocol      = "tcp"
    }]
    environment = [for k in sort(keys(local.environment)) : { name = k, value = local.environment[k] }]
    healthCheck = {
      command  = ["CMD-SHELL", "wget -qO- http://localhost:${var.port}/healthz || exit 1"]
      interval = %s
      retries  = 3
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group
        awslogs-region        = var.region
        awslogs-stream-prefix = var.name
      }
    }
  }])
}

resource "aws_lb_target_group" "this" {
  name_prefix = "svc-"
  port        = var.port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = local.awsvpc ? "ip" : "instance"

  health_check {
    path = "/healthz"
    port = "traffic-port"
  }
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.replicas
  launch_type     = var.launch_type

  dynamic "network_configuration" {
    for_each = local.awsvpc ? [1] : []
    content {
      subnets = var.subnets
    }
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = "app"
    container_port   = var.port
  }

  dynamic "ordered_placement_strategy" {
    for_each = var.launch_type == "EC2" ? ["attribute:ecs.availability-zone"] : []
    content {
      type  = "spread"
      field = ordered_placement_strategy.value
    }
  }
}
`, g.pick("10", "15", "30")))
	g.write(filepath.Join(dir, "outputs.tf"), `output "service_name" {
  value = aws_ecs_service.this.name
}

output "target_group_arn" {
  value = aws_lb_target_group.this.arn
}

output "task_definition_arn" {
  value = aws_ecs_task_definition.this.arn
}
`)
}

func (g *generator) networkModule(dir string, sgForm int) {
	var b strings.Builder
	b.WriteString(`variable "vpc_id" {
  type = string
}

variable "name" {
  type = string
}

variable "lb_security_group_id" {
  type = string
}

variable "task_security_group_id" {
  type    = string
  default = null
}

variable "container_ports" {
  type    = list(number)
  default = []
}

locals {
  rules = { for p in var.container_ports : tostring(p) => p }
}

`)
	switch sgForm {
	case 0:
		b.WriteString(`resource "aws_security_group" "service" {
  name_prefix = "${var.name}-svc-"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = local.rules
    content {
      from_port       = ingress.value
      to_port         = ingress.value
      protocol        = "tcp"
      security_groups = [var.lb_security_group_id]
    }
  }
}
`)
	case 1:
		b.WriteString(`resource "aws_security_group_rule" "service" {
  for_each                 = var.task_security_group_id == null ? {} : local.rules
  type                     = "ingress"
  security_group_id        = var.task_security_group_id
  source_security_group_id = var.lb_security_group_id
  from_port                = each.value
  to_port                  = each.value
  protocol                 = "tcp"
}
`)
	default:
		b.WriteString(`resource "aws_vpc_security_group_ingress_rule" "service" {
  for_each                     = var.task_security_group_id == null ? {} : local.rules
  security_group_id            = var.task_security_group_id
  referenced_security_group_id = var.lb_security_group_id
  from_port                    = each.value
  to_port                      = each.value
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "all" {
  count             = var.task_security_group_id == null ? 0 : 1
  security_group_id = var.task_security_group_id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
`)
	}
	g.write(filepath.Join(dir, "main.tf"), b.String())
}
