// Package canonical turns ECS container definitions, and whole task definitions, into canonical JSON:
// the text ecskit's data sources emit for aws_ecs_task_definition.container_definitions.
//
// The canonical form has two properties:
//
//   - It is a fixed point of the comparison hashicorp/aws applies to container_definitions (reduce in
//     internal/service/ecs/container_definitions.go, called from the DiffSuppressFunc in
//     task_definition.go, also on refresh): reducing it changes nothing, so neither order nor defaults
//     show up as a change after apply.
//   - It says what AWS stores for that input: defaults AWS fills in are explicit, and entries AWS does not
//     keep are left out (with a Warning).
//
// The text is compact JSON with object keys in byte order (the order in which the AWS SDK serializer writes
// members), no HTML escaping and no trailing newline. Numbers keep their text. Members this package does not
// know are kept. Equal input gives equal bytes, and normalizing canonical output returns it unchanged.
//
// # Normalizations
//
// Each rule names what it mirrors. "Provider" means hashicorp/aws internal/service/ecs
// (container_definitions.go and task_definition.go); the SDK is aws-sdk-go-v2 service/ecs, whose types the
// provider decodes into.
//
//  1. Null members are removed at every depth. The SDK decodes null as a nil pointer, slice or map, and
//     its serializer never writes nil members, so AWS never sees them.
//  2. Containers are sorted by name. AWS keeps container order, but the provider sorts containers before
//     comparing (orderContainers) and before storing state.
//  3. environment and secrets are sorted by name (orderEnvironmentVariables, orderSecrets). AWS may return
//     them in another order than registered. Entries with the same name are ordered by their canonical
//     text so the result never depends on input order, and a Warning reports the duplicate: the provider's
//     sort is not stable, so duplicates can compare unequal.
//  4. Zero-valued elements are removed from dependsOn, environment, environmentFiles, extraHosts,
//     mountPoints, portMappings, resourceRequirements, secrets, systemControls, ulimits and volumesFrom
//     (compactArrays, applied when the provider registers the task definition, stores state and compares).
//     Zero means the SDK element would be its zero value: every member absent, null, an empty enum, or a
//     required integer that is 0 (ulimits hardLimit/softLimit). An explicit empty string is not zero.
//  5. Empty lists are removed: command, credentialSpecs, dependsOn, dnsSearchDomains, dnsServers,
//     dockerSecurityOptions, entryPoint, environment, environmentFiles, extraHosts, links, mountPoints,
//     portMappings, resourceRequirements, secrets, systemControls, ulimits, volumesFrom. AWS returns
//     several of them as [] whatever was registered; the provider sets empty lists to nil before
//     comparing. Empty lists elsewhere (for example healthCheck.command) are kept: the provider compares
//     them as written.
//  6. essential is made explicit true when absent: AWS defaults it to true and returns it; the provider
//     fills the same default.
//  7. healthCheck, when present, gets interval 30, retries 3 and timeout 5 where absent: the AWS defaults,
//     which AWS returns and the provider fills. startPeriod has no default that AWS returns and is left
//     alone.
//  8. portMappings: protocol "tcp" is removed (AWS returns "tcp" for an absent protocol; the provider
//     removes "tcp" before comparing, so the canonical form follows the provider, which is the only choice
//     that is a fixed point; "udp" is kept). hostPort 0 is removed (0 means "let Docker choose", the same
//     request as absent; the provider removes it). With network mode "awsvpc", an absent hostPort becomes
//     containerPort, which is what AWS stores and what the provider fills; a mapping with only
//     containerPortRange stays without hostPort. A mapping left empty by these rules is removed (rule 4).
//  9. cpu 0 is removed: the SDK holds container cpu as a value, so 0 and absent are the same request, and
//     the SDK serializer omits 0 (the provider's stored state has no cpu 0, though AWS returns it).
//  10. Empty enum strings are removed (versionConsistency, logConfiguration.logDriver,
//     firelensConfiguration.type, and the enums of list elements such as portMappings.appProtocol): the
//     SDK serializer never sends an empty enum.
//  11. Environment entries with an empty, null or missing value are removed, with a Warning. AWS does not
//     keep such a variable in the stored task definition (provider issue #39533; the provider's AWS Batch
//     ecs_properties.go filters empty values for the same reason), while the provider's ECS comparison
//     keeps the entry, so leaving it in gives a plan that replaces the task definition on every run.
//  12. linuxParameters.capabilities: an object with neither added nor dropped capabilities is removed,
//     and a non-empty one gets the missing list as []. AWS does not store an empty capabilities object and
//     returns both add and drop for a non-empty one; the provider compares nested members as written.
//
// TaskDefinition applies the container rules with the task's networkMode, removes nulls from the rest and
// sorts keys. It accepts a DescribeTaskDefinition output ({"taskDefinition": {...}}) as well.
//
// # Known gaps
//
//   - A null inside a string map (dockerLabels, logConfiguration.options) is removed; the SDK would send
//     it as "". A null inside a list outside rule 4 is kept.
//   - List elements holding only members unknown to the SDK are kept; the provider's SDK drops unknown
//     members, sees a zero element and removes it.
//   - Members this package does not rewrite are not checked: a wrong type there (for example
//     logConfiguration.secretOptions as an object) passes through, and hashicorp/aws rejects it.
//   - Empty nested objects and lists other than those above (dockerLabels {}, linuxParameters.devices [])
//     are kept as written; whether AWS returns them is not established.
//   - Task-level members are not defaulted or sorted (requiresCompatibilities, volumes); they are not
//     part of container_definitions.
package canonical
