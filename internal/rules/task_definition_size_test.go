package rules

import (
	"strings"
	"testing"
)

// sizedTD is a task definition whose compact JSON is exactly size bytes.
func sizedTD(t *testing.T, size int, extra string) string {
	t.Helper()
	head := `{` + extra + `"family":"f","containerDefinitions":[{"name":"web","image":"x","environment":[{"name":"BIG","value":"`
	tail := `"}]}]}`
	pad := size - len(head) - len(tail)
	if pad < 0 {
		t.Fatalf("size %d too small", size)
	}
	return head + strings.Repeat("a", pad) + tail
}

func TestTaskDefinitionSize(t *testing.T) {
	if got := len(sizedTD(t, 70000, "")); got != 70000 {
		t.Fatalf("sizedTD built %d bytes", got)
	}
	runRule(t, TaskDefinitionSize, []ruleCase{
		{name: "one byte over", td: sizedTD(t, MaxTaskDefinitionBytes+1, ""),
			want:  []string{"The task definition is 65537 bytes (64.0 KiB) as compact JSON, 1 byte over the ECS limit of 64 KiB (65536 bytes)"},
			paths: []string{""}},
		{name: "exactly 64 KiB", td: sizedTD(t, MaxTaskDefinitionBytes, "")},
		{name: "whitespace does not count", td: strings.Replace(sizedTD(t, MaxTaskDefinitionBytes, ""), `"family":"f",`, "\"family\" :\n\t\t\"f\" ,\n"+strings.Repeat(" ", 100), 1)},
		{name: "HTML characters are not escaped", td: strings.Replace(sizedTD(t, MaxTaskDefinitionBytes, ""), "aaaa", "<&>a", 1)},
		{name: "unicode counts in UTF-8 bytes", td: strings.Replace(sizedTD(t, MaxTaskDefinitionBytes, ""), "aaaa", "éaaa", 1), want: []string{"65537 bytes"}},
		{name: "small", td: `{"family":"f","containerDefinitions":[{"name":"web"}]}`},
		{name: "unknown value makes it silent", td: sizedTD(t, 100000, `"taskRoleArn":"(known after apply)",`)},
	})
	// A describe-task-definition wrapper is not counted: the size is that of the task definition inside.
	bareArray := func(size int) string {
		td := sizedTD(t, size+len(`{"family":"f","containerDefinitions":}`), "")
		return td[strings.Index(td, "[") : strings.LastIndex(td, "]")+1]
	}
	if got := len(bareArray(70000)); got != 70000 {
		t.Fatalf("bareArray built %d bytes", got)
	}
	runRule(t, TaskDefinitionSize, []ruleCase{
		{name: "wrapper not counted", td: `{"taskDefinition":` + sizedTD(t, MaxTaskDefinitionBytes, "") + `}`},
		{name: "wrapped, over", td: `{"taskDefinition":` + sizedTD(t, MaxTaskDefinitionBytes+10, "") + `}`, want: []string{"65546 bytes"}},
		{name: "bare containerDefinitions array, over", td: bareArray(MaxTaskDefinitionBytes + 1), want: []string{"65537 bytes"}},
		{name: "bare containerDefinitions array, at the limit", td: bareArray(MaxTaskDefinitionBytes)},
	})
}
