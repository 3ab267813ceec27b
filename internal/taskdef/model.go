// Package taskdef is ecskit's model of an ECS task definition. It follows the
// RegisterTaskDefinition API shape field for field (JSON names are the API's
// camelCase names); enum-typed fields use the AWS SDK's ECS enum types, so the
// set of valid values is the SDK's, not a hand-written list.
//
// Every field carries a Meta: its path, its source range, whether it is set
// and whether it is unknown. A field tagged redact:"hide" holds free text that
// ecskit's redaction policy hides (compose.Field.Redact; a test checks the two
// agree): an error message never quotes a value at or below it. Rules read the model and never guess: a field
// whose value is unknown is neither "set" nor "absent".
package taskdef

import (
	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// TaskDefinition is a RegisterTaskDefinition input.
type TaskDefinition struct {
	Meta
	Family                  Value[string]                    `json:"family"`
	TaskRoleArn             Value[string]                    `json:"taskRoleArn"`
	ExecutionRoleArn        Value[string]                    `json:"executionRoleArn"`
	NetworkMode             Value[types.NetworkMode]         `json:"networkMode"`
	ContainerDefinitions    List[*Container]                 `json:"containerDefinitions"`
	Volumes                 List[*Volume]                    `json:"volumes"`
	PlacementConstraints    List[*PlacementConstraint]       `json:"placementConstraints"`
	RequiresCompatibilities List[Value[types.Compatibility]] `json:"requiresCompatibilities"`
	CPU                     Value[string]                    `json:"cpu"`
	Memory                  Value[string]                    `json:"memory"`
	Tags                    List[*Tag]                       `json:"tags"`
	PidMode                 Value[types.PidMode]             `json:"pidMode"`
	IpcMode                 Value[types.IpcMode]             `json:"ipcMode"`
	ProxyConfiguration      *ProxyConfiguration              `json:"proxyConfiguration"`
	InferenceAccelerators   List[*InferenceAccelerator]      `json:"inferenceAccelerators"`
	EphemeralStorage        *EphemeralStorage                `json:"ephemeralStorage"`
	RuntimePlatform         *RuntimePlatform                 `json:"runtimePlatform"`
	EnableFaultInjection    Value[bool]                      `json:"enableFaultInjection"`
	// Extra holds members the model does not know, by name.
	Extra map[string]Meta `json:"-"`
	// Source is the tree the task definition was decoded from.
	Source *tree.Node `json:"-"`
}

// Container is a ContainerDefinition.
type Container struct {
	Meta
	Name                   Value[string]                   `json:"name"`
	Image                  Value[string]                   `json:"image"`
	RepositoryCredentials  *RepositoryCredentials          `json:"repositoryCredentials"`
	CPU                    Value[int64]                    `json:"cpu"`
	Memory                 Value[int64]                    `json:"memory"`
	MemoryReservation      Value[int64]                    `json:"memoryReservation"`
	Links                  List[Value[string]]             `json:"links"`
	PortMappings           List[*PortMapping]              `json:"portMappings"`
	Essential              Value[bool]                     `json:"essential"`
	RestartPolicy          *RestartPolicy                  `json:"restartPolicy"`
	EntryPoint             List[Value[string]]             `json:"entryPoint" redact:"hide"`
	Command                List[Value[string]]             `json:"command" redact:"hide"`
	Environment            List[*KeyValuePair]             `json:"environment"`
	EnvironmentFiles       List[*EnvironmentFile]          `json:"environmentFiles"`
	MountPoints            List[*MountPoint]               `json:"mountPoints"`
	VolumesFrom            List[*VolumeFrom]               `json:"volumesFrom"`
	LinuxParameters        *LinuxParameters                `json:"linuxParameters"`
	Secrets                List[*Secret]                   `json:"secrets"`
	DependsOn              List[*ContainerDependency]      `json:"dependsOn"`
	StartTimeout           Value[int64]                    `json:"startTimeout"`
	StopTimeout            Value[int64]                    `json:"stopTimeout"`
	VersionConsistency     Value[types.VersionConsistency] `json:"versionConsistency"`
	Hostname               Value[string]                   `json:"hostname"`
	User                   Value[string]                   `json:"user"`
	WorkingDirectory       Value[string]                   `json:"workingDirectory"`
	DisableNetworking      Value[bool]                     `json:"disableNetworking"`
	Privileged             Value[bool]                     `json:"privileged"`
	ReadonlyRootFilesystem Value[bool]                     `json:"readonlyRootFilesystem"`
	DNSServers             List[Value[string]]             `json:"dnsServers"`
	DNSSearchDomains       List[Value[string]]             `json:"dnsSearchDomains"`
	ExtraHosts             List[*HostEntry]                `json:"extraHosts"`
	DockerSecurityOptions  List[Value[string]]             `json:"dockerSecurityOptions"`
	Interactive            Value[bool]                     `json:"interactive"`
	PseudoTerminal         Value[bool]                     `json:"pseudoTerminal"`
	DockerLabels           Map                             `json:"dockerLabels" redact:"hide"`
	Ulimits                List[*Ulimit]                   `json:"ulimits"`
	LogConfiguration       *LogConfiguration               `json:"logConfiguration"`
	HealthCheck            *HealthCheck                    `json:"healthCheck"`
	SystemControls         List[*SystemControl]            `json:"systemControls"`
	ResourceRequirements   List[*ResourceRequirement]      `json:"resourceRequirements"`
	FirelensConfiguration  *FirelensConfiguration          `json:"firelensConfiguration"`
	CredentialSpecs        List[Value[string]]             `json:"credentialSpecs"`
	// Extra holds members the model does not know, by name.
	Extra map[string]Meta `json:"-"`
}

// RepositoryCredentials are private-registry credentials.
type RepositoryCredentials struct {
	Meta
	CredentialsParameter Value[string] `json:"credentialsParameter"`
}

// PortMapping maps a container port to the host.
type PortMapping struct {
	Meta
	ContainerPort      Value[int64]                     `json:"containerPort"`
	HostPort           Value[int64]                     `json:"hostPort"`
	Protocol           Value[types.TransportProtocol]   `json:"protocol"`
	Name               Value[string]                    `json:"name"`
	AppProtocol        Value[types.ApplicationProtocol] `json:"appProtocol"`
	ContainerPortRange Value[string]                    `json:"containerPortRange"`
	HostPortRange      Value[string]                    `json:"hostPortRange"`
}

// RestartPolicy is a container restart policy.
type RestartPolicy struct {
	Meta
	Enabled              Value[bool]        `json:"enabled"`
	IgnoredExitCodes     List[Value[int64]] `json:"ignoredExitCodes"`
	RestartAttemptPeriod Value[int64]       `json:"restartAttemptPeriod"`
}

// KeyValuePair is an environment variable.
type KeyValuePair struct {
	Meta
	Name  Value[string] `json:"name"`
	Value Value[string] `json:"value" redact:"hide"`
}

// EnvironmentFile is an S3 environment file.
type EnvironmentFile struct {
	Meta
	Value Value[string]                    `json:"value"`
	Type  Value[types.EnvironmentFileType] `json:"type"`
}

// MountPoint mounts a task volume into a container.
type MountPoint struct {
	Meta
	SourceVolume  Value[string] `json:"sourceVolume"`
	ContainerPath Value[string] `json:"containerPath"`
	ReadOnly      Value[bool]   `json:"readOnly"`
}

// VolumeFrom mounts the volumes of another container.
type VolumeFrom struct {
	Meta
	SourceContainer Value[string] `json:"sourceContainer"`
	ReadOnly        Value[bool]   `json:"readOnly"`
}

// LinuxParameters are Linux-specific container settings.
type LinuxParameters struct {
	Meta
	Capabilities       *KernelCapabilities `json:"capabilities"`
	Devices            List[*Device]       `json:"devices"`
	InitProcessEnabled Value[bool]         `json:"initProcessEnabled"`
	SharedMemorySize   Value[int64]        `json:"sharedMemorySize"`
	Tmpfs              List[*Tmpfs]        `json:"tmpfs"`
	MaxSwap            Value[int64]        `json:"maxSwap"`
	Swappiness         Value[int64]        `json:"swappiness"`
}

// KernelCapabilities adds and drops Linux capabilities.
type KernelCapabilities struct {
	Meta
	Add  List[Value[string]] `json:"add"`
	Drop List[Value[string]] `json:"drop"`
}

// Device exposes a host device.
type Device struct {
	Meta
	HostPath      Value[string]                             `json:"hostPath"`
	ContainerPath Value[string]                             `json:"containerPath"`
	Permissions   List[Value[types.DeviceCgroupPermission]] `json:"permissions"`
}

// Tmpfs is a tmpfs mount.
type Tmpfs struct {
	Meta
	ContainerPath Value[string]       `json:"containerPath"`
	Size          Value[int64]        `json:"size"`
	MountOptions  List[Value[string]] `json:"mountOptions"`
}

// Secret is a secret exposed as an environment variable or log option.
type Secret struct {
	Meta
	Name      Value[string] `json:"name"`
	ValueFrom Value[string] `json:"valueFrom"`
}

// ContainerDependency orders container start-up.
type ContainerDependency struct {
	Meta
	ContainerName Value[string]                   `json:"containerName"`
	Condition     Value[types.ContainerCondition] `json:"condition"`
}

// HostEntry is an /etc/hosts entry.
type HostEntry struct {
	Meta
	Hostname  Value[string] `json:"hostname"`
	IPAddress Value[string] `json:"ipAddress"`
}

// Ulimit is a resource limit.
type Ulimit struct {
	Meta
	Name      Value[types.UlimitName] `json:"name"`
	SoftLimit Value[int64]            `json:"softLimit"`
	HardLimit Value[int64]            `json:"hardLimit"`
}

// LogConfiguration configures the container's log driver.
type LogConfiguration struct {
	Meta
	LogDriver     Value[types.LogDriver] `json:"logDriver"`
	Options       Map                    `json:"options" redact:"hide"`
	SecretOptions List[*Secret]          `json:"secretOptions"`
}

// HealthCheck is a container health check.
type HealthCheck struct {
	Meta
	Command     List[Value[string]] `json:"command" redact:"hide"`
	Interval    Value[int64]        `json:"interval"`
	Timeout     Value[int64]        `json:"timeout"`
	Retries     Value[int64]        `json:"retries"`
	StartPeriod Value[int64]        `json:"startPeriod"`
}

// SystemControl is a namespaced kernel parameter.
type SystemControl struct {
	Meta
	Namespace Value[string] `json:"namespace"`
	Value     Value[string] `json:"value"`
}

// ResourceRequirement asks for GPUs or accelerators.
type ResourceRequirement struct {
	Meta
	Value Value[string]             `json:"value"`
	Type  Value[types.ResourceType] `json:"type"`
}

// FirelensConfiguration makes a container the FireLens log router.
type FirelensConfiguration struct {
	Meta
	Type    Value[types.FirelensConfigurationType] `json:"type"`
	Options Map                                    `json:"options" redact:"hide"`
}

// Volume is a task volume.
type Volume struct {
	Meta
	Name                      Value[string]              `json:"name"`
	Host                      *HostVolumeProperties      `json:"host"`
	DockerVolumeConfiguration *DockerVolumeConfiguration `json:"dockerVolumeConfiguration"`
	EFSVolumeConfiguration    *Opaque                    `json:"efsVolumeConfiguration"`
	FSxWindowsFileServer      *Opaque                    `json:"fsxWindowsFileServerVolumeConfiguration"`
	ConfiguredAtLaunch        Value[bool]                `json:"configuredAtLaunch"`
}

// HostVolumeProperties is a bind mount.
type HostVolumeProperties struct {
	Meta
	SourcePath Value[string] `json:"sourcePath"`
}

// DockerVolumeConfiguration is a Docker volume.
type DockerVolumeConfiguration struct {
	Meta
	Scope         Value[types.Scope] `json:"scope"`
	Autoprovision Value[bool]        `json:"autoprovision"`
	Driver        Value[string]      `json:"driver"`
}

// Opaque is an object the rules only need to know is there.
type Opaque struct {
	Meta
}

// PlacementConstraint is a task-definition placement constraint.
type PlacementConstraint struct {
	Meta
	Type       Value[types.TaskDefinitionPlacementConstraintType] `json:"type"`
	Expression Value[string]                                      `json:"expression"`
}

// Tag is a resource tag.
type Tag struct {
	Meta
	Key   Value[string] `json:"key"`
	Value Value[string] `json:"value" redact:"hide"`
}

// ProxyConfiguration is the App Mesh proxy configuration.
type ProxyConfiguration struct {
	Meta
	Type          Value[types.ProxyConfigurationType] `json:"type"`
	ContainerName Value[string]                       `json:"containerName"`
	Properties    List[*KeyValuePair]                 `json:"properties"`
}

// InferenceAccelerator is an Elastic Inference accelerator.
type InferenceAccelerator struct {
	Meta
	DeviceName Value[string] `json:"deviceName"`
	DeviceType Value[string] `json:"deviceType"`
}

// EphemeralStorage sizes Fargate task storage.
type EphemeralStorage struct {
	Meta
	SizeInGiB Value[int64] `json:"sizeInGiB"`
}

// RuntimePlatform names the OS family and CPU architecture.
type RuntimePlatform struct {
	Meta
	CPUArchitecture       Value[types.CPUArchitecture] `json:"cpuArchitecture"`
	OperatingSystemFamily Value[types.OSFamily]        `json:"operatingSystemFamily"`
}
