package rules

import (
	"strconv"
	"strings"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
)

// HealthCheck: a container health check needs a command, which AWS's API
// reference says must start with CMD or CMD-SHELL (ecs-facts 11.8), and its
// timings must lie in the API's ranges (11.9). The older developer guide said
// a command without either prefix runs as CMD, and users report such commands
// working, so a missing prefix is a warning.
var HealthCheck = register(&Rule{
	Meta: Meta{
		Name:     "health_check",
		Severity: Error,
		Title:    "Invalid container health check",
		Summary:  "Command not starting with CMD / CMD-SHELL; interval 5–300, timeout 2–60, retries 1–10, startPeriod 0–300.",
		Since:    "0.1.0",
		Sources: []string{
			"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html",
		},
	},
	Check: func(p *Pass) {
		for _, c := range p.TD.ContainerDefinitions.Items {
			hc := c.HealthCheck
			if hc == nil || hc.Unknown {
				continue
			}
			checkHealthCommand(p, c, hc)
			for _, f := range []struct {
				v             taskdef.Value[int64]
				name          string
				min, max, def int64
				unit          string
			}{
				{hc.Interval, "interval", 5, 300, 30, " seconds"},
				{hc.Timeout, "timeout", 2, 60, 5, " seconds"},
				{hc.Retries, "retries", 1, 10, 3, ""},
				{hc.StartPeriod, "startPeriod", 0, 300, -1, " seconds"},
			} {
				v, ok := f.v.Get()
				if !ok || (v >= f.min && v <= f.max) {
					continue
				}
				def := "; omit it to use the default of " + itoa(f.def) + f.unit
				if f.def < 0 {
					def = "; omit it to have no start period"
				}
				p.Report(f.v, "%s: healthCheck.%s is %d, outside the %d–%d%s ECS accepts. Set %s between %d and %d%s.",
					c.Label(), f.name, v, f.min, f.max, f.unit, f.name, f.min, f.max, def)
			}
		}
	},
})

func checkHealthCommand(p *Pass, c *taskdef.Container, hc *taskdef.HealthCheck) {
	cmd := hc.Command
	switch {
	case cmd.Absent():
		p.Report(hc, "%s: healthCheck has no command; ECS requires one. Add a command such as [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"], or remove the healthCheck.", c.Label())
		return
	case cmd.Unknown:
		return
	case len(cmd.Items) == 0:
		p.Report(cmd, "%s: healthCheck.command is empty; ECS requires a command to run. Add one such as [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"], or remove the healthCheck.", c.Label())
		return
	}
	first, ok := cmd.Items[0].Get()
	if !ok {
		return
	}
	if first == "CMD" || first == "CMD-SHELL" {
		for _, arg := range cmd.Items[1:] {
			if s, ok := arg.Get(); !ok || strings.TrimSpace(s) != "" {
				return
			}
		}
		p.Report(cmd, "%s: healthCheck.command is %s with nothing to run; the health check can never pass. Add the command after %s, for example [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"].", c.Label(), strconv.Quote(first), strconv.Quote(first))
		return
	}
	// The command is free text (a curl with an Authorization header, a
	// password on a command line): the message says what is wrong without
	// quoting any of it, as the redacted copies hide it.
	caseNote := ""
	if strings.EqualFold(first, "CMD") || strings.EqualFold(first, "CMD-SHELL") {
		caseNote = " (the prefix is case-sensitive)"
	}
	p.ReportSeverity(Warning, cmd.Items[0], "%s: healthCheck.command starts with neither \"CMD\" nor \"CMD-SHELL\"%s; AWS's API reference requires one of them (older documentation says ECS then runs the command as CMD). Put \"CMD\" before the program and its arguments to run it directly, or write [\"CMD-SHELL\", <the command as one string>] to run it in a shell.",
		c.Label(), caseNote)
}
