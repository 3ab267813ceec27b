package rules

import "testing"

func TestEphemeralStorage(t *testing.T) {
	td := func(task string) string {
		return `{` + task + `"containerDefinitions":[{"name":"web","image":"x"}]}`
	}
	fg := `"requiresCompatibilities":["FARGATE"],`
	runRule(t, EphemeralStorage, []ruleCase{
		{name: "too large", td: td(fg + `"ephemeralStorage":{"sizeInGiB":500},`),
			want:  []string{"ephemeralStorage.sizeInGiB 500 is outside 21-200 GiB, the sizes ECS accepts."},
			paths: []string{"ephemeralStorage.sizeInGiB"}},
		{name: "too small", td: td(fg + `"ephemeralStorage":{"sizeInGiB":10},`), want: []string{"sizeInGiB 10 is outside 21-200"}},
		{name: "20 is disputed", td: td(fg + `"ephemeralStorage":{"sizeInGiB":20},`), want: []string{"below the minimum of 21 GiB in the ECS API reference (some AWS pages say 20)"}},
		{name: "missing size", td: td(fg + `"ephemeralStorage":{},`), want: []string{"ephemeralStorage has no sizeInGiB; ECS requires it."}, paths: []string{"ephemeralStorage"}},
		{name: "EC2 only", td: td(`"requiresCompatibilities":["EC2","EXTERNAL"],"ephemeralStorage":{"sizeInGiB":30},`),
			want: []string{`ephemeralStorage is set, but the task does not list FARGATE in requiresCompatibilities; ECS supports ephemeral storage only on Fargate and ignores it on EC2 and EXTERNAL.`}, paths: []string{"ephemeralStorage"}},
		{name: "default compatibility, out of range", td: td(`"ephemeralStorage":{"sizeInGiB":300},`), want: []string{"sizeInGiB 300", "ignores it on EC2"}},
		{name: "Windows on Fargate is disputed", td: td(fg + `"runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"},"ephemeralStorage":{"sizeInGiB":30},`), want: []string{"AWS's sources disagree"}},
		{name: "bounds", td: td(fg + `"ephemeralStorage":{"sizeInGiB":21},`)},
		{name: "upper bound", td: td(`"requiresCompatibilities":["FARGATE","EC2"],"ephemeralStorage":{"sizeInGiB":200},`)},
		{name: "absent", td: td(fg)},
		{name: "unknown size", td: td(fg + `"ephemeralStorage":{"sizeInGiB":"(known after apply)"},`)},
		{name: "unknown object", td: td(`"ephemeralStorage":"(known after apply)",`)},
		{name: "unknown compatibilities", td: td(`"requiresCompatibilities":"(known after apply)","ephemeralStorage":{"sizeInGiB":30},`)},
	})
	wantSeverities(t, EphemeralStorage, td(`"ephemeralStorage":{"sizeInGiB":300},`), Error, Warning)
	wantSeverities(t, EphemeralStorage, td(fg+`"ephemeralStorage":{"sizeInGiB":20},`), Warning)
}
