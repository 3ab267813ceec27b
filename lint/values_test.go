package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyStringIsUnset: "" on an optional string argument of an AWS
// resource is unset, as the AWS provider (and the plan door) read it; a
// value that is not "" is still checked, and a value not known stays silent.
func TestEmptyStringIsUnset(t *testing.T) {
	const ec2 = `variable "fargate" { type = bool }
variable "cpu" {
  type    = string
  default = "512"
}
resource "aws_ecs_task_definition" "t" {
  family                   = "t"
  requires_compatibilities = var.fargate ? ["FARGATE"] : ["EC2"]
  network_mode             = var.fargate ? "awsvpc" : "bridge"
  cpu                      = var.fargate ? var.cpu : %s
  memory                   = "1024"
  container_definitions    = jsonencode([{ name = "a", image = "a", essential = true }])
}
`
	const fargate = `resource "aws_ecs_task_definition" "t" {
  family                   = "t"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  ipc_mode                 = %s
  runtime_platform {
    operating_system_family = %s
  }
  container_definitions = jsonencode([{ name = "a", image = "a", essential = true }])
}
`
	for _, c := range []struct {
		name, src string
		args      []string
		want      []string // rules expected; the others must be absent
		absent    []string
	}{
		{name: "EC2 cpu 100 is out of range", src: sprintf(ec2, `"100"`), args: []string{"-var", "fargate=false"},
			want: []string{"task_cpu_range"}},
		{name: "EC2 cpu \"\" is unset", src: sprintf(ec2, `""`), args: []string{"-var", "fargate=false"},
			absent: []string{"task_cpu_range"}},
		{name: "fargate unknown stays silent", src: sprintf(ec2, `""`),
			absent: []string{"task_cpu_range", "fargate_cpu_memory"}},
		{name: "Fargate ipc_mode set", src: sprintf(fargate, `"host"`, `"LINUX"`),
			want: []string{"fargate_unsupported_parameter"}, absent: []string{"invalid_enum"}},
		{name: "nested block argument set", src: sprintf(fargate, `""`, `"linux"`),
			want: []string{"invalid_enum"}, absent: []string{"fargate_unsupported_parameter"}},
		{name: "Fargate ipc_mode and operating_system_family \"\" are unset", src: sprintf(fargate, `""`, `""`),
			absent: []string{"fargate_unsupported_parameter", "invalid_enum"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "main.tf"), c.src)
			_, rep := runJSON(t, append(c.args, dir)...)
			got := map[string]int{}
			for _, is := range rep.Issues {
				got[is.Rule.Name]++
			}
			for _, e := range rep.Errors {
				t.Errorf("error: %s", e.Message)
			}
			for _, w := range c.want {
				if got[w] == 0 {
					t.Errorf("no %s finding; got %v", w, got)
				}
			}
			for _, a := range c.absent {
				if got[a] != 0 {
					t.Errorf("%d %s findings, want none: %+v", got[a], a, rep.Issues)
				}
			}
		})
	}
}

// TestEmptyLaunchTypeIsUnset: launch_type = "" on a service is no launch
// type, so the cluster's default capacity provider strategy decides where
// its tasks run, and the configuration rules follow it to the container
// instances (here: the instances' security group admits no dynamic port).
func TestEmptyLaunchTypeIsUnset(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "ec2-bridge-sg-port80", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	strategy := "  capacity_provider_strategy {\n    capacity_provider = aws_ecs_capacity_provider.ec2.name\n    weight            = 1\n  }\n  load_balancer"
	if !strings.Contains(string(src), strategy) {
		t.Fatal("the fixture changed: its service has no capacity_provider_strategy to replace")
	}
	for _, lt := range []string{`""`, `"EC2"`} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "main.tf"), strings.Replace(string(src), strategy, "  launch_type = "+lt+"\n  load_balancer", 1))
		_, rep := runJSON(t, dir)
		n := 0
		for _, is := range rep.Issues {
			if is.Rule.Name == "dynamic_port_security_group" {
				n++
				if strings.Contains(is.Message, "could not follow") {
					t.Errorf("launch_type = %s: the service was not followed to its container instances: %s", lt, is.Message)
				}
			}
		}
		if n != 1 {
			t.Errorf("launch_type = %s: %d dynamic_port_security_group findings, want 1: %+v", lt, n, rep.Issues)
		}
	}
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
