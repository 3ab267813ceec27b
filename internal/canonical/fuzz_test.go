package canonical

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// FuzzContainerDefinitions checks that no input panics, and that whatever succeeds is valid JSON that
// normalizes to itself. Seeds live in testdata/fuzz/FuzzContainerDefinitions.
func FuzzContainerDefinitions(f *testing.F) {
	f.Add([]byte(`[{"name":"a","image":"i","portMappings":[{"containerPort":80,"protocol":"tcp"}]}]`), "awsvpc")
	f.Fuzz(func(t *testing.T, src []byte, mode string) {
		opts := Options{NetworkMode: mode}
		out, _, err := ContainerDefinitions(src, opts)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON output %q for input %q", out, src)
		}
		again, warnings, err := ContainerDefinitions(out, opts)
		if err != nil {
			t.Fatalf("canonical output %q fails to normalize: %v", out, err)
		}
		if string(again) != string(out) {
			t.Fatalf("not idempotent for input %q:\nonce  %s\ntwice %s", src, out, again)
		}
		for _, w := range warnings {
			if !strings.Contains(w.Message, "more than once") {
				t.Fatalf("canonical output %q still warns: %v", out, w)
			}
		}
	})
}

func BenchmarkContainerDefinitions10(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range 10 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"name":"container-%02d","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:%d","cpu":256,"memory":512,
			"portMappings":[{"containerPort":%d,"protocol":"tcp"}],
			"environment":[{"name":"Z_VAR","value":"z"},{"name":"A_VAR","value":"a"},{"name":"M_VAR","value":"m"},{"name":"B_VAR","value":"b"}],
			"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/db"}],
			"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/app","awslogs-region":"us-east-1","awslogs-stream-prefix":"c%d"}},
			"healthCheck":{"command":["CMD-SHELL","curl -f http://localhost/ || exit 1"]},
			"mountPoints":[],"volumesFrom":[]}`, 9-i, i, 8000+i, i)
	}
	sb.WriteString("]")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ContainerDefinitions(src, Options{NetworkMode: "awsvpc"}); err != nil {
			b.Fatal(err)
		}
	}
}
