package plan

import (
	"slices"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// sensitiveFixture follows terraform show -json (1.11): the planned values in
// plain text, the marks in planned_values' sensitive_values and in
// resource_changes' after_sensitive. The task definition's marks are only in
// sensitive_values, the role's only in after_sensitive: either counts.
const sensitiveFixture = `{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
     "values": {"family": "web", "network_mode": "awsvpc",
       "container_definitions": "[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"command\":[\"serve\",\"--token=Tok-3141\"],\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"Pw-Marker-2718\"}],\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}],\"secrets\":[{\"name\":\"API_KEY\",\"valueFrom\":\"arn:aws:ssm:eu-west-1:123456789012:parameter/api\"}]}]"},
     "sensitive_values": {"container_definitions": true}},
    {"address": "aws_iam_role.task", "mode": "managed", "type": "aws_iam_role", "name": "task",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
     "values": {"name": "task", "tags": {"owner": "Owner-Marker-1618", "team": "ops"}, "description": "abc"},
     "sensitive_values": {}}
  ]}},
  "prior_state": {"format_version": "1.0", "terraform_version": "1.11.4", "values": {"root_module": {"resources": [
    {"address": "data.ecskit_task_definition.api", "mode": "data", "type": "ecskit_task_definition", "name": "api",
     "provider_name": "registry.terraform.io/ecskit/ecskit", "schema_version": 0,
     "values": {"family": "api", "json": "{\"family\":\"api\",\"networkMode\":\"awsvpc\",\"cpu\":\"256\",\"tags\":[{\"key\":\"owner\",\"value\":\"Tag-Marker-5772\"}],\"volumes\":[{\"name\":\"data\",\"dockerVolumeConfiguration\":{\"driver\":\"local\",\"driverOpts\":{\"password\":\"Opt-Marker-6931\"}}}],\"extraMember\":\"Extra-Marker-2201\",\"containerDefinitions\":[{\"name\":\"api\",\"image\":\"httpd:2.4\",\"environment\":[{\"name\":\"K\",\"value\":\"Env-Marker-8080\"}]}]}"},
     "sensitive_values": {"json": true}}
  ]}}},
  "resource_changes": [
    {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"arn": true}, "after_sensitive": {}}},
    {"address": "aws_iam_role.task", "mode": "managed", "type": "aws_iam_role", "name": "task",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {}, "after_sensitive": {"tags": {"owner": true}, "description": true}}}
  ]
}`

func TestSensitiveValuesReadAndHidden(t *testing.T) {
	p, err := Parse([]byte(sensitiveFixture))
	if err != nil {
		t.Fatal(err)
	}
	rs := p.Resources()
	task, role := rs[0], rs[1]
	if task.Address != "aws_ecs_task_definition.web" || role.Address != "aws_iam_role.task" {
		t.Fatalf("resources %s, %s", rs[0].Address, rs[1].Address)
	}
	if cd := task.Values.Get("container_definitions"); cd.Kind != tree.String || len(cd.Str) < 100 {
		t.Errorf("sensitive container_definitions must be read as planned: %+v", cd)
	}
	if !task.SensitiveAt("container_definitions") || task.SensitiveAt("family") {
		t.Errorf("task marks %#v", task.Sensitive)
	}
	if !role.SensitiveAt("tags") || !role.SensitiveAt("description") || role.SensitiveAt("name") {
		t.Errorf("role marks %#v (after_sensitive)", role.Sensitive)
	}
	if owner := role.Values.Get("tags").Get("owner"); owner.Kind != tree.String || owner.Str != "Owner-Marker-1618" {
		t.Errorf("sensitive tag read as %+v", owner)
	}
	hidden := p.Hidden()
	for _, h := range []string{"Pw-Marker-2718", "serve", "--token=Tok-3141", "Owner-Marker-1618", task.Values.Get("container_definitions").Str} {
		if !slices.Contains(hidden, h) {
			t.Errorf("%q is not hidden; hidden: %q", h, hidden)
		}
	}
	// What the redaction policy shows stays printable; so do values not marked, and strings too short to tell.
	for _, s := range []string{"web", "nginx:1.27", "DB_PASSWORD", "API_KEY", "arn:aws:ssm:eu-west-1:123456789012:parameter/api", "ops", "task", "abc"} {
		if slices.Contains(hidden, s) {
			t.Errorf("%q is hidden, but the policy shows it or the plan does not mark it", s)
		}
	}
	// A whole task definition's JSON (ecskit_task_definition's json): its own members are shown but for tag,
	// driverOpts and unknown members' values; its containers as container definitions.
	for _, h := range []string{"Tag-Marker-5772", "Opt-Marker-6931", "Extra-Marker-2201", "Env-Marker-8080"} {
		if !slices.Contains(hidden, h) {
			t.Errorf("%q of a task definition's JSON is not hidden; hidden: %q", h, hidden)
		}
	}
	for _, s := range []string{"awsvpc", "local", "data", "httpd:2.4", "api"} {
		if slices.Contains(hidden, s) {
			t.Errorf("%q of a task definition's JSON is hidden, but the policy shows it", s)
		}
	}
	for i := 1; i < len(hidden); i++ {
		if len(hidden[i]) > len(hidden[i-1]) {
			t.Errorf("hidden not longest first: %q", hidden)
		}
	}
}

func TestMergeMasks(t *testing.T) {
	got := mergeMasks(map[string]any{"a": true, "b": map[string]any{"c": false}}, map[string]any{"b": map[string]any{"c": true}, "d": []any{false, true}}, 0)
	m := got.(map[string]any)
	if m["a"] != true || !anyTrue(m["b"], 0) || !anyTrue(m["d"], 0) {
		t.Errorf("merged %#v", got)
	}
	if anyTrue(mergeMasks(map[string]any{}, []any{false}, 0), 0) || !anyTrue(mergeMasks(nil, true, 0), 0) {
		t.Error("merging with nothing marked")
	}
}
