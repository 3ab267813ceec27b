package compose_test

import (
	"encoding/json"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/canonical"
	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// FuzzTask feeds arbitrary JSON, as the configuration of ecskit_task_definition and of
// ecskit_container_definition, to what the data sources run at plan time. Nothing may panic (a panic in a
// provider kills terraform plan), and whatever renders must be valid JSON that the canonical form leaves as it
// is: the output is what the hashicorp/aws provider compares. Seeds live in testdata/fuzz/FuzzTask.
func FuzzTask(f *testing.F) {
	for _, s := range []string{
		`{"family":"web","requires_compatibilities":["FARGATE"],"network_mode":"awsvpc","cpu":"256","memory":"512",
		  "containers":["{\"name\":\"app\",\"image\":\"nginx\",\"essential\":true,\"portMappings\":[{\"containerPort\":80}]}"]}`,
		`{"family":"ec2","network_mode":"bridge","containers":["{\"name\":\"a\",\"image\":\"i\",\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}"],
		  "volume":[{"name":"v","efs_volume_configuration":[{"file_system_id":"fs-1","transit_encryption":"ENABLED"}]}]}`,
		`{"name":"app","image":"nginx","port_mappings":[{"container_port":8080}],"environment":{"A":"1"},
		  "log_configuration":{"log_driver":"awslogs","options":{"awslogs-group":"g"}},"extra_json":"{\"linuxParameters\":{\"initProcessEnabled\":true}}"}`,
		`{"family":"w","cpu":"1 vCPU","memory":"2 GB","runtime_platform":[{"operating_system_family":"WINDOWS_SERVER_2022_CORE"}],"containers":[]}`,
		`{"family":"x","containers":["[]","null","{\"name\":1}"],"ignore_rules":["container_limit",7]}`,
		`{"name":"n","image":"i","health_check":{"command":["CMD-SHELL","true"],"interval":-5},"depends_on":[{"container_name":"x"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, diags := tree.ParseJSON(src, "fuzz.json")
		if diags.HasErrors() {
			return
		}
		res := compose.Task(cfg, rules.Config{})
		if res.Known && res.ContainerDefinitions != "" {
			mode := ""
			if res.TD.NetworkMode.Set {
				mode = string(res.TD.NetworkMode.V)
			}
			checkCanonical(t, src, res.ContainerDefinitions, mode)
			if !json.Valid([]byte(res.JSON)) {
				t.Fatalf("task JSON %q is not valid JSON; input %q", res.JSON, src)
			}
		}
		c := compose.ContainerJSON(cfg)
		if c.Known && c.JSON != "" && !json.Valid([]byte(c.JSON)) {
			t.Fatalf("container JSON %q is not valid JSON; input %q", c.JSON, src)
		}
	})
}

// checkCanonical fails unless defs is a fixed point of the normalization hashicorp/aws applies.
func checkCanonical(t *testing.T, src []byte, defs, mode string) {
	t.Helper()
	if !json.Valid([]byte(defs)) {
		t.Fatalf("container_definitions %q is not valid JSON; input %q", defs, src)
	}
	again, _, err := canonical.ContainerDefinitions([]byte(defs), canonical.Options{NetworkMode: mode})
	if err != nil {
		t.Fatalf("container_definitions %q does not normalize (%v); input %q", defs, err, src)
	}
	if string(again) != defs {
		t.Fatalf("container_definitions is not canonical; input %q\nrendered   %s\nnormalized %s", src, defs, again)
	}
}

// TestFuzzTaskSeedRenders keeps FuzzTask's invariants exercised: its first seed renders container definitions.
func TestFuzzTaskSeedRenders(t *testing.T) {
	src := []byte(`{"family":"web","requires_compatibilities":["FARGATE"],"network_mode":"awsvpc","cpu":"256","memory":"512",
	  "containers":["{\"name\":\"app\",\"image\":\"nginx\",\"essential\":true,\"portMappings\":[{\"containerPort\":80}]}"]}`)
	cfg, diags := tree.ParseJSON(src, "seed.json")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	res := compose.Task(cfg, rules.Config{})
	if !res.Known || res.ContainerDefinitions == "" {
		t.Fatalf("the seed does not render: problems %v, decode errors %v", res.Problems, res.DecodeErrors)
	}
	checkCanonical(t, src, res.ContainerDefinitions, "awsvpc")
}
