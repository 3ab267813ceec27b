package compose

import "strings"

// Kind is the Terraform type of an attribute and the way its value becomes
// API JSON.
type Kind int

const (
	// String, Int and Bool are scalars, copied as they are.
	String Kind = iota + 1
	Int
	Bool
	// Strings is a list of strings; Ints a list of whole numbers; StringSet
	// a set of strings (the API has a list). All copied as they are.
	Strings
	Ints
	StringSet
	// Map is a map of strings kept as a JSON object (dockerLabels, options).
	Map
	// NameValues is a map of strings rendered as the API's list of
	// {"name": key, ValueKey: value} objects, sorted by name (environment,
	// secrets).
	NameValues
	// Object is a nested object attribute; Objects a list of them.
	Object
	Objects
	// Blocks are nested blocks, a list of objects as the API has them.
	Blocks
	// Block is a nested block that may appear at most once: the
	// configuration holds a list of at most one element (index 0), the API
	// one object.
	Block
	// JSONList is a list of strings, each one API object as JSON
	// (containers: the API's containerDefinitions).
	JSONList
	// JSON is a string holding a JSON object of more API members, merged
	// into the object the attribute sits in (extra_json).
	JSON
)

// Redaction is how a container field's value shows in a redacted copy.
// Terraform never tells a provider which values it holds as sensitive, so a
// redacted copy shows only what cannot be a secret: names, images, numbers,
// flags, enumerations, paths and ARNs (a secret's ARN is not the secret).
type Redaction int

const (
	// Hide replaces the value with "(redacted)"; the default, also for
	// every member the table does not know (extra_json may add any).
	Hide Redaction = iota
	// Show keeps the value whole.
	Show
	// HideValues keeps a map's keys, or the names of a name/value list, and
	// hides the values.
	HideValues
	// HideArgs hides every element of a list.
	HideArgs
	// HideCommandArgs hides a health-check command's arguments but keeps its
	// leading CMD, CMD-SHELL or NONE, which says how it runs.
	HideCommandArgs
	// ByField shows an object's members as their own fields say.
	ByField
)

// Field is one attribute of an ecskit data source, or of one of its nested
// blocks and objects, and the API member it sets. TaskFields and
// ContainerFields are the one description of the data sources' attributes:
// the provider's schema, the conversion to API JSON, the attribute a
// diagnostic is placed on, the redacted copies and ecslint's view of the data
// sources all derive from them. A new attribute is a row here (and its test):
// tests check every row against the AWS SDK's ECS types and both ways between
// attribute and API paths.
type Field struct {
	// Name is the attribute's name (snake_case).
	Name string
	// API is the member of the enclosing API object the attribute sets, a
	// dotted path when the API nests it deeper (host.sourcePath); "" when the
	// attribute sets none (computed attributes, ignore_rules, extra_json).
	API  string
	Kind Kind
	// ValueKey is the member that holds a NameValues map's values: "value"
	// or "valueFrom".
	ValueKey string
	// Redact says how a container attribute's value shows in the redacted
	// copies (json_redacted, container_definitions_redacted). The zero
	// value hides it.
	Redact Redaction
	// Required, Computed and Sensitive are as in the provider's schema; an
	// attribute that is neither required nor computed is optional.
	Required, Computed, Sensitive bool
	// Description is the attribute's documentation (Markdown). A Block's
	// says nothing of the "at most one": the schema adds it.
	Description string
	// Fields are the attributes and blocks of an Object, Objects, Blocks or
	// Block (and the members of a computed Objects).
	Fields []*Field
}

// IsBlock reports whether the field is a nested block rather than an
// attribute.
func (f *Field) IsBlock() bool { return f.Kind == Blocks || f.Kind == Block }

// FieldNamed returns the field called name among fields, or nil.
func FieldNamed(fields []*Field, name string) *Field {
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// apiSteps are the member names of f.API.
func (f *Field) apiSteps() []string { return strings.Split(f.API, ".") }

// ContainerFields are the attributes of ecskit_container_definition, a
// ContainerDefinition. Nested values are attributes (objects and lists of
// objects), not blocks.
var ContainerFields = []*Field{
	{Name: "name", API: "name", Kind: String, Redact: Show, Required: true, Description: "Name of the container: up to 255 letters, digits, hyphens and underscores, unique in the task."},
	{Name: "image", API: "image", Kind: String, Redact: Show, Required: true, Description: "Image to run: `repository-url/image:tag` or `repository-url/image@digest`."},
	{Name: "cpu", API: "cpu", Kind: Int, Redact: Show, Description: "CPU units reserved for the container (1024 per vCPU)."},
	{Name: "memory", API: "memory", Kind: Int, Redact: Show, Description: "Hard memory limit in MiB; the container is killed above it."},
	{Name: "memory_reservation", API: "memoryReservation", Kind: Int, Redact: Show, Description: "Soft memory limit in MiB, reserved for the container."},
	{Name: "essential", API: "essential", Kind: Bool, Redact: Show, Description: "Whether the task stops when this container stops. Defaults to `true`; at least one container must be essential."},
	{Name: "command", API: "command", Kind: Strings, Redact: HideArgs, Description: "Command passed to the container (Docker `CMD`)."},
	{Name: "entry_point", API: "entryPoint", Kind: Strings, Redact: HideArgs, Description: "Entry point (Docker `ENTRYPOINT`)."},
	{Name: "working_directory", API: "workingDirectory", Kind: String, Redact: Show, Description: "Working directory for the command."},
	{Name: "user", API: "user", Kind: String, Redact: Show, Description: "User to run as: `user`, `user:group`, `uid`, `uid:gid`, … Not on Windows."},
	{Name: "hostname", API: "hostname", Kind: String, Redact: Show, Description: "Hostname of the container. Not with network mode `awsvpc`."},
	{Name: "environment", API: "environment", Kind: NameValues, ValueKey: "value", Redact: HideValues, Description: "Environment variables as a map; rendered as the API's name/value list, sorted by name."},
	{Name: "secrets", API: "secrets", Kind: NameValues, ValueKey: "valueFrom", Redact: Show, Description: "Secrets exposed as environment variables: a map of variable name to the ARN of a Secrets Manager secret or SSM parameter (`valueFrom`); needs the task's execution role."},
	{Name: "port_mappings", API: "portMappings", Kind: Objects, Redact: Show, Description: "Port mappings.", Fields: []*Field{
		{Name: "app_protocol", API: "appProtocol", Kind: String, Description: "`http`, `http2` or `grpc`, for Service Connect."},
		{Name: "container_port", API: "containerPort", Kind: Int, Description: "Port the container listens on."},
		{Name: "container_port_range", API: "containerPortRange", Kind: String, Description: "A range of container ports, `\"first-last\"`, instead of `container_port`."},
		{Name: "host_port", API: "hostPort", Kind: Int, Description: "Host port. Omit it (or set it to `container_port`) with `awsvpc` and `host`; omit it in `bridge` mode for a dynamic host port."},
		{Name: "name", API: "name", Kind: String, Description: "Name of the mapping, used by Service Connect."},
		{Name: "protocol", API: "protocol", Kind: String, Description: "`tcp` (default) or `udp`."},
	}},
	{Name: "health_check", API: "healthCheck", Kind: Object, Redact: ByField, Description: "Container health check.", Fields: []*Field{
		{Name: "command", API: "command", Kind: Strings, Redact: HideCommandArgs, Required: true, Description: "Command, starting with `CMD` or `CMD-SHELL`."},
		{Name: "interval", API: "interval", Kind: Int, Redact: Show, Description: "Seconds between checks, 5–300 (default 30)."},
		{Name: "retries", API: "retries", Kind: Int, Redact: Show, Description: "Failures before the container is unhealthy, 1–10 (default 3)."},
		{Name: "start_period", API: "startPeriod", Kind: Int, Redact: Show, Description: "Grace period in seconds, 0–300."},
		{Name: "timeout", API: "timeout", Kind: Int, Redact: Show, Description: "Seconds before a check fails, 2–60 (default 5)."},
	}},
	{Name: "log_configuration", API: "logConfiguration", Kind: Object, Redact: ByField, Description: "Log configuration.", Fields: []*Field{
		{Name: "log_driver", API: "logDriver", Kind: String, Redact: Show, Required: true, Description: "Log driver: `awslogs`, `awsfirelens`, `splunk`, … (Fargate: awslogs, splunk, awsfirelens)."},
		{Name: "options", API: "options", Kind: Map, Redact: HideValues, Description: "Log driver options, such as `awslogs-group`."},
		{Name: "secret_options", API: "secretOptions", Kind: NameValues, ValueKey: "valueFrom", Redact: Show, Description: "Secret log options: a map of option name to secret ARN."},
	}},
	{Name: "firelens_configuration", API: "firelensConfiguration", Kind: Object, Redact: ByField, Description: "Makes this container the FireLens log router.", Fields: []*Field{
		{Name: "options", API: "options", Kind: Map, Redact: HideValues, Description: "FireLens options, such as `enable-ecs-log-metadata`."},
		{Name: "type", API: "type", Kind: String, Redact: Show, Required: true, Description: "`fluentbit` or `fluentd`."},
	}},
	{Name: "mount_points", API: "mountPoints", Kind: Objects, Redact: Show, Description: "Volumes to mount.", Fields: []*Field{
		{Name: "container_path", API: "containerPath", Kind: String, Description: "Path in the container."},
		{Name: "read_only", API: "readOnly", Kind: Bool, Description: "Mount read-only."},
		{Name: "source_volume", API: "sourceVolume", Kind: String, Description: "Name of a task volume."},
	}},
	{Name: "volumes_from", API: "volumesFrom", Kind: Objects, Redact: Show, Description: "Containers whose volumes to mount.", Fields: []*Field{
		{Name: "read_only", API: "readOnly", Kind: Bool, Description: "Mount read-only."},
		{Name: "source_container", API: "sourceContainer", Kind: String, Description: "Name of the other container."},
	}},
	{Name: "container_depends_on", API: "dependsOn", Kind: Objects, Redact: Show, Description: "Start-up dependencies on other containers (the API's `dependsOn`; `depends_on` is reserved by Terraform).", Fields: []*Field{
		{Name: "condition", API: "condition", Kind: String, Description: "`START`, `COMPLETE`, `SUCCESS` or `HEALTHY`."},
		{Name: "container_name", API: "containerName", Kind: String, Description: "Name of the container depended on."},
	}},
	{Name: "linux_parameters", API: "linuxParameters", Kind: Object, Redact: Show, Description: "Linux-specific settings.", Fields: []*Field{
		{Name: "capabilities", API: "capabilities", Kind: Object, Description: "Linux capabilities to add or drop.", Fields: []*Field{
			{Name: "add", API: "add", Kind: Strings, Description: "Capabilities to add (on Fargate only `SYS_PTRACE`)."},
			{Name: "drop", API: "drop", Kind: Strings, Description: "Capabilities to drop."},
		}},
		{Name: "devices", API: "devices", Kind: Objects, Description: "Host devices (not on Fargate).", Fields: []*Field{
			{Name: "container_path", API: "containerPath", Kind: String, Description: "Path in the container."},
			{Name: "host_path", API: "hostPath", Kind: String, Description: "Path on the host."},
			{Name: "permissions", API: "permissions", Kind: Strings, Description: "`read`, `write`, `mknod`."},
		}},
		{Name: "init_process_enabled", API: "initProcessEnabled", Kind: Bool, Description: "Run an init process that reaps zombies."},
		{Name: "max_swap", API: "maxSwap", Kind: Int, Description: "Swap in MiB (not on Fargate)."},
		{Name: "shared_memory_size", API: "sharedMemorySize", Kind: Int, Description: "Size of /dev/shm in MiB (not on Fargate)."},
		{Name: "swappiness", API: "swappiness", Kind: Int, Description: "Swappiness, 0–100 (not on Fargate)."},
		{Name: "tmpfs", API: "tmpfs", Kind: Objects, Description: "tmpfs mounts (not on Fargate).", Fields: []*Field{
			{Name: "container_path", API: "containerPath", Kind: String, Description: "Path in the container."},
			{Name: "mount_options", API: "mountOptions", Kind: Strings, Description: "Mount options."},
			{Name: "size", API: "size", Kind: Int, Description: "Size in MiB."},
		}},
	}},
	{Name: "ulimits", API: "ulimits", Kind: Objects, Redact: Show, Description: "Resource limits.", Fields: []*Field{
		{Name: "hard_limit", API: "hardLimit", Kind: Int, Description: "Hard limit."},
		{Name: "name", API: "name", Kind: String, Description: "Limit name, e.g. `nofile`."},
		{Name: "soft_limit", API: "softLimit", Kind: Int, Description: "Soft limit."},
	}},
	{Name: "resource_requirements", API: "resourceRequirements", Kind: Objects, Redact: Show, Description: "GPUs or accelerators.", Fields: []*Field{
		{Name: "type", API: "type", Kind: String, Description: "`GPU`, `InferenceAccelerator` or `NeuronDevice`."},
		{Name: "value", API: "value", Kind: String, Description: "Count, `ALL`, or device name."},
	}},
	{Name: "system_controls", API: "systemControls", Kind: Objects, Redact: Show, Description: "Namespaced kernel parameters.", Fields: []*Field{
		{Name: "namespace", API: "namespace", Kind: String, Description: "Parameter, e.g. `net.core.somaxconn`."},
		{Name: "value", API: "value", Kind: String, Description: "Value."},
	}},
	{Name: "extra_hosts", API: "extraHosts", Kind: Objects, Redact: Show, Description: "Entries for /etc/hosts (not with `awsvpc`).", Fields: []*Field{
		{Name: "hostname", API: "hostname", Kind: String, Description: "Hostname."},
		{Name: "ip_address", API: "ipAddress", Kind: String, Description: "IP address."},
	}},
	{Name: "environment_files", API: "environmentFiles", Kind: Objects, Redact: Show, Description: "S3 environment files.", Fields: []*Field{
		{Name: "type", API: "type", Kind: String, Description: "`s3`."},
		{Name: "value", API: "value", Kind: String, Description: "ARN of the S3 object (`.env`)."},
	}},
	{Name: "repository_credentials", API: "repositoryCredentials", Kind: Object, Redact: Show, Description: "Private registry credentials.", Fields: []*Field{
		{Name: "credentials_parameter", API: "credentialsParameter", Kind: String, Description: "ARN of the Secrets Manager secret with the credentials."},
	}},
	{Name: "restart_policy", API: "restartPolicy", Kind: Object, Redact: Show, Description: "Container restart policy.", Fields: []*Field{
		{Name: "enabled", API: "enabled", Kind: Bool, Description: "Whether the container restarts when it exits."},
		{Name: "ignored_exit_codes", API: "ignoredExitCodes", Kind: Ints, Description: "Exit codes that do not cause a restart (at most 50)."},
		{Name: "restart_attempt_period", API: "restartAttemptPeriod", Kind: Int, Description: "Seconds the container must run before a restart is attempted, 60–1800."},
	}},
	{Name: "dns_servers", API: "dnsServers", Kind: Strings, Redact: Show, Description: "DNS servers (not on Fargate or with `awsvpc`)."},
	{Name: "dns_search_domains", API: "dnsSearchDomains", Kind: Strings, Redact: Show, Description: "DNS search domains (not on Fargate)."},
	{Name: "docker_security_options", API: "dockerSecurityOptions", Kind: Strings, Redact: Show, Description: "SELinux/AppArmor labels and `no-new-privileges` (not on Fargate)."},
	{Name: "links", API: "links", Kind: Strings, Redact: Show, Description: "Links to other containers, `name:alias` (bridge mode only)."},
	{Name: "credential_specs", API: "credentialSpecs", Kind: Strings, Redact: Show, Description: "Credential spec ARN for Active Directory (at most one)."},
	{Name: "docker_labels", API: "dockerLabels", Kind: Map, Redact: HideValues, Description: "Docker labels."},
	{Name: "privileged", API: "privileged", Kind: Bool, Redact: Show, Description: "Run privileged (not on Fargate)."},
	{Name: "readonly_root_filesystem", API: "readonlyRootFilesystem", Kind: Bool, Redact: Show, Description: "Mount the root file system read-only."},
	{Name: "disable_networking", API: "disableNetworking", Kind: Bool, Redact: Show, Description: "Disable networking in the container."},
	{Name: "interactive", API: "interactive", Kind: Bool, Redact: Show, Description: "Keep stdin open (`docker run -i`)."},
	{Name: "pseudo_terminal", API: "pseudoTerminal", Kind: Bool, Redact: Show, Description: "Allocate a TTY (`docker run -t`)."},
	{Name: "start_timeout", API: "startTimeout", Kind: Int, Redact: Show, Description: "Seconds to wait for dependencies before giving up on this container (Fargate: 2–120)."},
	{Name: "stop_timeout", API: "stopTimeout", Kind: Int, Redact: Show, Description: "Seconds before the container is killed after SIGTERM (Fargate: 2–120)."},
	{Name: "version_consistency", API: "versionConsistency", Kind: String, Redact: Show, Description: "`enabled` (default) or `disabled`: resolve the image tag to a digest."},
	{Name: "extra_json", Kind: JSON, Description: "Escape hatch: a JSON object of ContainerDefinition fields that have no attribute here yet, merged into the output, e.g. `jsonencode({ someNewField = true })`. It may not repeat a field set by an attribute."},
	{Name: "json", Kind: String, Computed: true, Sensitive: true, Description: "The container definition as canonical JSON, for an element of `ecskit_task_definition.containers`. Sensitive: Terraform does not tell a data source which of its values are sensitive, so everything built from them is treated as secret (see `json_redacted` for a readable copy)."},
	{Name: "json_redacted", Kind: String, Computed: true, Description: "`json` with every value that could hold a secret replaced by `\"(redacted)\"`: environment values, command, entry point and health-check arguments, log and FireLens option values, Docker label values, and `extra_json` fields. Names, image, sizes, ports, flags, paths and ARNs stay. For outputs and reviews; not for `containers`."},
}

// TaskFields are the attributes and blocks of ecskit_task_definition, a
// RegisterTaskDefinition input. The names are those of aws_ecs_task_definition,
// so ecslint reads that resource with them too.
var TaskFields = []*Field{
	{Name: "family", API: "family", Kind: String, Required: true, Description: "A unique name for the task definition family: up to 255 letters, digits, hyphens and underscores."},
	{Name: "containers", API: "containerDefinitions", Kind: JSONList, Required: true, Description: "The containers of the task, each one container definition as a JSON string: the `json` output of `ecskit_container_definition`, or `jsonencode({ name = ..., image = ... })`."},
	{Name: "requires_compatibilities", API: "requiresCompatibilities", Kind: StringSet, Description: "Launch types the task definition must validate against: `EC2`, `FARGATE`, `EXTERNAL`, `MANAGED_INSTANCES`. With `FARGATE`, the Fargate rules apply."},
	{Name: "network_mode", API: "networkMode", Kind: String, Description: "Docker networking mode: `awsvpc`, `bridge`, `host` or `none`. When omitted, ECS uses `bridge` on Linux."},
	{Name: "cpu", API: "cpu", Kind: String, Description: "Task CPU, as CPU units (`\"1024\"`) or vCPUs (`\"1 vCPU\"`, `\".25 vcpu\"`). Required on Fargate."},
	{Name: "memory", API: "memory", Kind: String, Description: "Task memory, as MiB (`\"2048\"`) or GB (`\"2GB\"`, `\"2 GB\"`). Required on Fargate."},
	{Name: "execution_role_arn", API: "executionRoleArn", Kind: String, Description: "ARN of the task execution role that the ECS agent and Docker daemon assume (to pull from ECR, write awslogs, read secrets)."},
	{Name: "task_role_arn", API: "taskRoleArn", Kind: String, Description: "ARN of the IAM role that the task's containers assume."},
	{Name: "pid_mode", API: "pidMode", Kind: String, Description: "Process namespace: `host` or `task`."},
	{Name: "ipc_mode", API: "ipcMode", Kind: String, Description: "IPC namespace: `host`, `task` or `none`."},
	{Name: "enable_fault_injection", API: "enableFaultInjection", Kind: Bool, Description: "Whether fault injection is enabled for the task."},
	{Name: "ignore_rules", Kind: StringSet, Description: "Names of rules to skip for this task definition, for example `[\"plaintext_secret\"]`. See the rule catalogue."},
	{Name: "volume", API: "volumes", Kind: Blocks, Description: "A volume that containers can mount, as in `aws_ecs_task_definition`.", Fields: []*Field{
		{Name: "name", API: "name", Kind: String, Required: true, Description: "Name of the volume, referred to by `sourceVolume` in mount points."},
		{Name: "host_path", API: "host.sourcePath", Kind: String, Description: "Path on the host for a bind mount. Not supported on Fargate."},
		{Name: "configure_at_launch", API: "configuredAtLaunch", Kind: Bool, Description: "Whether the volume is configured when the task or service is created."},
		{Name: "docker_volume_configuration", API: "dockerVolumeConfiguration", Kind: Block, Description: "A Docker volume (EC2 only).", Fields: []*Field{
			{Name: "autoprovision", API: "autoprovision", Kind: Bool, Description: "Create the volume when it does not exist (only with scope `shared`)."},
			{Name: "driver", API: "driver", Kind: String, Description: "Docker volume driver."},
			{Name: "driver_opts", API: "driverOpts", Kind: Map, Description: "Driver options."},
			{Name: "labels", API: "labels", Kind: Map, Description: "Docker labels."},
			{Name: "scope", API: "scope", Kind: String, Description: "`task` or `shared`."},
		}},
		{Name: "efs_volume_configuration", API: "efsVolumeConfiguration", Kind: Block, Description: "An Amazon EFS file system.", Fields: []*Field{
			{Name: "authorization_config", API: "authorizationConfig", Kind: Block, Description: "EFS authorization.", Fields: []*Field{
				{Name: "access_point_id", API: "accessPointId", Kind: String, Description: "EFS access point ID."},
				{Name: "iam", API: "iam", Kind: String, Description: "`ENABLED` or `DISABLED`: use the task role for EFS authorization."},
			}},
			{Name: "file_system_id", API: "fileSystemId", Kind: String, Required: true, Description: "ID of the EFS file system."},
			{Name: "root_directory", API: "rootDirectory", Kind: String, Description: "Directory to mount as the root; `/` when an access point is used."},
			{Name: "transit_encryption", API: "transitEncryption", Kind: String, Description: "`ENABLED` or `DISABLED`."},
			{Name: "transit_encryption_port", API: "transitEncryptionPort", Kind: Int, Description: "Port for encrypted traffic between the host and EFS."},
		}},
		{Name: "fsx_windows_file_server_volume_configuration", API: "fsxWindowsFileServerVolumeConfiguration", Kind: Block, Description: "An Amazon FSx for Windows File Server file system.", Fields: []*Field{
			{Name: "authorization_config", API: "authorizationConfig", Kind: Block, Description: "FSx authorization.", Fields: []*Field{
				{Name: "credentials_parameter", API: "credentialsParameter", Kind: String, Required: true, Description: "Secrets Manager or SSM ARN of the credentials."},
				{Name: "domain", API: "domain", Kind: String, Required: true, Description: "Active Directory domain."},
			}},
			{Name: "file_system_id", API: "fileSystemId", Kind: String, Required: true, Description: "ID of the FSx file system."},
			{Name: "root_directory", API: "rootDirectory", Kind: String, Required: true, Description: "Directory to mount."},
		}},
	}},
	{Name: "placement_constraints", API: "placementConstraints", Kind: Blocks, Description: "Placement constraints for the task (EC2 only; in a task definition only `memberOf` is allowed).", Fields: []*Field{
		{Name: "expression", API: "expression", Kind: String, Description: "A Cluster Query Language expression, e.g. `attribute:ecs.instance-type =~ t3.*`."},
		{Name: "type", API: "type", Kind: String, Required: true, Description: "`memberOf`."},
	}},
	{Name: "runtime_platform", API: "runtimePlatform", Kind: Block, Description: "The operating system and CPU architecture the task runs on.", Fields: []*Field{
		{Name: "cpu_architecture", API: "cpuArchitecture", Kind: String, Description: "`X86_64` (default) or `ARM64`."},
		{Name: "operating_system_family", API: "operatingSystemFamily", Kind: String, Description: "`LINUX` (default) or a `WINDOWS_SERVER_*` family."},
	}},
	{Name: "ephemeral_storage", API: "ephemeralStorage", Kind: Block, Description: "Fargate ephemeral storage.", Fields: []*Field{
		{Name: "size_in_gib", API: "sizeInGiB", Kind: Int, Required: true, Description: "Total ephemeral storage in GiB, 21 to 200."},
	}},
	{Name: "proxy_configuration", API: "proxyConfiguration", Kind: Block, Description: "App Mesh proxy configuration.", Fields: []*Field{
		{Name: "container_name", API: "containerName", Kind: String, Required: true, Description: "Name of the proxy container."},
		{Name: "properties", API: "properties", Kind: NameValues, ValueKey: "value", Description: "Proxy properties (`IgnoredUID`, `AppPorts`, …)."},
		{Name: "type", API: "type", Kind: String, Description: "`APPMESH`."},
	}},
	{Name: "inference_accelerator", API: "inferenceAccelerators", Kind: Blocks, Description: "Elastic Inference accelerators (EC2 only).", Fields: []*Field{
		{Name: "device_name", API: "deviceName", Kind: String, Required: true, Description: "Device name, referred to by a container's resource requirements."},
		{Name: "device_type", API: "deviceType", Kind: String, Required: true, Description: "Accelerator type."},
	}},
	{Name: "container_definitions", Kind: String, Computed: true, Sensitive: true, Description: "The containers as a canonical JSON array, for `aws_ecs_task_definition.container_definitions`: already in the form the AWS provider normalizes to, so the resource plans no change after apply. Sensitive: Terraform does not tell a data source which of its values are sensitive, so everything built from them is treated as secret (see `container_definitions_redacted` for a readable copy)."},
	{Name: "container_definitions_redacted", Kind: String, Computed: true, Description: "`container_definitions` with every value that could hold a secret replaced by `\"(redacted)\"`: environment values, command, entry point and health-check arguments, log and FireLens option values, Docker label values, and fields set only through JSON that ecskit does not know as safe. Names, images, sizes, ports, flags, paths and ARNs stay. For outputs and reviews of a plan; not for `aws_ecs_task_definition`."},
	{Name: "normalized_cpu", Kind: String, Computed: true, Description: "The task CPU in CPU units (`\"1 vCPU\"` becomes `\"1024\"`), as AWS stores it; null when `cpu` is not set."},
	{Name: "normalized_memory", Kind: String, Computed: true, Description: "The task memory in MiB (`\"2 GB\"` becomes `\"2048\"`), as AWS stores it; null when `memory` is not set."},
	{Name: "json", Kind: String, Computed: true, Sensitive: true, Description: "The whole task definition as a canonical RegisterTaskDefinition input, for `aws ecs register-task-definition --cli-input-json`. Sensitive, as `container_definitions` is."},
	{Name: "findings", Kind: Objects, Computed: true, Description: "The warnings the rules found (errors fail the plan instead): objects with `rule`, `severity`, `message` and `path` (the place in the task definition).", Fields: []*Field{
		{Name: "rule", Kind: String},
		{Name: "severity", Kind: String},
		{Name: "message", Kind: String},
		{Name: "path", Kind: String},
	}},
}
