package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint"
)

// benchStacks is the corpus size of the in-process benchmarks: 100 stacks, about 300 module directories and
// 55,000 lines. scripts/bench.sh measures the full corpus with the built binary.
const benchStacks = 100

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sa, err := Generate(a, 5, 7)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Generate(b, 5, 7)
	if err != nil {
		t.Fatal(err)
	}
	if sa != sb || sa.Dirs != 3+5*3 {
		t.Fatalf("stats differ or wrong: %+v and %+v, want %d dirs", sa, sb, 3+5*3)
	}
	err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			t.Errorf("%s differs between two runs with the same seed", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(a, 5, 7); err == nil {
		t.Error("Generate into a non-empty directory must fail")
	}
}

// TestCorpusLints checks that the corpus is what the benchmark claims: ecslint reads all of it without errors,
// and finds the planted mistakes (and only mistakes of the planted kinds).
func TestCorpusLints(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, 40, 1); err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	code := lint.Run([]string{"--recursive", "--format", "json", dir}, &out, &errOut)
	if code != lint.ExitFindings {
		t.Fatalf("exit %d, want %d (findings); stderr: %s\n%s", code, lint.ExitFindings, errOut.String(), out.String())
	}
	var report struct {
		Issues []struct {
			Rule struct{ Name string }
		}
		Errors []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out.String()), &report); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(report.Errors) > 0 {
		t.Fatalf("ecslint reported errors on the corpus:\n%s", out.String())
	}
	planted := map[string]bool{"fargate_cpu_memory": true, "fargate_log_driver": true, "host_port_mismatch": true,
		"dynamic_port_security_group": true}
	for _, is := range report.Issues {
		if !planted[is.Rule.Name] {
			t.Errorf("unexpected finding %s in the corpus", is.Rule.Name)
		}
	}
	if len(report.Issues) == 0 {
		t.Error("no findings: the planted mistakes were not found")
	}
}

// TestRecursiveOutputIndependentOfWorkers checks that linting modules concurrently does not change the output:
// one worker and several give the same bytes, in every format that prints findings.
func TestRecursiveOutputIndependentOfWorkers(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, 40, 1); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range []string{"text", "json", "sarif"} {
		var outputs []string
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			var out, errOut strings.Builder
			if code := lint.Run([]string{"--recursive", "--format", format, dir}, &out, &errOut); code != lint.ExitFindings {
				t.Fatalf("%s with %d workers: exit %d, want %d; stderr: %s", format, procs, code, lint.ExitFindings, errOut.String())
			}
			outputs = append(outputs, out.String())
		}
		if outputs[0] != outputs[1] {
			t.Errorf("%s output differs between 1 and 4 workers:\n%s\n---\n%s", format, outputs[0], outputs[1])
		}
	}
}

func BenchmarkRecursive(b *testing.B) {
	dir := b.TempDir()
	st, err := Generate(dir, benchStacks, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(st.Bytes))
	b.ReportAllocs()
	for b.Loop() {
		if code := lint.Run([]string{"--recursive", "--format", "json", dir}, io.Discard, io.Discard); code != lint.ExitFindings {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(st.Lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkRealTree lints the checkout REAL_TREE names (scripts/bench.sh's real public tree,
// terraform-aws-modules/terraform-aws-ecs) as `ecslint --recursive --format json .` in it; skipped without it.
// For profiling: go test -run '^$' -bench RealTree -cpuprofile cpu.out ./lint/bench/
func BenchmarkRealTree(b *testing.B) {
	dir := os.Getenv("REAL_TREE")
	if dir == "" {
		b.Skip("set REAL_TREE to a checkout of terraform-aws-modules/terraform-aws-ecs")
	}
	b.Chdir(dir)
	b.ReportAllocs()
	for b.Loop() {
		if code := lint.Run([]string{"--recursive", "--format", "json", "."}, io.Discard, io.Discard); code > lint.ExitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}

// composeConfig is the configuration of ecskit_task_definition with containers: n containers, each the
// output of ecskit_container_definition for a typed configuration.
func composeConfig(tb testing.TB, n int) *tree.Node {
	tb.Helper()
	containers := make([]cty.Value, n)
	for i := range n {
		res := compose.ContainerJSON(containerConfig(i))
		if !res.Known || len(res.Problems) > 0 || len(res.Errors) > 0 {
			tb.Fatalf("container %d: %+v", i, res)
		}
		containers[i] = cty.StringVal(res.JSON)
	}
	return tree.FromValue(cty.ObjectVal(map[string]cty.Value{
		"family":                   cty.StringVal("bench"),
		"requires_compatibilities": cty.ListVal([]cty.Value{cty.StringVal("FARGATE")}),
		"network_mode":             cty.StringVal("awsvpc"),
		"cpu":                      cty.StringVal("4 vCPU"),
		"memory":                   cty.StringVal("16 GB"),
		"execution_role_arn":       cty.StringVal("arn:aws:iam::123456789012:role/exec"),
		"containers":               cty.ListVal(containers),
	}), hcl.Range{Filename: "bench.tf"})
}

func containerConfig(i int) *tree.Node {
	return tree.FromValue(cty.ObjectVal(map[string]cty.Value{
		"name":      cty.StringVal(fmt.Sprintf("c%02d", i)),
		"image":     cty.StringVal(fmt.Sprintf("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:%d", i)),
		"essential": cty.BoolVal(i == 0),
		"cpu":       cty.NumberIntVal(256),
		"memory":    cty.NumberIntVal(1024),
		"port_mappings": cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
			"container_port": cty.NumberIntVal(int64(8000 + i)), "protocol": cty.StringVal("tcp")})}),
		"environment": cty.MapVal(map[string]cty.Value{
			"LOG_LEVEL": cty.StringVal("info"), "APP_ENV": cty.StringVal("prod"), "INDEX": cty.StringVal(fmt.Sprint(i))}),
		"secrets": cty.MapVal(map[string]cty.Value{
			"DB_PASSWORD": cty.StringVal("arn:aws:ssm:us-east-1:123456789012:parameter/db")}),
		"health_check": cty.ObjectVal(map[string]cty.Value{
			"command": cty.ListVal([]cty.Value{cty.StringVal("CMD-SHELL"), cty.StringVal("curl -f http://localhost/ || exit 1")})}),
		"log_configuration": cty.ObjectVal(map[string]cty.Value{
			"log_driver": cty.StringVal("awslogs"),
			"options": cty.MapVal(map[string]cty.Value{
				"awslogs-group": cty.StringVal("/ecs/bench"), "awslogs-region": cty.StringVal("us-east-1"),
				"awslogs-stream-prefix": cty.StringVal(fmt.Sprintf("c%02d", i))}),
		}),
	}), hcl.Range{Filename: "bench.tf"})
}

func TestComposeTask10IsValid(t *testing.T) {
	res := compose.Task(composeConfig(t, 10), rules.Config{})
	if !res.Known || len(res.Problems) > 0 || len(res.DecodeErrors) > 0 {
		t.Fatalf("not composed: %+v", res)
	}
	for _, f := range res.Findings {
		t.Errorf("finding on the benchmark's task definition: %s: %s", f.Rule.Name, f.Message)
	}
	if n := strings.Count(res.ContainerDefinitions, `"name":`); n < 10 {
		t.Errorf("container_definitions has %d names, want at least 10", n)
	}
}

// BenchmarkComposeContainer is one ecskit_container_definition read: typed attributes to container JSON.
func BenchmarkComposeContainer(b *testing.B) {
	cfg := containerConfig(0)
	b.ReportAllocs()
	for b.Loop() {
		if res := compose.ContainerJSON(cfg); !res.Known {
			b.Fatal("unknown")
		}
	}
}

// BenchmarkComposeTask10 is one ecskit_task_definition read with 10 containers: compose, validate with every
// rule and render the outputs.
func BenchmarkComposeTask10(b *testing.B) {
	cfg := composeConfig(b, 10)
	b.ReportAllocs()
	for b.Loop() {
		if res := compose.Task(cfg, rules.Config{}); !res.Known {
			b.Fatal("unknown")
		}
	}
}
