// Package fargate knows the task sizes AWS Fargate accepts and the value
// forms of the task-level cpu and memory strings.
//
// Source: ECS developer guide, "Troubleshoot invalid CPU or memory errors"
// (task-cpu-memory-error) and the RegisterTaskDefinition API reference; see
// ecs-facts.md sections 3.1–3.3.
package fargate

import (
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// OS is the container operating system a size table applies to.
type OS int

// The operating systems.
const (
	Linux OS = iota
	Windows
)

func (o OS) String() string {
	if o == Windows {
		return "Windows"
	}
	return "Linux"
}

// Size is a task size: CPU units (1024 per vCPU) and memory in MiB.
type Size struct {
	CPU    int
	Memory int
}

func (s Size) String() string {
	return fmt.Sprintf("cpu %s / memory %s", FormatCPU(s.CPU), FormatMemory(s.Memory))
}

type row struct {
	cpu        int
	min, max   int
	step       int
	listed     []int
	windowsToo bool
}

// table is the Fargate table: task cpu → allowed memory (MiB).
var table = []row{
	{cpu: 256, listed: []int{512, 1024, 2048}},
	{cpu: 512, listed: []int{1024, 2048, 3072, 4096}},
	{cpu: 1024, min: 2048, max: 8192, step: 1024, windowsToo: true},
	{cpu: 2048, min: 4096, max: 16384, step: 1024, windowsToo: true},
	{cpu: 4096, min: 8192, max: 30720, step: 1024, windowsToo: true},
	{cpu: 8192, min: 16384, max: 61440, step: 4096},
	{cpu: 16384, min: 32768, max: 122880, step: 8192},
}

func (r row) memory() []int {
	if r.listed != nil {
		return r.listed
	}
	var out []int
	for m := r.min; m <= r.max; m += r.step {
		out = append(out, m)
	}
	return out
}

func rows(os OS) []row {
	var out []row
	for _, r := range table {
		if os == Linux || r.windowsToo {
			out = append(out, r)
		}
	}
	return out
}

// CPUs lists the task cpu values (units) Fargate accepts for os.
func CPUs(os OS) []int {
	var out []int
	for _, r := range rows(os) {
		out = append(out, r.cpu)
	}
	return out
}

// MemoryFor lists the memory values (MiB) Fargate accepts with cpu on os;
// nil when cpu itself is not a Fargate value.
func MemoryFor(os OS, cpu int) []int {
	for _, r := range rows(os) {
		if r.cpu == cpu {
			return r.memory()
		}
	}
	return nil
}

// Sizes lists every valid size for os, smallest first.
func Sizes(os OS) []Size {
	var out []Size
	for _, r := range rows(os) {
		for _, m := range r.memory() {
			out = append(out, Size{r.cpu, m})
		}
	}
	return out
}

// Valid reports whether cpu/memory is a Fargate size on os.
func Valid(os OS, cpu, memory int) bool {
	for _, m := range MemoryFor(os, cpu) {
		if m == memory {
			return true
		}
	}
	return false
}

// SmallestFit returns the smallest valid size with at least cpu units and
// memory MiB: the least cpu first, then the least memory for that cpu.
func SmallestFit(os OS, cpu, memory int) (Size, bool) {
	var best Size
	found := false
	for _, s := range Sizes(os) {
		if s.CPU < cpu || s.Memory < memory {
			continue
		}
		if !found || s.CPU < best.CPU || (s.CPU == best.CPU && s.Memory < best.Memory) {
			best, found = s, true
		}
	}
	return best, found
}

// Nearest returns up to two valid sizes close to cpu/memory: the valid size
// with the same cpu and the nearest memory (when cpu is valid), and the
// smallest size that fits both.
func Nearest(os OS, cpu, memory int) []Size {
	var out []Size
	if mem := MemoryFor(os, cpu); mem != nil {
		best := mem[0]
		for _, m := range mem {
			if abs(m-memory) < abs(best-memory) {
				best = m
			}
		}
		out = append(out, Size{cpu, best})
	}
	if fit, ok := SmallestFit(os, cpu, memory); ok && (len(out) == 0 || out[0] != fit) {
		out = append(out, fit)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CPU < out[j].CPU })
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var (
	unitsRE = regexp.MustCompile(`^\s*[0-9]+\s*$`)
	vcpuRE  = regexp.MustCompile(`(?i)^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*vcpu\s*$`)
	gbRE    = regexp.MustCompile(`(?i)^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*gb\s*$`)
)

// ParseCPU reads a task cpu string in every form the API accepts: CPU units
// ("1024") or vCPUs ("1 vCPU", ".25 vcpu", "2vcpu").
func ParseCPU(s string) (int, error) {
	if unitsRE.MatchString(s) {
		return atoi(s, "cpu")
	}
	if m := vcpuRE.FindStringSubmatch(s); m != nil {
		return scale(m[1], 1024, s, "cpu")
	}
	return 0, fmt.Errorf("cpu %q is neither a number of CPU units (\"1024\") nor of vCPUs (\"1 vCPU\")", s)
}

// ParseMemory reads a task memory string in every form the API accepts: MiB
// ("2048") or GB ("2GB", "2 GB", "0.5 GB").
func ParseMemory(s string) (int, error) {
	if unitsRE.MatchString(s) {
		return atoi(s, "memory")
	}
	if m := gbRE.FindStringSubmatch(s); m != nil {
		return scale(m[1], 1024, s, "memory")
	}
	return 0, fmt.Errorf("memory %q is neither a number of MiB (\"2048\") nor of GB (\"2 GB\")", s)
}

func atoi(s, what string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n > 1<<30 {
		return 0, fmt.Errorf("%s %q is too large", what, s)
	}
	return n, nil
}

// scale multiplies a decimal by factor exactly; the result must be whole.
func scale(num string, factor int64, orig, what string) (int, error) {
	r, ok := new(big.Rat).SetString(num)
	if !ok {
		return 0, fmt.Errorf("%s %q is not a number", what, orig)
	}
	r.Mul(r, big.NewRat(factor, 1))
	if !r.IsInt() || r.Num().BitLen() > 30 {
		return 0, fmt.Errorf("%s %q is not a whole number of units", what, orig)
	}
	return int(r.Num().Int64()), nil
}

// FormatCPU writes CPU units with their vCPUs: "256 (.25 vCPU)".
func FormatCPU(units int) string {
	v := new(big.Rat).SetFrac64(int64(units), 1024).FloatString(3)
	v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
	v = strings.TrimPrefix(v, "0")
	return fmt.Sprintf("%d (%s vCPU)", units, v)
}

// FormatMemory writes MiB with GB when whole: "4096 MiB (4 GB)".
func FormatMemory(mib int) string {
	if mib%1024 == 0 {
		return fmt.Sprintf("%d MiB (%d GB)", mib, mib/1024)
	}
	if mib%512 == 0 {
		return fmt.Sprintf("%d MiB (%d.5 GB)", mib, mib/1024)
	}
	return fmt.Sprintf("%d MiB", mib)
}

// ListMemory renders a memory list compactly for messages: "512, 1024 or
// 2048", or "2048 to 8192 in steps of 1024" for the ranges.
func ListMemory(os OS, cpu int) string {
	for _, r := range rows(os) {
		if r.cpu != cpu {
			continue
		}
		if r.listed != nil {
			return joinOr(r.listed)
		}
		return fmt.Sprintf("%d to %d in steps of %d", r.min, r.max, r.step)
	}
	return ""
}

func joinOr(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// ListCPUs renders the valid cpu values for os: "256, 512, 1024, 2048, 4096, 8192 or 16384".
func ListCPUs(os OS) string { return joinOr(CPUs(os)) }
