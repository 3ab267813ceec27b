# Terraform 1.8 or later.
locals {
  # { cpu = "1024", memory = "3072" }
  api_size = provider::ecskit::fargate_size("0.75 vCPU", "2.5 GB")

  # Windows on Fargate starts at 1 vCPU: { cpu = "1024", memory = "2048" }
  windows_size = provider::ecskit::fargate_size(256, 1024, "WINDOWS_SERVER_2022_CORE")
}

output "api_size" {
  value = local.api_size
}
