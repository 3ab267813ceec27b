package module

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func TestLocalModules(t *testing.T) {
	cfg, diags := load(t, "modules", Options{})
	noErrors(t, diags)
	cases := []struct {
		addr, attr string
		want       cty.Value
	}{
		{`module.svc["api"].aws_ecs_service.this`, "name", cty.StringVal("prod-api")},
		{`module.svc["web"].aws_ecs_service.this`, "task_definition", cty.StringVal("prod-web-td")},
		{`module.svc["web"].module.td.aws_ecs_task_definition.this`, "container_definitions",
			cty.StringVal(`[{"name":"app","portMappings":[{"containerPort":80}]}]`)},
		{`module.single.module.td.aws_ecs_task_definition.this`, "family", cty.StringVal("single")},
		{`aws_lb_target_group.tg["web"]`, "name", cty.StringVal("prod-web")},
		{`aws_lb_target_group.tg["api"]`, "api_port", cty.NumberIntVal(8080)},
		{`aws_lb_target_group.tg["api"]`, "td", cty.StringVal("single-td")},
	}
	for _, c := range cases {
		in := instance(t, cfg, c.addr)
		if got := in.Body.Value(c.attr); !got.RawEquals(c.want) {
			t.Errorf("%s.%s = %#v, want %#v", c.addr, c.attr, got, c.want)
		}
	}
	svc := instance(t, cfg, `module.svc["api"].aws_ecs_service.this`)
	if svc.Module != `module.svc["api"]` || svc.Type != "aws_ecs_service" || svc.Name != "this" || svc.Mode != Managed {
		t.Errorf("instance identity = %q %q %q %v", svc.Module, svc.Type, svc.Name, svc.Mode)
	}
	if !strings.HasSuffix(svc.DefRange.Filename, filepath.Join("modules", "svc", "main.tf")) || svc.DefRange.Start.Line != 12 {
		t.Errorf("DefRange = %s, want modules/svc/main.tf line 12", svc.DefRange)
	}
	lb := svc.Body.BlocksOfType("load_balancer")
	if len(lb) != 1 || !lb[0].Body.Value("container_port").RawEquals(cty.NumberIntVal(8080)) {
		t.Errorf("load_balancer blocks = %+v", lb)
	}
	// Each module directory is parsed once although it is called three times.
	if len(cfg.Files) != 3 {
		t.Errorf("%d files parsed, want 3", len(cfg.Files))
	}
	if len(cfg.InstancesOf(Managed, "aws_ecs_task_definition")) != 3 {
		t.Errorf("InstancesOf found %d task definitions, want 3", len(cfg.InstancesOf(Managed, "aws_ecs_task_definition")))
	}
}

func TestSelfCallingModule(t *testing.T) {
	cfg, diags := load(t, "selfcall", Options{})
	direct := findDiag(diags, hcl.DiagError, "Module calls itself", `"self"`)
	indirect := findDiag(diags, hcl.DiagError, "Module calls itself", `"back_to_a"`, "a calls b calls a")
	if direct == nil || indirect == nil {
		t.Fatalf("want errors for the direct and the indirect self-call: %v", diags)
	}
	if direct.Subject == nil || direct.Subject.Start.Line != 5 {
		t.Errorf("direct self-call error at %v, want line 5 (the source)", direct.Subject)
	}
	instance(t, cfg, "module.a.test_a.a")
	if len(cfg.Instances) != 2 { // module.a.test_a.a and module.a.module.b... no: b has no resources besides the call
		var have []string
		for _, in := range cfg.Instances {
			have = append(have, in.Address)
		}
		if len(have) != 1 {
			t.Errorf("instances %v", have)
		}
	}
}

func TestRemoteModuleSkipped(t *testing.T) {
	cfg, diags := load(t, "remote", Options{})
	noErrors(t, diags)
	if d := findDiag(diags, hcl.DiagWarning, "Remote module not loaded", "terraform-aws-modules/ecs/aws"); d == nil || d.Subject.Start.Line != 2 {
		t.Errorf("no warning on line 2 for the remote module: %v", diags)
	}
	if findDiag(diags, hcl.DiagWarning, "outside the linted directory", `"outside"`) == nil {
		t.Errorf("no warning for a local module outside the root: %v", diags)
	}
	if got := instance(t, cfg, "aws_ecs_service.svc").Body.Value("cluster"); got.IsKnown() {
		t.Errorf("module.ecs.cluster_arn = %#v, want unknown", got)
	}
}

func TestModuleDepthBound(t *testing.T) {
	// A chain of 40 nested modules stops at MaxModuleDepth with an error.
	root := t.TempDir()
	dir := root
	for i := 0; i < 40; i++ {
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("module \"m\" {\n  source = \"./m\"\n}\nresource \"r\" \"x\" {}\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(dir, "m")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cfg, diags := Load(root, Options{})
	if findDiag(diags, hcl.DiagError, "nested more than 32") == nil {
		t.Errorf("no depth error: %v", diags)
	}
	if len(cfg.Instances) != MaxModuleDepth {
		t.Errorf("%d instances, want %d (one per loaded module)", len(cfg.Instances), MaxModuleDepth)
	}
}

func TestModuleFanOutBound(t *testing.T) {
	// Modules multiplying each other's instances hit the global object budget instead of running for ever.
	root := t.TempDir()
	dir := root
	for i := 0; i < 5; i++ {
		src := "module \"m\" {\n  source = \"./m\"\n  count = 1000\n}\n"
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(dir, "m")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(`resource "r" "x" {}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, diags := Load(root, Options{})
	if findDiag(diags, hcl.DiagError, "Configuration too large") == nil {
		t.Errorf("no budget error: %v", diags)
	}
}

func TestJSONResources(t *testing.T) {
	schemas := map[string]*BlockSchema{
		"aws_security_group": {Blocks: map[string]*BlockSchema{"ingress": nil, "egress": nil}},
		"aws_scheduler_schedule": {Blocks: map[string]*BlockSchema{"target": {Blocks: map[string]*BlockSchema{
			"ecs_parameters": {Blocks: map[string]*BlockSchema{"placement_constraints": nil}}}}}},
		"aws_ecs_service": {Blocks: map[string]*BlockSchema{"network_configuration": nil, "ordered_placement_strategy": nil}},
	}
	cfg, diags := load(t, "json", Options{Schemas: schemas})
	noErrors(t, diags)

	sg := instance(t, cfg, "aws_security_group.sg").Body
	ingress := sg.BlocksOfType("ingress")
	if len(ingress) != 2 {
		t.Fatalf("%d ingress blocks, want 2", len(ingress))
	}
	want := cty.ListVal([]cty.Value{cty.StringVal("0.0.0.0/0")})
	if got := ingress[1].Body.Value("cidr_blocks"); !got.RawEquals(cty.TupleVal(want.AsValueSlice())) {
		t.Errorf("ingress[1].cidr_blocks = %#v, want the variable's value", got)
	}
	if ingress[1].Body.Range.Start.Line != 12 || ingress[0].Body.Range.Start.Line != 11 {
		t.Errorf("ingress body ranges = %s, %s; want lines 11 and 12", ingress[0].Body.Range, ingress[1].Body.Range)
	}
	egress := sg.BlocksOfType("egress")
	if len(egress) != 2 || !egress[1].Body.Value("to_port").RawEquals(cty.NumberIntVal(9090)) {
		t.Errorf("dynamic egress in JSON = %+v", egress)
	}

	sched := instance(t, cfg, "aws_scheduler_schedule.s").Body
	targets := sched.BlocksOfType("target")
	if len(targets) != 1 {
		t.Fatalf("%d target blocks", len(targets))
	}
	ecs := targets[0].Body.BlocksOfType("ecs_parameters")
	if len(ecs) != 1 || len(ecs[0].Body.BlocksOfType("placement_constraints")) != 1 ||
		ecs[0].Body.Value("launch_type").AsString() != "FARGATE" {
		t.Errorf("target { ecs_parameters { placement_constraints } } not read as blocks: %+v", ecs)
	}

	svc := instance(t, cfg, "aws_ecs_service.svc[1]").Body
	if svc.Value("name").AsString() != "svc-1" || len(svc.BlocksOfType("network_configuration")) != 1 ||
		len(svc.BlocksOfType("ordered_placement_strategy")) != 1 {
		t.Errorf("aws_ecs_service.svc[1] = %+v", svc)
	}
	if _, ok := svc.Attributes["count"]; ok {
		t.Error("count must not appear as an attribute")
	}

	t.Run("without schema blocks are attributes", func(t *testing.T) {
		cfg, diags := load(t, "json", Options{})
		noErrors(t, diags)
		sg := instance(t, cfg, "aws_security_group.sg").Body
		if len(sg.Blocks) != 2 || sg.Blocks[0].Type != "egress" { // only the dynamic blocks are blocks
			t.Errorf("blocks = %+v", sg.Blocks)
		}
		if got := sg.Value("ingress"); got.LengthInt() != 2 {
			t.Errorf("ingress attribute = %#v", got)
		}
	})
}
