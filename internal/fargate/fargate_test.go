package fargate

import "testing"

func TestParseCPU(t *testing.T) {
	cases := map[string]int{"1024": 1024, "256": 256, " 512 ": 512, "1 vCPU": 1024, "1 vcpu": 1024, ".25 vcpu": 256, "0.25 vCPU": 256, ".5 VCPU": 512, "2vCPU": 2048, "16 vCPU": 16384}
	for in, want := range cases {
		got, err := ParseCPU(in)
		if err != nil || got != want {
			t.Errorf("ParseCPU(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "abc", "1 core", "0.1 vCPU", "1e3", "-256", "99999999999999999999"} {
		if _, err := ParseCPU(bad); err == nil {
			t.Errorf("ParseCPU(%q) should fail", bad)
		}
	}
}

func TestParseMemory(t *testing.T) {
	cases := map[string]int{"2048": 2048, "2GB": 2048, "2 GB": 2048, "3 gb": 3072, "0.5 GB": 512, ".5GB": 512}
	for in, want := range cases {
		got, err := ParseMemory(in)
		if err != nil || got != want {
			t.Errorf("ParseMemory(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"2 MiB", "two", "", "0.3 GB"} {
		if _, err := ParseMemory(bad); err == nil {
			t.Errorf("ParseMemory(%q) should fail", bad)
		}
	}
}

func TestTableHas74LinuxSizes(t *testing.T) {
	if n := len(Sizes(Linux)); n != 74 {
		t.Errorf("Linux sizes = %d, want 74 (ecs-facts 3.2)", n)
	}
	if n := len(Sizes(Windows)); n != 7+13+23 {
		t.Errorf("Windows sizes = %d", n)
	}
	for _, c := range []struct {
		os       OS
		cpu, mem int
		ok       bool
	}{
		{Linux, 256, 512, true}, {Linux, 256, 4096, false}, {Linux, 1024, 3072, true}, {Linux, 4096, 30720, true},
		{Linux, 4096, 31744, false}, {Linux, 8192, 20480, true}, {Linux, 8192, 17408, false}, {Linux, 16384, 122880, true},
		{Windows, 256, 512, false}, {Windows, 1024, 2048, true}, {Linux, 32768, 61440, false},
	} {
		if Valid(c.os, c.cpu, c.mem) != c.ok {
			t.Errorf("Valid(%v, %d, %d) != %v", c.os, c.cpu, c.mem, c.ok)
		}
	}
}

func TestSmallestFitAndNearest(t *testing.T) {
	if s, _ := SmallestFit(Linux, 300, 600); s != (Size{512, 1024}) {
		t.Errorf("SmallestFit = %v", s)
	}
	if s, _ := SmallestFit(Windows, 1, 1); s != (Size{1024, 2048}) {
		t.Errorf("Windows SmallestFit = %v", s)
	}
	if _, ok := SmallestFit(Linux, 20000, 1); ok {
		t.Error("nothing fits 20000 units")
	}
	got := Nearest(Linux, 256, 4096)
	if len(got) != 2 || got[0] != (Size{256, 2048}) || got[1] != (Size{512, 4096}) {
		t.Errorf("Nearest = %v", got)
	}
}

func TestFormat(t *testing.T) {
	if s := FormatCPU(256); s != "256 (.25 vCPU)" {
		t.Error(s)
	}
	if s := FormatCPU(1024); s != "1024 (1 vCPU)" {
		t.Error(s)
	}
	if s := FormatMemory(512); s != "512 MiB (0.5 GB)" {
		t.Error(s)
	}
	if s := ListMemory(Linux, 256); s != "512, 1024 or 2048" {
		t.Error(s)
	}
	if s := ListMemory(Linux, 1024); s != "2048 to 8192 in steps of 1024" {
		t.Error(s)
	}
}
