package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
)

var _ datasource.DataSource = (*containerDefinitionDataSource)(nil)

type containerDefinitionDataSource struct{}

// NewContainerDefinitionDataSource returns the ecskit_container_definition data source.
func NewContainerDefinitionDataSource() datasource.DataSource {
	return &containerDefinitionDataSource{}
}

func (d *containerDefinitionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_container_definition"
}

func optString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc}
}

func optInt(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, MarkdownDescription: desc}
}

func optBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, MarkdownDescription: desc}
}

func optStrings(desc string) schema.ListAttribute {
	return schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc}
}

func optMap(desc string) schema.MapAttribute {
	return schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc}
}

func optObject(desc string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{Optional: true, MarkdownDescription: desc, Attributes: attrs}
}

func optList(desc string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{Optional: true, MarkdownDescription: desc, NestedObject: schema.NestedAttributeObject{Attributes: attrs}}
}

// containerAttributes are the ContainerDefinition fields, named as the
// snake_case of the API's camelCase names.
func containerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name":               schema.StringAttribute{Required: true, MarkdownDescription: "Name of the container: up to 255 letters, digits, hyphens and underscores, unique in the task."},
		"image":              schema.StringAttribute{Required: true, MarkdownDescription: "Image to run: `repository-url/image:tag` or `repository-url/image@digest`."},
		"cpu":                optInt("CPU units reserved for the container (1024 per vCPU)."),
		"memory":             optInt("Hard memory limit in MiB; the container is killed above it."),
		"memory_reservation": optInt("Soft memory limit in MiB, reserved for the container."),
		"essential":          optBool("Whether the task stops when this container stops. Defaults to `true`; at least one container must be essential."),
		"command":            optStrings("Command passed to the container (Docker `CMD`)."),
		"entry_point":        optStrings("Entry point (Docker `ENTRYPOINT`)."),
		"working_directory":  optString("Working directory for the command."),
		"user":               optString("User to run as: `user`, `user:group`, `uid`, `uid:gid`, … Not on Windows."),
		"hostname":           optString("Hostname of the container. Not with network mode `awsvpc`."),
		"environment":        optMap("Environment variables as a map; rendered as the API's name/value list, sorted by name."),
		"secrets": optMap("Secrets exposed as environment variables: a map of variable name to the ARN of a Secrets Manager secret or SSM parameter " +
			"(`valueFrom`); needs the task's execution role."),
		"port_mappings": optList("Port mappings.", map[string]schema.Attribute{
			"container_port":       optInt("Port the container listens on."),
			"host_port":            optInt("Host port. Omit it (or set it to `container_port`) with `awsvpc` and `host`; omit it in `bridge` mode for a dynamic host port."),
			"protocol":             optString("`tcp` (default) or `udp`."),
			"name":                 optString("Name of the mapping, used by Service Connect."),
			"app_protocol":         optString("`http`, `http2` or `grpc`, for Service Connect."),
			"container_port_range": optString("A range of container ports, `\"first-last\"`, instead of `container_port`."),
		}),
		"health_check": optObject("Container health check.", map[string]schema.Attribute{
			"command":      schema.ListAttribute{Required: true, ElementType: types.StringType, MarkdownDescription: "Command, starting with `CMD` or `CMD-SHELL`."},
			"interval":     optInt("Seconds between checks, 5–300 (default 30)."),
			"timeout":      optInt("Seconds before a check fails, 2–60 (default 5)."),
			"retries":      optInt("Failures before the container is unhealthy, 1–10 (default 3)."),
			"start_period": optInt("Grace period in seconds, 0–300."),
		}),
		"log_configuration": optObject("Log configuration.", map[string]schema.Attribute{
			"log_driver":     schema.StringAttribute{Required: true, MarkdownDescription: "Log driver: `awslogs`, `awsfirelens`, `splunk`, … (Fargate: awslogs, splunk, awsfirelens)."},
			"options":        optMap("Log driver options, such as `awslogs-group`."),
			"secret_options": optMap("Secret log options: a map of option name to secret ARN."),
		}),
		"firelens_configuration": optObject("Makes this container the FireLens log router.", map[string]schema.Attribute{
			"type":    schema.StringAttribute{Required: true, MarkdownDescription: "`fluentbit` or `fluentd`."},
			"options": optMap("FireLens options, such as `enable-ecs-log-metadata`."),
		}),
		"mount_points": optList("Volumes to mount.", map[string]schema.Attribute{
			"source_volume":  optString("Name of a task volume."),
			"container_path": optString("Path in the container."),
			"read_only":      optBool("Mount read-only."),
		}),
		"volumes_from": optList("Containers whose volumes to mount.", map[string]schema.Attribute{
			"source_container": optString("Name of the other container."),
			"read_only":        optBool("Mount read-only."),
		}),
		"container_depends_on": optList("Start-up dependencies on other containers (the API's `dependsOn`; `depends_on` is reserved by Terraform).", map[string]schema.Attribute{
			"container_name": optString("Name of the container depended on."),
			"condition":      optString("`START`, `COMPLETE`, `SUCCESS` or `HEALTHY`."),
		}),
		"linux_parameters": optObject("Linux-specific settings.", map[string]schema.Attribute{
			"init_process_enabled": optBool("Run an init process that reaps zombies."),
			"shared_memory_size":   optInt("Size of /dev/shm in MiB (not on Fargate)."),
			"max_swap":             optInt("Swap in MiB (not on Fargate)."),
			"swappiness":           optInt("Swappiness, 0–100 (not on Fargate)."),
			"capabilities": optObject("Linux capabilities to add or drop.", map[string]schema.Attribute{
				"add":  optStrings("Capabilities to add (on Fargate only `SYS_PTRACE`)."),
				"drop": optStrings("Capabilities to drop."),
			}),
			"devices": optList("Host devices (not on Fargate).", map[string]schema.Attribute{
				"host_path":      optString("Path on the host."),
				"container_path": optString("Path in the container."),
				"permissions":    optStrings("`read`, `write`, `mknod`."),
			}),
			"tmpfs": optList("tmpfs mounts (not on Fargate).", map[string]schema.Attribute{
				"container_path": optString("Path in the container."),
				"size":           optInt("Size in MiB."),
				"mount_options":  optStrings("Mount options."),
			}),
		}),
		"ulimits": optList("Resource limits.", map[string]schema.Attribute{
			"name":       optString("Limit name, e.g. `nofile`."),
			"soft_limit": optInt("Soft limit."),
			"hard_limit": optInt("Hard limit."),
		}),
		"resource_requirements": optList("GPUs or accelerators.", map[string]schema.Attribute{
			"type":  optString("`GPU`, `InferenceAccelerator` or `NeuronDevice`."),
			"value": optString("Count, `ALL`, or device name."),
		}),
		"system_controls": optList("Namespaced kernel parameters.", map[string]schema.Attribute{
			"namespace": optString("Parameter, e.g. `net.core.somaxconn`."),
			"value":     optString("Value."),
		}),
		"extra_hosts": optList("Entries for /etc/hosts (not with `awsvpc`).", map[string]schema.Attribute{
			"hostname":   optString("Hostname."),
			"ip_address": optString("IP address."),
		}),
		"environment_files": optList("S3 environment files.", map[string]schema.Attribute{
			"value": optString("ARN of the S3 object (`.env`)."),
			"type":  optString("`s3`."),
		}),
		"repository_credentials": optObject("Private registry credentials.", map[string]schema.Attribute{
			"credentials_parameter": optString("ARN of the Secrets Manager secret with the credentials."),
		}),
		"restart_policy": optObject("Container restart policy.", map[string]schema.Attribute{
			"enabled":                optBool("Whether the container restarts when it exits."),
			"ignored_exit_codes":     schema.ListAttribute{Optional: true, ElementType: types.Int64Type, MarkdownDescription: "Exit codes that do not cause a restart (at most 50)."},
			"restart_attempt_period": optInt("Seconds the container must run before a restart is attempted, 60–1800."),
		}),
		"dns_servers":              optStrings("DNS servers (not on Fargate or with `awsvpc`)."),
		"dns_search_domains":       optStrings("DNS search domains (not on Fargate)."),
		"docker_security_options":  optStrings("SELinux/AppArmor labels and `no-new-privileges` (not on Fargate)."),
		"links":                    optStrings("Links to other containers, `name:alias` (bridge mode only)."),
		"credential_specs":         optStrings("Credential spec ARN for Active Directory (at most one)."),
		"docker_labels":            optMap("Docker labels."),
		"privileged":               optBool("Run privileged (not on Fargate)."),
		"readonly_root_filesystem": optBool("Mount the root file system read-only."),
		"disable_networking":       optBool("Disable networking in the container."),
		"interactive":              optBool("Keep stdin open (`docker run -i`)."),
		"pseudo_terminal":          optBool("Allocate a TTY (`docker run -t`)."),
		"start_timeout":            optInt("Seconds to wait for dependencies before giving up on this container (Fargate: 2–120)."),
		"stop_timeout":             optInt("Seconds before the container is killed after SIGTERM (Fargate: 2–120)."),
		"version_consistency":      optString("`enabled` (default) or `disabled`: resolve the image tag to a digest."),
		"extra_json": optString("Escape hatch: a JSON object of ContainerDefinition fields that have no attribute here yet, " +
			"merged into the output, e.g. `jsonencode({ someNewField = true })`. It may not repeat a field set by an attribute."),
		"json": schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The container definition as canonical JSON, for an element of `ecskit_task_definition.containers`. " +
			"Sensitive: Terraform does not tell a data source which of its values are sensitive, so everything built from them is treated as secret " +
			"(see `json_redacted` for a readable copy)."},
		"json_redacted": schema.StringAttribute{Computed: true, MarkdownDescription: "`json` with every value that could hold a secret replaced by `\"(redacted)\"`: " +
			"environment values, command, entry point and health-check arguments, log and FireLens option values, Docker label values, and `extra_json` fields. " +
			"Names, image, sizes, ports, flags, paths and ARNs stay. For outputs and reviews; not for `containers`."},
	}
}

func (d *containerDefinitionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Composes one ECS container definition from typed attributes and renders it as JSON for `ecskit_task_definition.containers`. " +
			"Attribute names are the snake_case of the ECS API's field names (`port_mappings`, `memory_reservation`, `health_check`, …); " +
			"`environment` and `secrets` are maps, rendered in a stable order.",
		Attributes: containerAttributes(),
	}
}

func (d *containerDefinitionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	res := compose.ContainerJSON(toTree(req.Config.Raw))
	addProblems(&resp.Diagnostics, res.Problems)
	addDecodeErrors(&resp.Diagnostics, res.Errors, func(string) path.Path { return path.Root("extra_json") })
	for _, n := range res.Notes {
		resp.Diagnostics.AddWarning("Container definition changed in canonical form", n.Message)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	out, redacted := tfNullString(), tfNullString()
	if res.Known {
		r, err := compose.RedactContainer(res.JSON)
		if err != nil {
			resp.Diagnostics.AddError("Internal error in ecskit_container_definition", "Could not redact the container JSON: "+err.Error()+". Please report this.")
			return
		}
		out, redacted = tfString(res.JSON), tfString(r)
	}
	state, err := withComputed(req.Config.Raw, map[string]tftypes.Value{"json": out, "json_redacted": redacted})
	if err != nil {
		resp.Diagnostics.AddError("Internal error in ecskit_container_definition", "Could not build the data source state: "+err.Error()+". Please report this.")
		return
	}
	resp.State.Raw = state
}
