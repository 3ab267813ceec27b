package provider

import "github.com/ecskit/terraform-provider-ecskit/internal/fargate"

// The Fargate helpers of the data source ecskit_fargate_size; the function
// fargate_size is internal/functions.FargateSize.

func osFamilies() []string { return fargate.OSFamilies() }

func fargateOS(family string) fargate.OS { return fargate.ForFamily(family) }

func largest(os fargate.OS) fargate.Size { return fargate.Largest(os) }

func noFit(os fargate.OS, cpu, memory int) string { return fargate.NoFit(os, cpu, memory) }
