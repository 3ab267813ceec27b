package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneRuleFourDoors is the done-when of the pipelines issue: the same
// broken task definition (256 CPU units with 4 GB on Fargate, testdata/doors)
// is reported under the same rule by
//
//  1. the provider at plan time (real terraform; TF_ACC),
//  2. ecslint on the HCL,
//  3. ecslint on plan JSON: written by the real terraform (TF_ACC), where the
//     task's attributes travel in a built-in terraform_data resource read as
//     aws_ecs_task_definition (the AWS provider cannot be installed here; see
//     asTaskDefinitions), and always the fixture testdata/doors/plan.json in
//     the AWS provider's plan format,
//  4. ecslint on the task-definition JSON.
func TestOneRuleFourDoors(t *testing.T) {
	const rule = "fargate_cpu_memory"
	dir := filepath.Join("testdata", "doors")

	t.Run("provider", func(t *testing.T) {
		tf := terraform(t)
		work := t.TempDir()
		if err := os.CopyFS(work, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		out, err := tf(work, "plan", "-input=false", "-no-color")
		if err == nil {
			t.Fatalf("terraform plan accepted the broken task definition:\n%s", out)
		}
		for _, want := range []string{"Invalid Fargate CPU/memory combination (" + rule + ")", "main.tf line 18"} {
			if !strings.Contains(out, want) {
				t.Errorf("terraform plan output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("hcl", func(t *testing.T) {
		code, rep := runJSON(t, dir)
		if code != ExitFindings || len(rep.Issues) != 1 || rep.Issues[0].Rule.Name != rule {
			t.Fatalf("exit %d, %+v", code, rep)
		}
		if r := rep.Issues[0].Range; r.Filename != filepath.Join(dir, "main.tf") || r.Start.Line != 18 {
			t.Errorf("range %+v, want main.tf line 18 (memory)", r)
		}
	})

	checkPlan := func(t *testing.T, path, address string) {
		t.Helper()
		code, rep := runJSON(t, path)
		if code != ExitFindings || len(rep.Errors) != 0 || len(rep.Issues) != 1 {
			t.Fatalf("exit %d, %+v", code, rep)
		}
		if is := rep.Issues[0]; is.Rule.Name != rule || is.Address != address {
			t.Errorf("finding %+v, want %s on %s", is, rule, address)
		}
	}
	t.Run("plan-fixture", func(t *testing.T) {
		checkPlan(t, filepath.Join(dir, "plan.json"), "aws_ecs_task_definition.api")
	})
	t.Run("plan-terraform", func(t *testing.T) {
		tf := terraform(t)
		p := filepath.Join(t.TempDir(), "plan.json")
		writeFile(t, p, string(asTaskDefinitions(t, planJSON(t, tf, filepath.Join(dir, "plan")), "api")))
		checkPlan(t, p, "aws_ecs_task_definition.api")
	})

	t.Run("task-json", func(t *testing.T) {
		code, rep := runJSON(t, filepath.Join(dir, "task.json"))
		if code != ExitFindings || len(rep.Issues) != 1 || rep.Issues[0].Rule.Name != rule {
			t.Fatalf("exit %d, %+v", code, rep)
		}
		if r := rep.Issues[0].Range; r.Start.Line != 6 || r.Start.Column != 13 {
			t.Errorf("range %+v, want task.json 6:13 (memory)", r)
		}
	})
}
