package compose

// Schema names the configuration attributes and nested blocks of a data
// source (or block) body, and the attributes it computes. It is the one
// description of the ecskit data sources' shape outside the provider: ecslint
// decodes data blocks with it, and a test in provider/ checks that the
// provider's schema matches it.
type Schema struct {
	// Attributes are the names the configuration may set.
	Attributes []string
	// Computed are the names the data source computes.
	Computed []string
	// Blocks are the nested block types, each with its own schema.
	Blocks map[string]*Schema
}

// TaskSchema is the shape of ecskit_task_definition. The blocks are those of
// aws_ecs_task_definition, so ecslint uses them to read that resource in
// .tf.json too.
var TaskSchema = &Schema{
	Attributes: []string{
		"family", "containers", "requires_compatibilities", "network_mode", "cpu", "memory",
		"execution_role_arn", "task_role_arn", "pid_mode", "ipc_mode", "enable_fault_injection", "ignore_rules",
	},
	Computed: []string{"container_definitions", "container_definitions_redacted", "normalized_cpu", "normalized_memory", "json", "findings"},
	Blocks: map[string]*Schema{
		"volume": {
			Attributes: []string{"name", "host_path", "configure_at_launch"},
			Blocks: map[string]*Schema{
				"docker_volume_configuration": {Attributes: []string{"scope", "autoprovision", "driver", "driver_opts", "labels"}},
				"efs_volume_configuration": {
					Attributes: []string{"file_system_id", "root_directory", "transit_encryption", "transit_encryption_port"},
					Blocks:     map[string]*Schema{"authorization_config": {Attributes: []string{"access_point_id", "iam"}}},
				},
				"fsx_windows_file_server_volume_configuration": {
					Attributes: []string{"file_system_id", "root_directory"},
					Blocks:     map[string]*Schema{"authorization_config": {Attributes: []string{"credentials_parameter", "domain"}}},
				},
			},
		},
		"placement_constraints": {Attributes: []string{"type", "expression"}},
		"runtime_platform":      {Attributes: []string{"operating_system_family", "cpu_architecture"}},
		"ephemeral_storage":     {Attributes: []string{"size_in_gib"}},
		"proxy_configuration":   {Attributes: []string{"type", "container_name", "properties"}},
		"inference_accelerator": {Attributes: []string{"device_name", "device_type"}},
	},
}

// ContainerSchema is the shape of ecskit_container_definition: its nested
// values are attributes (objects and lists of objects), not blocks.
var ContainerSchema = &Schema{
	Attributes: []string{
		"name", "image", "cpu", "memory", "memory_reservation", "essential", "command", "entry_point",
		"working_directory", "user", "hostname", "environment", "secrets", "port_mappings", "health_check",
		"log_configuration", "firelens_configuration", "mount_points", "volumes_from", "container_depends_on",
		"linux_parameters", "ulimits", "resource_requirements", "system_controls", "extra_hosts",
		"environment_files", "repository_credentials", "restart_policy", "dns_servers", "dns_search_domains",
		"docker_security_options", "links", "credential_specs", "docker_labels", "privileged",
		"readonly_root_filesystem", "disable_networking", "interactive", "pseudo_terminal", "start_timeout",
		"stop_timeout", "version_consistency", "extra_json",
	},
	Computed: []string{"json", "json_redacted"},
}
