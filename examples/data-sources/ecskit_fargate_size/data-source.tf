# The smallest Fargate size for a need given in any form the ECS API accepts.
data "ecskit_fargate_size" "api" {
  min_cpu    = "0.5 vCPU"
  min_memory = "3 GB"
}

# The smallest Fargate size that holds these containers: their cpu values and
# their memory (or memoryReservation) values are summed.
data "ecskit_fargate_size" "web" {
  containers = [
    jsonencode({ name = "web", image = "nginx", cpu = 512, memory = 1024 }),
    jsonencode({ name = "sidecar", image = "envoyproxy/envoy:v1.31", cpu = 256, memoryReservation = 256 }),
  ]
  operating_system_family = "LINUX"
  cpu_architecture        = "ARM64"
}

output "web_size" {
  # { cpu = "1024", memory = "2048" }: 768 CPU units and 1280 MiB fit in 1 vCPU with 2 GB.
  value = {
    cpu    = data.ecskit_fargate_size.web.cpu
    memory = data.ecskit_fargate_size.web.memory
  }
}
