package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// FargateUnsupportedParameter: container and task parameters that Fargate
// does not support (ecs-facts 8.1–8.6). requiresAttributes is output-only and
// not checked (8.12).
var FargateUnsupportedParameter = register(&Rule{
	Meta: Meta{
		Name:     "fargate_unsupported_parameter",
		Severity: Error,
		Title:    "Parameter not supported on Fargate",
		Summary:  "privileged, devices, host sourcePath, dockerVolumeConfiguration, links, ipcMode, dnsServers, dnsSearchDomains, extraHosts, dockerSecurityOptions, disableNetworking, GPUs, inference accelerators, maxSwap, swappiness, sharedMemorySize, tmpfs, capabilities other than SYS_PTRACE, or a pidMode other than task under FARGATE.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-tasks-services.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
		},
	},
	Check: checkFargateUnsupportedParameter,
})

func checkFargateUnsupportedParameter(p *Pass) {
	td := p.TD
	if td.Fargate() != taskdef.Yes {
		return
	}
	// report says what is not supported and how to fix it; every finding
	// offers the way out of running on EC2 instead.
	report := func(at taskdef.Locator, what, fix string) {
		p.Report(at, "%s not supported on Fargate, and the task requires FARGATE compatibility (ECS validates a task definition for every compatibility it lists). %s, or drop FARGATE from requiresCompatibilities and run the task on EC2.", what, fix)
	}
	given := func(m taskdef.Meta, n int) bool { return m.Set && !m.Unknown && n > 0 }

	for _, c := range td.ContainerDefinitions.Items {
		who := c.Label() + ": "
		if c.Privileged.Is(true) {
			report(c.Privileged, who+"privileged mode is", "Remove privileged (or set it to false)")
		}
		if given(c.Links.Meta, len(c.Links.Items)) {
			report(c.Links, who+"links are", "Remove links; containers of an awsvpc task reach each other on localhost")
		}
		if given(c.DNSServers.Meta, len(c.DNSServers.Items)) {
			report(c.DNSServers, who+"dnsServers are", "Remove dnsServers; Fargate tasks use the VPC's DNS resolver (set DNS through the VPC's DHCP options)")
		}
		if given(c.DNSSearchDomains.Meta, len(c.DNSSearchDomains.Items)) {
			report(c.DNSSearchDomains, who+"dnsSearchDomains are", "Remove dnsSearchDomains; set search domains through the VPC's DHCP options")
		}
		if given(c.ExtraHosts.Meta, len(c.ExtraHosts.Items)) {
			report(c.ExtraHosts, who+"extraHosts are", "Remove extraHosts; use DNS names (for example a Route 53 private hosted zone) instead")
		}
		if given(c.DockerSecurityOptions.Meta, len(c.DockerSecurityOptions.Items)) {
			report(c.DockerSecurityOptions, who+"dockerSecurityOptions are", "Remove dockerSecurityOptions")
		}
		if c.DisableNetworking.Is(true) {
			report(c.DisableNetworking, who+"disableNetworking is", "Remove disableNetworking (or set it to false)")
		}
		for _, rr := range c.ResourceRequirements.Items {
			switch t, _ := rr.Type.Get(); t {
			case types.ResourceTypeGpu:
				report(rr, who+"GPU resource requirements are", "Remove the GPU resource requirement and run GPU workloads on EC2 GPU instances")
			case types.ResourceTypeInferenceAccelerator:
				report(rr, who+"InferenceAccelerator resource requirements are", "Remove the InferenceAccelerator resource requirement")
			}
		}
		if lp := c.LinuxParameters; lp != nil {
			if given(lp.Devices.Meta, len(lp.Devices.Items)) {
				report(lp.Devices, who+"linuxParameters.devices are", "Remove devices")
			}
			if lp.SharedMemorySize.Known() {
				report(lp.SharedMemorySize, who+"linuxParameters.sharedMemorySize is", "Remove sharedMemorySize")
			}
			if given(lp.Tmpfs.Meta, len(lp.Tmpfs.Items)) {
				report(lp.Tmpfs, who+"linuxParameters.tmpfs is", "Remove tmpfs; use a bind-mount volume or the task's ephemeral storage instead")
			}
			if lp.MaxSwap.Known() {
				report(lp.MaxSwap, who+"linuxParameters.maxSwap is", "Remove maxSwap")
			}
			if lp.Swappiness.Known() {
				report(lp.Swappiness, who+"linuxParameters.swappiness is", "Remove swappiness")
			}
			if caps := lp.Capabilities; caps != nil {
				for _, a := range caps.Add.Items {
					if v, ok := a.Get(); ok && !strings.EqualFold(v, "SYS_PTRACE") {
						report(a, who+"adding the kernel capability "+taskdef.Quote(v)+" is", "Fargate can only add SYS_PTRACE (dropping capabilities is allowed). Remove "+taskdef.Quote(v)+" from linuxParameters.capabilities.add")
					}
				}
			}
		}
	}

	for _, v := range td.Volumes.Items {
		who := "volume"
		if n, ok := v.Name.Get(); ok {
			who += " " + taskdef.Quote(n)
		}
		if v.Host != nil {
			if sp, ok := v.Host.SourcePath.Get(); ok && sp != "" {
				report(v.Host.SourcePath, who+": a host sourcePath is", "Remove sourcePath (an empty host object gives a bind mount in the task's ephemeral storage) or use an EFS volume")
			}
		}
		if dvc := v.DockerVolumeConfiguration; dvc != nil && dvc.Set {
			report(dvc, who+": dockerVolumeConfiguration (Docker volumes) is", "Use a bind mount (an empty host object) or an EFS volume instead")
		}
	}

	if td.IpcMode.Known() {
		report(td.IpcMode, "ipcMode is", "Remove ipcMode")
	}
	if m, ok := td.PidMode.Get(); ok && m != types.PidModeTask {
		report(td.PidMode, "pidMode "+taskdef.Quote(string(m))+" is", `Set pidMode to "task" (the only value Fargate accepts, on Linux platform version 1.4.0 or later) or remove it`)
	}
	if given(td.InferenceAccelerators.Meta, len(td.InferenceAccelerators.Items)) {
		report(td.InferenceAccelerators, "inferenceAccelerators are", "Remove inferenceAccelerators")
	}
}
