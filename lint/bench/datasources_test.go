package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// dataSourceServices is the size of the data-source benchmark's module: this many task definitions composed
// with the ecskit data sources, each of three containers, registered by an aws_ecs_task_definition and run by
// a service.
const dataSourceServices = 40

// writeDataSourceModule writes a root module of n task definitions composed with ecskit_container_definition
// and ecskit_task_definition, each registered by an aws_ecs_task_definition built from the data source's
// outputs and run by an aws_ecs_service. Every task's first container maps host port 8080 to container port 80
// under awsvpc: one host_port_mismatch per task definition, which ecslint reports on the data source.
func writeDataSourceModule(tb testing.TB, dir string, n int) {
	tb.Helper()
	var b strings.Builder
	b.WriteString("resource \"aws_ecs_cluster\" \"this\" {\n  name = \"bench\"\n}\n")
	for i := range n {
		for c := range 3 {
			host := ""
			if c == 0 {
				host = ", host_port = 8080"
			}
			fmt.Fprintf(&b, `
data "ecskit_container_definition" "s%[1]d_c%[2]d" {
  name      = "c%[2]d"
  image     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:%[1]d"
  essential = %[3]t
  cpu       = 256
  memory    = 512
  port_mappings = [
    { container_port = %[4]d%[5]s },
  ]
  environment = {
    APP_ENV = "prod"
    INDEX   = "%[1]d"
  }
  log_configuration = {
    log_driver = "awslogs"
    options = {
      awslogs-group         = "/ecs/s%[1]d"
      awslogs-region        = "us-east-1"
      awslogs-stream-prefix = "c%[2]d"
    }
  }
}
`, i, c, c == 0, 80+c, host)
		}
		fmt.Fprintf(&b, `
data "ecskit_task_definition" "s%[1]d" {
  family                   = "s%[1]d"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "2 GB"
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  containers = [
    data.ecskit_container_definition.s%[1]d_c0.json,
    data.ecskit_container_definition.s%[1]d_c1.json,
    data.ecskit_container_definition.s%[1]d_c2.json,
  ]
}

resource "aws_ecs_task_definition" "s%[1]d" {
  family                   = "s%[1]d"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = data.ecskit_task_definition.s%[1]d.normalized_cpu
  memory                   = data.ecskit_task_definition.s%[1]d.normalized_memory
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = data.ecskit_task_definition.s%[1]d.container_definitions
}

resource "aws_ecs_service" "s%[1]d" {
  name            = "s%[1]d"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.s%[1]d.arn
  launch_type     = "FARGATE"
  desired_count   = 1
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
}
`, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestDataSourceModuleLints checks the data-source benchmark's module: each planted host_port_mismatch is
// reported once, on the data source, and nothing else.
func TestDataSourceModuleLints(t *testing.T) {
	dir := t.TempDir()
	writeDataSourceModule(t, dir, 3)
	var out, errOut strings.Builder
	if code := lint.Run([]string{"--format", "json", dir}, &out, &errOut); code != lint.ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, lint.ExitFindings, errOut.String())
	}
	var report struct {
		Issues []struct {
			Rule    struct{ Name string }
			Address string
		}
		Errors []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out.String()), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Errors) > 0 {
		t.Errorf("errors: %s", report.Errors)
	}
	var got []string
	for _, is := range report.Issues {
		got = append(got, is.Rule.Name+" "+is.Address)
	}
	want := "host_port_mismatch data.ecskit_task_definition.s0,host_port_mismatch data.ecskit_task_definition.s1,host_port_mismatch data.ecskit_task_definition.s2"
	if strings.Join(got, ",") != want {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.ReplaceAll(want, ",", "\n"))
	}
}

// BenchmarkDataSources lints a module of dataSourceServices task definitions composed with the ecskit data
// sources (120 ecskit_container_definition, 40 ecskit_task_definition, the resources built from them).
func BenchmarkDataSources(b *testing.B) {
	dir := b.TempDir()
	writeDataSourceModule(b, dir, dataSourceServices)
	b.ReportAllocs()
	for b.Loop() {
		if code := lint.Run([]string{"--format", "json", dir}, io.Discard, io.Discard); code != lint.ExitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}
