package configrules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// FuzzIngressPorts fuzzes the security-group port-range logic two ways.
//
// Directly: setPorts on a protocol and a port range given as numbers or strings, then opens against a dynamic
// range, which must agree with a plain interval intersection for every well-formed TCP rule.
//
// Through the real entry points: the dynamic-range rule of testdata/dps-range is replaced by the fuzzed rule in
// one of the three forms (inline ingress block, aws_security_group_rule, aws_vpc_security_group_ingress_rule),
// loaded with module.Load and checked with Check. Nothing may panic; every finding has a rule, a message and a
// range. Seeds live in testdata/fuzz/FuzzIngressPorts.
func FuzzIngressPorts(f *testing.F) {
	f.Add(uint8(0), "tcp", int64(32768), int64(65535), uint16(32768), uint16(65535), false)
	f.Add(uint8(1), "-1", int64(0), int64(0), uint16(32768), uint16(60999), false)
	f.Add(uint8(2), "6", int64(49153), int64(65535), uint16(49153), uint16(65535), true)
	f.Add(uint8(0), "all", int64(-1), int64(-1), uint16(1), uint16(65535), false)
	f.Add(uint8(1), "udp", int64(32768), int64(65535), uint16(32768), uint16(65535), true)
	f.Add(uint8(2), "TCP", int64(65535), int64(0), uint16(32768), uint16(65535), false)
	f.Add(uint8(0), "tcp", int64(40000), int64(35000), uint16(32768), uint16(65535), false)
	f.Add(uint8(0), "17", int64(1)<<40, int64(-1)<<40, uint16(0), uint16(0), true)

	fixture, err := os.ReadFile(filepath.Join("testdata", "dps-range", "main.tf"))
	if err != nil {
		f.Fatal(err)
	}
	const dynamicBlock = `  ingress {
    from_port       = 32768
    to_port         = 65535
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }
`
	if !strings.Contains(string(fixture), dynamicBlock) {
		f.Fatal("testdata/dps-range/main.tf no longer has the dynamic-range ingress block this fuzz target replaces")
	}

	f.Fuzz(func(t *testing.T, form uint8, proto string, from, to int64, rngFrom, rngTo uint16, asStrings bool) {
		// Directly.
		port := func(n int64) cty.Value {
			if asStrings {
				return cty.StringVal(fmt.Sprint(n))
			}
			return cty.NumberIntVal(n)
		}
		r := &ingressRule{}
		r.setPorts(cty.StringVal(proto), port(from), port(to), true)
		rng := rules.PortRange{From: int(min(rngFrom, rngTo)), To: int(max(rngFrom, rngTo))}
		got := r.opens(rng)
		if r.portsKnown && !r.all && r.protocol == "tcp" && r.from <= r.to {
			want := no
			if max(r.from, rng.From) <= min(r.to, rng.To) {
				want = yes
			}
			if got != want {
				t.Fatalf("tcp %d-%d against %d-%d: opens = %v, want %v", r.from, r.to, rng.From, rng.To, got, want)
			}
		}
		if r.from > r.to {
			t.Fatalf("the reversed range %d-%d was kept", r.from, r.to)
		}
		if r.protocol == "tcp" && from > to && got != maybe {
			t.Fatalf("tcp %d-%d is reversed: opens = %v, want maybe (unknown)", from, to, got)
		}
		if r.all && got != yes {
			t.Fatalf("protocol %q opens every port, but opens = %v", proto, got)
		}

		// Through module.Load and Check.
		ports := fmt.Sprintf("from_port = %d\n  to_port = %d\n", from, to)
		if asStrings {
			ports = fmt.Sprintf("from_port = \"%d\"\n  to_port = \"%d\"\n", from, to)
		}
		quoted := hclString(proto)
		var rule string
		switch form % 3 {
		case 0:
			rule = "  ingress {\n  " + ports + "  protocol = " + quoted + "\n    security_groups = [aws_security_group.alb.id]\n  }\n"
		case 1:
			rule = "  }\nresource \"aws_security_group_rule\" \"fuzz\" {\n  type = \"ingress\"\n  security_group_id = aws_security_group.ecs_instances.id\n  source_security_group_id = aws_security_group.alb.id\n  cidr_blocks = [\"0.0.0.0/0\"]\n  " + ports + "  protocol = " + quoted + "\n"
		default:
			rule = "  }\nresource \"aws_vpc_security_group_ingress_rule\" \"fuzz\" {\n  security_group_id = aws_security_group.ecs_instances.id\n  cidr_ipv4 = \"0.0.0.0/0\"\n  " + ports + "  ip_protocol = " + quoted + "\n"
		}
		dir := t.TempDir()
		src := strings.Replace(string(fixture), dynamicBlock, rule, 1)
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, _ := module.Load(dir, module.Options{})
		if cfg == nil {
			t.Fatal("nil Config")
		}
		for _, fd := range Check(cfg, Options{DynamicPortRange: rng}) {
			if fd.Rule == "" || fd.Message == "" || fd.Range.Filename == "" {
				t.Fatalf("finding without a rule, message or range: %+v", fd)
			}
		}
	})
}

// hclString quotes s as an HCL string literal.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '$' || c == '%':
			b.WriteRune(c)
			b.WriteRune(c) // $$ and %% escape template sequences
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\u%04x", c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
