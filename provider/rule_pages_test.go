package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rulepages"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
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

// hclString is s as a quoted HCL string, Terraform's template sequences escaped.
func hclString(s string) string {
	b, _ := json.Marshal(s)
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(string(b))
}

// hclValue is a JSON value as an HCL expression.
func hclValue(v any) string {
	switch v := v.(type) {
	case string:
		return hclString(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = hclValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = hclString(k) + " = " + hclValue(v[k])
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case nil:
		return "null"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// takeAPI removes the member at the dotted API path from obj and returns it.
func takeAPI(obj map[string]any, path string) (any, bool) {
	steps := strings.Split(path, ".")
	for _, s := range steps[:len(steps)-1] {
		next, ok := obj[s].(map[string]any)
		if !ok {
			return nil, false
		}
		defer func(parent map[string]any, key string, child map[string]any) {
			if len(child) == 0 {
				delete(parent, key)
			}
		}(obj, s, next)
		obj = next
	}
	last := steps[len(steps)-1]
	v, ok := obj[last]
	delete(obj, last)
	return v, ok
}

// dataSourceBody writes the API object obj as the attributes and blocks of fields (compose's table), in the
// order of the table; it fails on a member that no field sets.
func dataSourceBody(b *strings.Builder, indent string, obj map[string]any, fields []*compose.Field) error {
	for _, f := range fields {
		if f.API == "" || f.Computed {
			continue
		}
		v, ok := takeAPI(obj, f.API)
		if !ok {
			continue
		}
		switch f.Kind {
		case compose.JSONList:
			list, _ := v.([]any)
			parts := make([]string, len(list))
			for i, e := range list {
				js, err := json.Marshal(e)
				if err != nil {
					return err
				}
				parts[i] = hclString(string(js))
			}
			fmt.Fprintf(b, "%s%s = [%s]\n", indent, f.Name, strings.Join(parts, ", "))
		case compose.NameValues:
			list, _ := v.([]any)
			m := map[string]any{}
			for _, e := range list {
				nv, _ := e.(map[string]any)
				name, _ := nv["name"].(string)
				m[name] = nv[f.ValueKey]
			}
			fmt.Fprintf(b, "%s%s = %s\n", indent, f.Name, hclValue(m))
		case compose.Block, compose.Blocks:
			list, ok := v.([]any)
			if f.Kind == compose.Block || !ok {
				list = []any{v}
			}
			for _, e := range list {
				inner, ok := e.(map[string]any)
				if !ok {
					return fmt.Errorf("%s is not an object", f.API)
				}
				fmt.Fprintf(b, "%s%s {\n", indent, f.Name)
				if err := dataSourceBody(b, indent+"  ", inner, f.Fields); err != nil {
					return err
				}
				fmt.Fprintf(b, "%s}\n", indent)
			}
		default:
			fmt.Fprintf(b, "%s%s = %s\n", indent, f.Name, hclValue(v))
		}
	}
	if len(obj) > 0 {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return fmt.Errorf("the data source has no attribute for %s", strings.Join(keys, ", "))
	}
	return nil
}

// dataSourceConfig is a task definition in API JSON as the configuration of data.ecskit_task_definition.t,
// with the rules other than keep ignored.
func dataSourceConfig(js []byte, keep string) (string, error) {
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("data \"ecskit_task_definition\" \"t\" {\n")
	if err := dataSourceBody(&b, "  ", obj, compose.TaskFields); err != nil {
		return "", err
	}
	var ignore []any
	for _, r := range rules.All() {
		if r.Name != keep {
			ignore = append(ignore, r.Name)
		}
	}
	fmt.Fprintf(&b, "  ignore_rules = %s\n}\n", hclValue(ignore))
	return b.String(), nil
}

// pageCase is the case of TestAccTaskDefinitionRules made from the failing example of r's page, for a rule
// without a case of its own: the example as the data source's configuration with every other rule ignored,
// and the rule's first finding on it, as internal/rules reports it.
func pageCase(t *testing.T, r *rules.Rule) (string, rules.Finding) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "templates", "rules", r.Name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := rulepages.ParseExamples(string(b))
	if err != nil {
		t.Fatal(err)
	}
	js, err := ex.Failing.JSON()
	if err != nil {
		t.Fatal(err)
	}
	config, err := dataSourceConfig(js, r.Name)
	if err != nil {
		t.Fatalf("templates/rules/%s.md: the failing example as the data source's configuration: %v", r.Name, err)
	}
	n, diags := tree.ParseJSON(js, "example.json")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	td, errs := taskdef.Decode(n)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, f := range rules.Run(td, rules.Config{Skip: func(name string) bool { return name != r.Name }}) {
		if f.Severity == rules.Error {
			return config, f
		}
	}
	fs := rules.Run(td, rules.Config{Skip: func(name string) bool { return name != r.Name }})
	if len(fs) == 0 {
		t.Fatalf("templates/rules/%s.md: the failing example gives no finding of the rule", r.Name)
	}
	return config, fs[0]
}

// pageCaseStep is the test step of pageCase: an error fails the plan with the rule's heading and the
// message; a warning shows in findings, the only one.
func pageCaseStep(r *rules.Rule, config string, f rules.Finding) resource.TestStep {
	step := resource.TestStep{Config: config}
	if f.Severity == rules.Error {
		step.ExpectError = regexp.MustCompile(`(?s)` + regexp.QuoteMeta("Error: "+r.Heading()) + `.*?` + wrapped(f.Message))
		return step
	}
	step.ConfigStateChecks = []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.ecskit_task_definition.t", tfjsonpath.New("findings"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"rule":     knownvalue.StringExact(r.Name),
				"severity": knownvalue.StringExact(f.Severity.String()),
				"message":  knownvalue.StringExact(f.Message),
				"path":     knownvalue.StringExact(f.Path),
			}),
		})),
	}
	return step
}

// TestRulePagesAsDataSourceConfig: every task rule page's examples can be written as the data source's
// configuration (what pageCase does for a rule without a case in ruleCases).
func TestRulePagesAsDataSourceConfig(t *testing.T) {
	for _, r := range rules.All() {
		b, err := os.ReadFile(filepath.Join("..", "templates", "rules", r.Name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := rulepages.ParseExamples(string(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range []rulepages.Example{ex.Failing, ex.Passing} {
			js, err := e.JSON()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := dataSourceConfig(js, r.Name); err != nil {
				t.Errorf("%s, example on line %d: %v", r.Name, e.Line, err)
			}
		}
	}
	config, err := dataSourceConfig([]byte(`{"family": "f", "cpu": "256", "volumes": [{"name": "v", "host": {"sourcePath": "/p"}}],
		"runtimePlatform": {"operatingSystemFamily": "LINUX"}, "containerDefinitions": [{"name": "a", "command": ["${x}"]}]}`), "unknown_volume")
	for _, want := range []string{`  family = "f"` + "\n", `  containers = ["{\"command\":[\"$${x}\"],\"name\":\"a\"}"]` + "\n", `  cpu = "256"` + "\n",
		"  volume {\n    name = \"v\"\n    host_path = \"/p\"\n  }\n", "  runtime_platform {\n    operating_system_family = \"LINUX\"\n  }\n", `"fargate_cpu_memory"`} {
		if err != nil || !strings.Contains(config, want) {
			t.Errorf("config lacks %q (%v):\n%s", want, err, config)
		}
	}
	if strings.Contains(config, `"unknown_volume"`) {
		t.Errorf("the kept rule is ignored:\n%s", config)
	}
	if _, err := dataSourceConfig([]byte(`{"family": "f", "containerDefinitions": [], "tags": [{"key": "a"}]}`), "x"); err == nil || !strings.Contains(err.Error(), "tags") {
		t.Errorf("a member without attribute: %v", err)
	}
}

// TestAccRulePageCases runs pageCase for a few rules that have cases in ruleCases too, so that the way a new
// rule is tested through the data source is itself tested: an error rule with blocks, an error rule with a
// nested block, a warning rule.
func TestAccRulePageCases(t *testing.T) {
	for _, name := range []string{"unknown_volume", "windows_unsupported_parameter", "plaintext_secret"} {
		r := rules.Lookup(name)
		t.Run(name, func(t *testing.T) {
			config, f := pageCase(t, r)
			unitTest(t, pageCaseStep(r, config, f))
		})
	}
}
