package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/ecskit/terraform-provider-ecskit/internal/rulepages"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
)

// pageExample is one example of a task rule's page, run as an output of the configuration.
type pageExample struct {
	rule    string
	failing bool
	// quotes are the findings the page quotes for a failing example.
	quotes []rulepages.Quote
}

// exampleArgument is the example as the argument of check_task_definition: the JSON in a heredoc (with
// Terraform's template sequences escaped), or the jsonencode of the expression that gives it in full.
func exampleArgument(e rulepages.Example) string {
	if e.Full != "" {
		return "jsonencode(" + strings.TrimSpace(e.Full) + ")"
	}
	js := strings.NewReplacer("${", "$${", "%{", "%%{").Replace(e.Code)
	return "<<-EOT\n" + js + "EOT\n"
}

// TestAccRulePageExamples runs each task rule page's failing and passing examples through the provider's
// check_task_definition function under terraform, all in one configuration: the failing example gives
// exactly the findings of the rule that the page quotes (message and path), the passing example none of the
// rule. ecslint runs the same examples (lint/cmd/rulesdoc).
func TestAccRulePageExamples(t *testing.T) {
	var config strings.Builder
	examples := map[string]pageExample{}
	for _, r := range rules.All() {
		b, err := os.ReadFile(filepath.Join("..", "templates", "rules", r.Name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := rulepages.ParseExamples(string(b))
		if err != nil {
			t.Fatalf("templates/rules/%s.md: %v", r.Name, err)
		}
		for _, e := range []struct {
			suffix string
			ex     rulepages.Example
			pe     pageExample
		}{
			{"failing", ex.Failing, pageExample{rule: r.Name, failing: true, quotes: ex.Findings}},
			{"passing", ex.Passing, pageExample{rule: r.Name}},
		} {
			if e.ex.Lang != "json" {
				t.Fatalf("templates/rules/%s.md: the %s example of a task rule is not JSON", r.Name, e.suffix)
			}
			name := r.Name + "_" + e.suffix
			examples[name] = e.pe
			fmt.Fprintf(&config, "output %q {\n  value = provider::ecskit::check_task_definition(%s)\n}\n\n", name, exampleArgument(e.ex))
		}
	}
	functionTest(t, resource.TestStep{
		Config:            config.String(),
		ConfigStateChecks: []statecheck.StateCheck{pageExamplesCheck(examples)},
	})
}

// pageExamplesCheck checks the outputs of TestAccRulePageExamples.
type pageExamplesCheck map[string]pageExample

func (c pageExamplesCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil {
		resp.Error = errors.New("no state")
		return
	}
	var errs []error
	for name, pe := range c {
		out, ok := req.State.Values.Outputs[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: no output", name))
			continue
		}
		list, _ := out.Value.([]any)
		type finding struct{ rule, message, path string }
		var got []finding
		for _, v := range list {
			m, _ := v.(map[string]any)
			f := finding{}
			f.rule, _ = m["rule"].(string)
			f.message, _ = m["message"].(string)
			f.path, _ = m["path"].(string)
			got = append(got, f)
		}
		describe := func() string {
			var b strings.Builder
			for _, f := range got {
				b.WriteString("\n  " + f.rule + " at " + f.path + ": " + f.message)
			}
			return b.String()
		}
		n := 0
		for _, f := range got {
			if f.rule == pe.rule {
				n++
			}
		}
		if !pe.failing {
			if n > 0 {
				errs = append(errs, fmt.Errorf("%s: the passing example gives findings of %s:%s", name, pe.rule, describe()))
			}
			continue
		}
		if n != len(pe.quotes) {
			errs = append(errs, fmt.Errorf("%s: the provider reports %d findings of %s, the page quotes %d:%s", name, n, pe.rule, len(pe.quotes), describe()))
		}
		used := make([]bool, len(got))
		for _, q := range pe.quotes {
			found := false
			for k, f := range got {
				if used[k] || f.rule != pe.rule || !q.Matches(f.message) {
					continue
				}
				found, used[k] = true, true
				if f.path != q.Place {
					errs = append(errs, fmt.Errorf("%s: the page says at %q, the provider reports at %q", name, q.Place, f.path))
				}
				break
			}
			if !found {
				errs = append(errs, fmt.Errorf("%s: the page quotes a finding the provider does not report:\n  %s\nthe provider reports:%s", name, q.Message, describe()))
			}
		}
	}
	resp.Error = errors.Join(errs...)
}
