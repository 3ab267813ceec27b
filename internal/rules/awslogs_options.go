package rules

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// AwslogsOptions: the awslogs log driver needs awslogs-group and
// awslogs-region, and awslogs-stream-prefix on Fargate (ecs-facts 8.8);
// awslogs-datetime-format and awslogs-multiline-pattern exclude each other
// and mode is blocking or non-blocking (12.7).
var AwslogsOptions = register(&Rule{
	Meta: Meta{
		Name:     "awslogs_options",
		Severity: Error,
		Title:    "Incomplete or conflicting awslogs options",
		Summary:  "awslogs without awslogs-group or awslogs-region, or on Fargate without awslogs-stream-prefix; awslogs-datetime-format together with awslogs-multiline-pattern; mode other than blocking or non-blocking.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		},
	},
	Check: checkAwslogsOptions,
})

// awslogsExamples shows a value for each required option in messages.
var awslogsExamples = map[string]string{
	"awslogs-group":         `"awslogs-group": "/ecs/my-service"`,
	"awslogs-region":        `"awslogs-region": "us-east-1"`,
	"awslogs-stream-prefix": `"awslogs-stream-prefix": "ecs"`,
}

func checkAwslogsOptions(p *Pass) {
	fargate := p.TD.Fargate() == taskdef.Yes
	for _, c := range p.TD.ContainerDefinitions.Items {
		lc := c.LogConfiguration
		if lc == nil || !lc.LogDriver.Is(types.LogDriverAwslogs) || lc.Options.Unknown {
			continue
		}
		opts := lc.Options
		// An option is missing only when it is certainly absent; an unknown
		// value may be anything.
		absent := func(k string) bool { v, ok := opts.Entries[k]; return !ok || v.Absent() }

		required := []string{"awslogs-group", "awslogs-region"}
		if fargate {
			required = append(required, "awslogs-stream-prefix")
		}
		var missing, examples []string
		for _, k := range required {
			if absent(k) {
				missing = append(missing, taskdef.Quote(k))
				examples = append(examples, awslogsExamples[k])
			}
		}
		if len(missing) > 0 {
			var at taskdef.Locator = lc
			if opts.Set {
				at = opts
			}
			why := "the awslogs driver requires awslogs-group and awslogs-region"
			if fargate {
				why = "on Fargate the awslogs driver requires awslogs-group, awslogs-region and awslogs-stream-prefix"
			}
			p.Report(at, "%s: the awslogs log configuration lacks %s; %s, and the container cannot start without them. Add %s to logConfiguration.options.", c.Label(), sentenceList(missing), why, strings.Join(examples, ", "))
		}

		if df, mp := opts.Entries["awslogs-datetime-format"], opts.Entries["awslogs-multiline-pattern"]; df.Set && mp.Set {
			p.Report(mp, "%s: awslogs-datetime-format and awslogs-multiline-pattern are both set, but the awslogs driver accepts only one of them (both say where a multi-line log event starts). Remove one of them; awslogs-datetime-format is the simpler choice when events start with a timestamp.", c.Label())
		}
		// Log option values are free text the redacted copies hide: the
		// message does not quote the mode given.
		if m, ok := opts.Entries["mode"].Get(); ok && m != "blocking" && m != "non-blocking" {
			p.Report(opts.Entries["mode"], "%s: awslogs option mode is neither \"blocking\" nor \"non-blocking\", the two modes the driver accepts. Set mode to \"non-blocking\" (the default; set max-buffer-size to size its buffer) or \"blocking\".", c.Label())
		}
	}
}

// sentenceList lists words as "a", "a and b" or "a, b and c".
func sentenceList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
