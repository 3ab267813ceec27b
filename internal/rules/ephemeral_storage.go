package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// The ephemeral storage bounds in GiB (ecs-facts 10.1).
const (
	MinEphemeralStorage = 21
	MaxEphemeralStorage = 200
)

// EphemeralStorage: sizeInGiB is required and must be 21–200; ephemeral
// storage applies to Fargate only (ecs-facts 10.1–10.2). Where AWS's sources
// disagree (a minimum of 20, Windows on Fargate) or AWS accepts the task and
// ignores the setting (outside Fargate), the finding is a warning.
var EphemeralStorage = register(&Rule{
	Meta: Meta{
		Name:     "ephemeral_storage",
		Severity: Error,
		Title:    "Invalid ephemeral storage",
		Summary:  "ephemeralStorage.sizeInGiB outside 21–200 GiB, or ephemeral storage set without FARGATE compatibility.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
			"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
		},
	},
	Check: func(p *Pass) {
		td := p.TD
		es := td.EphemeralStorage
		if es == nil || es.Unknown {
			return
		}
		size, ok := es.SizeInGiB.Get()
		switch {
		case es.SizeInGiB.Absent():
			p.Report(es, "ephemeralStorage has no sizeInGiB; ECS requires it. Set sizeInGiB between %d and %d, or remove ephemeralStorage to keep Fargate's default of 20 GiB.", MinEphemeralStorage, MaxEphemeralStorage)
		case !ok:
		case size == MinEphemeralStorage-1:
			p.ReportSeverity(Warning, es.SizeInGiB, "ephemeralStorage.sizeInGiB %d is below the minimum of %d GiB in the ECS API reference (some AWS pages say 20). 20 GiB is Fargate's default anyway: remove ephemeralStorage, or set sizeInGiB to %d or more.", size, MinEphemeralStorage, MinEphemeralStorage)
		case size < MinEphemeralStorage || size > MaxEphemeralStorage:
			p.Report(es.SizeInGiB, "ephemeralStorage.sizeInGiB %d is outside %d-%d GiB, the sizes ECS accepts. Set sizeInGiB between %d and %d, or remove ephemeralStorage to keep Fargate's default of 20 GiB.", size, MinEphemeralStorage, MaxEphemeralStorage, MinEphemeralStorage, MaxEphemeralStorage)
		}
		switch td.Fargate() {
		case taskdef.No:
			p.ReportSeverity(Warning, es, "ephemeralStorage is set, but the task does not list FARGATE in requiresCompatibilities; ECS supports ephemeral storage only on Fargate and ignores it on %s. Remove ephemeralStorage, or add \"FARGATE\" to requiresCompatibilities.", launchTypes(td))
		case taskdef.Yes:
			if td.Windows() == taskdef.Yes {
				p.ReportSeverity(Warning, es, "ephemeralStorage is set for Windows containers on Fargate; AWS's sources disagree on whether Windows tasks on Fargate support it (the API reference says yes, the Fargate task storage guide says no). Check that the task gets the storage, or remove ephemeralStorage.")
			}
		}
	},
})

// launchTypes names the launch types a non-Fargate task runs on, for messages.
func launchTypes(td *taskdef.TaskDefinition) string {
	var names []string
	for _, c := range []types.Compatibility{types.CompatibilityEc2, types.CompatibilityExternal, types.CompatibilityManagedInstances} {
		if td.Compatible(c) == taskdef.Yes {
			names = append(names, string(c))
		}
	}
	if len(names) == 0 {
		return "EC2"
	}
	return strings.Join(names, " and ")
}
