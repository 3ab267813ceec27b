package lint

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run the real terraform binary (TF_ACC_TERRAFORM_PATH, set by
// `eval "$(scripts/find-terraform.sh)"`; `make test` does it) and are skipped
// unless TF_ACC is set. The ecskit provider is built with go build and used
// through dev_overrides, as scripts/demo.sh does; nothing is downloaded.

// terraform returns a function that runs terraform in a directory with a CLI
// configuration whose dev_overrides point at a fresh build of the provider.
func terraform(t *testing.T) func(dir string, args ...string) (string, error) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("runs terraform; set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make test does)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("TF_ACC is set but TF_ACC_TERRAFORM_PATH is not: eval \"$(scripts/find-terraform.sh)\" first")
		}
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-ecskit"), "github.com/ecskit/terraform-provider-ecskit")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := filepath.Join(t.TempDir(), "terraformrc")
	writeFile(t, rc, `provider_installation {
  dev_overrides {
    "registry.terraform.io/ecskit/ecskit" = "`+bin+`"
    "registry.opentofu.org/ecskit/ecskit" = "`+bin+`"
  }
  direct {}
}
`)
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return func(dir string, args ...string) (string, error) {
		cmd := exec.Command(tf, append([]string{"-chdir=" + dir}, args...)...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
}

// planJSON plans dir (copied to a temporary directory, so the repository
// stays clean) and returns `terraform show -json` of the plan.
func planJSON(t *testing.T, tf func(string, ...string) (string, error), dir string) []byte {
	t.Helper()
	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	// terraform get records local module calls; it installs no provider.
	if out, err := tf(work, "get", "-no-color"); err != nil {
		t.Fatalf("terraform get: %v\n%s", err, out)
	}
	if out, err := tf(work, "plan", "-input=false", "-no-color", "-out=plan.out"); err != nil {
		t.Fatalf("terraform plan: %v\n%s", err, out)
	}
	out, err := tf(work, "show", "-json", "plan.out")
	if err != nil {
		t.Fatalf("terraform show -json: %v\n%s", err, out)
	}
	// Warnings about the CLI configuration go to stderr; the JSON is the last line.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return []byte(lines[len(lines)-1])
}

// asTaskDefinitions rewrites real plan JSON so that every terraform_data
// resource named name becomes an aws_ecs_task_definition whose values are
// the terraform_data's input (asResources).
func asTaskDefinitions(t *testing.T, src []byte, name string) []byte {
	t.Helper()
	return asResources(t, src, map[string]string{name: "aws_ecs_task_definition"})
}

// asResources rewrites real plan JSON so that every terraform_data resource
// named as a key of types becomes a resource of the type it maps to, whose
// values are the terraform_data's input: planned_values (values,
// sensitive_values), resource_changes (after, after_unknown,
// after_sensitive) and addresses, everything else as terraform wrote it. The
// AWS provider cannot be installed here; this gives the reader real plan
// output (format version, module nesting, unknown and sensitive markers)
// with AWS resources' values in it.
func asResources(t *testing.T, src []byte, types map[string]string) []byte {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal(src, &p); err != nil {
		t.Fatal(err)
	}
	rename := func(r map[string]any) bool {
		name, _ := r["name"].(string)
		typ, ok := types[name]
		if r["type"] != "terraform_data" || !ok {
			return false
		}
		r["type"] = typ
		r["provider_name"] = "registry.terraform.io/hashicorp/aws"
		r["address"] = strings.Replace(r["address"].(string), "terraform_data."+name, typ+"."+name, 1)
		return true
	}
	input := func(m any) any {
		if o, ok := m.(map[string]any); ok {
			if in, ok := o["input"]; ok {
				return in
			}
			return map[string]any{}
		}
		return m
	}
	var walk func(m map[string]any)
	walk = func(m map[string]any) {
		rs, _ := m["resources"].([]any)
		for _, r := range rs {
			r := r.(map[string]any)
			if rename(r) {
				r["values"] = input(r["values"])
				r["sensitive_values"] = input(r["sensitive_values"])
			}
		}
		cs, _ := m["child_modules"].([]any)
		for _, c := range cs {
			walk(c.(map[string]any))
		}
	}
	walk(p["planned_values"].(map[string]any)["root_module"].(map[string]any))
	rcs, _ := p["resource_changes"].([]any)
	for _, rc := range rcs {
		rc := rc.(map[string]any)
		if rename(rc) {
			ch := rc["change"].(map[string]any)
			for _, k := range []string{"after", "after_unknown", "after_sensitive"} {
				ch[k] = input(ch[k])
			}
		}
	}
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRealPlan reads plan JSON written by the real terraform: a root module
// and a child module called with for_each, ecskit data sources (data
// resources with known values: nothing to report), terraform_data resources
// whose input is a task definition's attributes, one of them partly unknown.
func TestRealPlan(t *testing.T) {
	tf := terraform(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
  }
}

module "svc" {
  source   = "./svc"
  for_each = { ok = { memory = "512", host_port = 80 }, broken = { memory = "4096", host_port = 8080 } }
  family    = each.key
  memory    = each.value.memory
  host_port = each.value.host_port
}
`)
	writeFile(t, filepath.Join(dir, "svc", "main.tf"), `terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
  }
}

variable "family" { type = string }
variable "memory" { type = string }
variable "host_port" { type = number }

data "ecskit_container_definition" "app" {
  name          = var.family
  image         = "public.ecr.aws/docker/library/httpd:2.4"
  port_mappings = [{ container_port = 80, host_port = var.host_port }]
}

data "ecskit_fargate_size" "app" {
  min_cpu    = 256
  min_memory = 512
}

resource "terraform_data" "role" {
  input = "arn:aws:iam::123456789012:role/${var.family}"
}

resource "terraform_data" "task" {
  input = {
    family                   = var.family
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = "256"
    memory                   = var.memory
    execution_role_arn       = terraform_data.role.output
    # json is sensitive (the provider cannot know what is secret); this
    # container holds no secret (sensitive_plan_test.go has one that does).
    container_definitions    = jsonencode([jsondecode(nonsensitive(data.ecskit_container_definition.app.json))])
    volume                   = []
  }
}
`)
	src := planJSON(t, tf, dir)

	// As terraform wrote it: data sources known and valid, terraform_data
	// not a task definition; nothing to report, nothing failing.
	p := filepath.Join(t.TempDir(), "plan.json")
	writeFile(t, p, string(src))
	if code, rep := runJSON(t, p); code != ExitOK || len(rep.Issues) != 0 || len(rep.Errors) != 0 {
		t.Errorf("real plan: exit %d, %+v", code, rep)
	}
	if !strings.Contains(string(src), `"mode":"data","type":"ecskit_container_definition"`) {
		t.Errorf("the plan lacks the ecskit data sources as data resources:\n%s", src)
	}

	// With the terraform_data inputs read as aws_ecs_task_definition values.
	writeFile(t, p, string(asTaskDefinitions(t, src, "task")))
	code, rep := runJSON(t, p)
	if code != ExitFindings || len(rep.Errors) != 0 {
		t.Fatalf("exit %d, %+v", code, rep)
	}
	got := map[string]bool{}
	for _, is := range rep.Issues {
		got[is.Address+" "+is.Rule.Name] = true
		if is.Range.Filename != "" {
			t.Errorf("finding from plan JSON with a source range: %+v", is)
		}
	}
	want := map[string]bool{
		`module.svc["broken"].aws_ecs_task_definition.task fargate_cpu_memory`: true,
		`module.svc["broken"].aws_ecs_task_definition.task host_port_mismatch`: true,
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing finding %s; got %v", k, got)
		}
	}
}
