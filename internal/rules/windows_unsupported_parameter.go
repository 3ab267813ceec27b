package rules

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// WindowsUnsupportedParameter: parameters that the ECS API reference marks as
// not supported for Windows containers (ecs-facts 9.1, 9.3, 3.4.1, 6.4).
// proxyConfiguration and FireLens are marked so only in the 2023 Developer
// Guide (9.1, 9.2) and are reported as warnings. A Fargate cpu below 1 vCPU is
// fargate_cpu_memory's; on Fargate, what fargate_unsupported_parameter and
// fargate_network_mode already report is not reported twice.
var WindowsUnsupportedParameter = register(&Rule{
	Meta: Meta{
		Name:     "windows_unsupported_parameter",
		Severity: Error,
		Title:    "Parameter not supported for Windows containers",
		Summary:  "Windows task definitions with linuxParameters, privileged, user, readonlyRootFilesystem, ulimits, links, extraHosts, DNS settings, disableNetworking, ipcMode, pidMode, systemControls, non-local Docker volume drivers, ARM64, or network mode bridge or host (proxyConfiguration, FireLens and pidMode task on Fargate: warnings).",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DockerVolumeConfiguration.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_definitions.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html",
		},
	},
	Check: checkWindowsUnsupportedParameter,
})

func checkWindowsUnsupportedParameter(p *Pass) {
	td := p.TD
	if td.Windows() != taskdef.Yes {
		return
	}
	osf := td.RuntimePlatform.OperatingSystemFamily.V
	fargate := td.Fargate() == taskdef.Yes
	report := func(sev Severity, at taskdef.Locator, what, fix string) {
		p.ReportSeverity(sev, at, "%s not supported for Windows containers, and the task's operatingSystemFamily is %q. %s.", what, osf, fix)
	}
	given := func(m taskdef.Meta, n int) bool { return m.Set && !m.Unknown && n > 0 }

	for _, c := range td.ContainerDefinitions.Items {
		who := c.Label() + ": "
		if lp := c.LinuxParameters; lp != nil && lp.Set && windowsAnyMemberSet(lp) {
			report(Error, lp, who+"linuxParameters are", "Remove linuxParameters")
		}
		if c.ReadonlyRootFilesystem.Is(true) {
			report(Error, c.ReadonlyRootFilesystem, who+"readonlyRootFilesystem is", "Remove readonlyRootFilesystem (or set it to false)")
		}
		if u, ok := c.User.Get(); ok && u != "" {
			report(Error, c.User, who+"user is", "Remove user; on Windows, choose the account in the image (USER in the Dockerfile)")
		}
		if given(c.Ulimits.Meta, len(c.Ulimits.Items)) {
			report(Error, c.Ulimits, who+"ulimits are", "Remove ulimits")
		}
		if given(c.SystemControls.Meta, len(c.SystemControls.Items)) {
			report(Error, c.SystemControls, who+"systemControls are", "Remove systemControls")
		}
		if fc := c.FirelensConfiguration; fc != nil && fc.Set {
			p.ReportSeverity(Warning, fc, "%sFireLens (firelensConfiguration) is documented as Linux-only (Amazon ECS Developer Guide; the API reference does not say so), and the task's operatingSystemFamily is %q. Send the logs with the awslogs log driver, or run the log router as a Linux task.", who, osf)
		}
		if fargate {
			continue // the rest is fargate_unsupported_parameter's on Fargate
		}
		if c.Privileged.Is(true) {
			report(Error, c.Privileged, who+"privileged mode is", "Remove privileged (or set it to false)")
		}
		if c.DisableNetworking.Is(true) {
			report(Error, c.DisableNetworking, who+"disableNetworking is", "Remove disableNetworking (or set it to false)")
		}
		if given(c.Links.Meta, len(c.Links.Items)) {
			report(Error, c.Links, who+"links are", "Remove links; reach other containers through port mappings or service discovery")
		}
		if given(c.ExtraHosts.Meta, len(c.ExtraHosts.Items)) {
			report(Error, c.ExtraHosts, who+"extraHosts are", "Remove extraHosts and use DNS names instead")
		}
		if given(c.DNSServers.Meta, len(c.DNSServers.Items)) {
			report(Error, c.DNSServers, who+"dnsServers are", "Remove dnsServers and configure DNS on the instance or in the VPC")
		}
		if given(c.DNSSearchDomains.Meta, len(c.DNSSearchDomains.Items)) {
			report(Error, c.DNSSearchDomains, who+"dnsSearchDomains are", "Remove dnsSearchDomains and configure search domains on the instance or in the VPC")
		}
	}

	if !fargate {
		for _, v := range td.Volumes.Items {
			dvc := v.DockerVolumeConfiguration
			if dvc == nil {
				continue
			}
			if d, ok := dvc.Driver.Get(); ok && d != "local" {
				who := "volume"
				if n, ok := v.Name.Get(); ok {
					who += " " + taskdef.Quote(n)
				}
				report(Error, dvc.Driver, who+": the Docker volume driver "+taskdef.Quote(d)+" is", `Windows containers support only the "local" driver. Set driver to "local", or use an FSx for Windows File Server volume for shared storage`)
			}
		}
	}

	if td.IpcMode.Known() && !fargate {
		report(Error, td.IpcMode, "ipcMode is", "Remove ipcMode")
	}
	if m, ok := td.PidMode.Get(); ok && !fargate {
		report(Error, td.PidMode, "pidMode is", "Remove pidMode")
	} else if ok && m == types.PidModeTask {
		// Fargate registers Windows task definitions with pidMode "task": a public module's end-to-end tests
		// (DataDog/terraform-aws-ecs-datadog, all-windows) apply one. Whether its tasks run with it is not
		// documented, so AWS may accept it: a warning.
		p.ReportSeverity(Warning, td.PidMode, "pidMode is documented as not supported for Windows containers (API reference), and the task's operatingSystemFamily is %q; Fargate registers such task definitions, but whether their tasks run with it is not documented. Remove pidMode.", osf)
	}
	if pc := td.ProxyConfiguration; pc != nil && pc.Set {
		p.ReportSeverity(Warning, pc, "proxyConfiguration (App Mesh) is documented as not supported for Windows containers in the Amazon ECS Developer Guide (the API reference does not say so), and the task's operatingSystemFamily is %q. Remove proxyConfiguration, or check that your Windows setup supports it.", osf)
	}
	if rp := td.RuntimePlatform; rp.CPUArchitecture.Is(types.CPUArchitectureArm64) {
		p.Report(rp.CPUArchitecture, "cpuArchitecture \"ARM64\" is available only for Linux tasks, and the task's operatingSystemFamily is %q. Set cpuArchitecture to \"X86_64\" (or omit it), or use a Linux image with operatingSystemFamily \"LINUX\".", osf)
	}
	if m, ok := td.NetworkMode.Get(); ok && !fargate && (m == types.NetworkModeBridge || m == types.NetworkModeHost) {
		p.Report(td.NetworkMode, "Network mode %q is not supported for Windows containers, and the task's operatingSystemFamily is %q; on Windows, ECS supports the default network (networkMode omitted, Docker's nat network) and \"awsvpc\". Remove networkMode or set it to \"awsvpc\".", m, osf)
	}
}

// windowsAnyMemberSet reports whether a linuxParameters object sets anything:
// an empty object is not reported, as AWS may well ignore it.
func windowsAnyMemberSet(lp *taskdef.LinuxParameters) bool {
	return lp.Capabilities != nil && lp.Capabilities.Set ||
		lp.Devices.Set || lp.InitProcessEnabled.Set || lp.SharedMemorySize.Set ||
		lp.Tmpfs.Set || lp.MaxSwap.Set || lp.Swappiness.Set
}
