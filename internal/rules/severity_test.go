package rules

import "testing"

// wantSeverities runs rule r on the task definition src and checks the
// severity of each finding, in order.
func wantSeverities(t *testing.T, r *Rule, src string, want ...Severity) {
	t.Helper()
	p := &Pass{TD: parseTD(t, src), Config: Config{DynamicPortRange: DefaultDynamicPortRange}, rule: r}
	r.Check(p)
	if len(p.findings) != len(want) {
		t.Fatalf("%s: got %d findings, want %d", src, len(p.findings), len(want))
	}
	for i, f := range p.findings {
		if f.Severity != want[i] {
			t.Errorf("%s: finding %d (%s) has severity %s, want %s", src, i, f.Message, f.Severity, want[i])
		}
	}
}
