package plan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
)

// fixture follows the plan JSON format: planned_values with a child module,
// resource_changes with after_unknown and after_sensitive.
const fixture = `{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "planned_values": {
    "root_module": {
      "resources": [{
        "address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
        "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
        "values": {"family": "web", "cpu": "256", "memory": "4096", "network_mode": "awsvpc",
                   "requires_compatibilities": ["FARGATE"], "container_definitions": "[{\"name\":\"web\",\"image\":\"x\"}]",
                   "volume": [], "placement_constraints": []},
        "sensitive_values": {}
      }],
      "child_modules": [{
        "address": "module.svc",
        "resources": [{
          "address": "module.svc.aws_ecs_task_definition.this", "mode": "managed", "type": "aws_ecs_task_definition", "name": "this",
          "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
          "values": {"family": "svc", "requires_compatibilities": ["FARGATE"], "memory": "512"},
          "sensitive_values": {}
        }]
      }]
    }
  },
  "resource_changes": [
    {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"arn": true, "volume": []}, "after_sensitive": {"cpu": true}}},
    {"address": "module.svc.aws_ecs_task_definition.this", "module_address": "module.svc", "mode": "managed", "type": "aws_ecs_task_definition", "name": "this",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"cpu": true, "container_definitions": true}, "after_sensitive": {}}}
  ]
}`

func TestRead(t *testing.T) {
	if !IsPlan([]byte(fixture)) {
		t.Fatal("fixture not detected as a plan")
	}
	if IsPlan([]byte(`{"family":"x","containerDefinitions":[]}`)) || IsPlan([]byte(`[1]`)) || IsPlan([]byte(`{`)) {
		t.Error("task definitions are not plans")
	}
	rs, err := Read([]byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Address != "aws_ecs_task_definition.web" || rs[1].Address != "module.svc.aws_ecs_task_definition.this" {
		t.Fatalf("resources: %+v", rs)
	}
	web := rs[0].Values
	if web.Get("memory").Str != "4096" || web.Get("arn").Kind != tree.Unknown {
		t.Errorf("web values: memory %v arn %v", web.Get("memory"), web.Get("arn"))
	}
	if c := web.Get("cpu"); c.Kind != tree.String || c.Str != "256" {
		t.Errorf("a sensitive value must read as the plan writes it: cpu %+v", c)
	}
	if !rs[0].HasSensitive() || !rs[0].SensitiveAt("cpu") || rs[0].SensitiveAt("memory") {
		t.Errorf("web's marks: %#v", rs[0].Sensitive)
	}
	if rs[1].HasSensitive() || rs[1].Sensitive != nil {
		t.Errorf("module.svc has no sensitive value, marks %#v", rs[1].Sensitive)
	}
	svc := rs[1].Values
	if svc.Get("cpu").Kind != tree.Unknown || svc.Get("container_definitions").Kind != tree.Unknown || svc.Get("memory").Str != "512" {
		t.Errorf("module values: %+v", svc.Fields)
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, src := range []string{`{`, `{"format_version":"99.0","planned_values":{}}`, `[]`} {
		if _, err := Read([]byte(src)); err == nil {
			t.Errorf("%s: want an error", src)
		}
	}
}

// FuzzRead reads arbitrary input as a plan and, when it is one, builds its configuration view and runs the
// configuration rules on it: no input may panic or hang them.
func FuzzRead(f *testing.F) {
	f.Add([]byte(fixture))
	f.Add([]byte(sensitiveFixture))
	f.Add([]byte(`{"format_version":"1.0","planned_values":{"root_module":{}}}`))
	for _, dir := range []string{"modules-fires", "existing-fires", "count-fires"} {
		if b, err := os.ReadFile(filepath.Join("testdata", dir, "tfplan.json")); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Parse(b)
		if err != nil {
			return
		}
		for _, r := range p.Resources() {
			if r.Values == nil {
				t.Fatal("nil values")
			}
			if r.Hides() && !r.HasSensitive() {
				t.Fatalf("%s hides a value but has none marked sensitive", r.Address)
			}
			r.SensitiveAt("container_definitions")
		}
		for _, h := range p.Hidden() {
			if len(h) < MinHidden {
				t.Fatalf("hidden %q is shorter than MinHidden", h)
			}
		}
		configrules.Check(p.Config("tfplan.json", configrules.Schemas, configrules.Types), configrules.Options{})
	})
}

// TestConfigOddShapes builds the configuration view of plans whose configuration does not match the schema
// ecslint knows: a nested block inside a block that has none, for a block set unknown as a whole.
func TestConfigOddShapes(t *testing.T) {
	src := `{"format_version":"1.2","planned_values":{"root_module":{"resources":[
	  {"address":"aws_security_group.a","mode":"managed","type":"aws_security_group","name":"a","values":{"name":"a"}}]}},
	 "resource_changes":[{"address":"aws_security_group.a","mode":"managed","type":"aws_security_group","name":"a",
	  "change":{"actions":["create"],"before":null,"after":{"name":"a"},"after_unknown":{"ingress":true,"id":true}}}],
	 "configuration":{"root_module":{"resources":[{"address":"aws_security_group.a","mode":"managed","type":"aws_security_group","name":"a",
	  "expressions":{"name":{"constant_value":"a"},"ingress":[{"from_port":{"constant_value":80},"odd":[{"deeper":[{"x":{"constant_value":1}}]}]}]}}]}}}`
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cfg := p.Config("tfplan.json", configrules.Schemas, configrules.Types)
	if len(cfg.Instances) != 1 {
		t.Fatalf("instances: %d", len(cfg.Instances))
	}
	in := cfg.Instances[0].Body.BlocksOfType("ingress")
	if len(in) != 1 || in[0].UnknownCount || !in[0].Body.Value("from_port").IsKnown() {
		t.Errorf("the ingress block of the configuration, with its constant from_port: %+v", in)
	}
	configrules.Check(cfg, configrules.Options{})
}
