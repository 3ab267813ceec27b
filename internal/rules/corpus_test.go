package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
)

// corpusDir holds real task definitions published by AWS (their sources and licenses: its README.md).
var corpusDir = filepath.Join("..", "..", "testdata", "taskdefs")

// corpusErrors lists every error-severity finding the catalogue reports on
// the corpus, as "file: rule path". Each one was checked against
// shared/spec/ecs-facts.md (row in the comment): a finding that is not here is
// a false positive to fix in the rule, or a true one to add with its row.
var corpusErrors = []string{
	// 8.9: FireLens on Fargate needs config-file-type "file"; this FARGATE task uses "s3".
	`amazon-ecs-firelens-examples__examples__splitting-log-streams__fluentd__task_definition.json: firelens_configuration containerDefinitions[0].firelensConfiguration.options["config-file-type"]`,
	// 12.3: FARGATE + awslogs without executionRoleArn.
	"aws-containers-task-definitions__gunicorn__gunicorn_fargate.json: execution_role_required containerDefinitions[0].logConfiguration.logDriver",
	// 12.3: FARGATE + awslogs without executionRoleArn.
	"aws-containers-task-definitions__jetty__jetty_fargate.json: execution_role_required containerDefinitions[0].logConfiguration.logDriver",
	// 7.1.2: networkMode awsvpc with hostPort 80 and containerPort 5601.
	"aws-containers-task-definitions__kibana__kibana_ec2.json: host_port_mismatch containerDefinitions[0].portMappings[0].hostPort",
	// 12.3: FARGATE + awslogs without executionRoleArn.
	"aws-containers-task-definitions__kibana__kibana_fargate.json: execution_role_required containerDefinitions[0].logConfiguration.logDriver",
	// 12.3: FARGATE + awslogs without executionRoleArn.
	"aws-containers-task-definitions__nginx__nginx_fargate.json: execution_role_required containerDefinitions[0].logConfiguration.logDriver",
	// 7.1.2: networkMode awsvpc with hostPort 80 and containerPort 8080.
	"aws-containers-task-definitions__tomcat__tomcat_ec2.json: host_port_mismatch containerDefinitions[0].portMappings[0].hostPort",
	// 12.3: FARGATE + awslogs without executionRoleArn.
	"aws-containers-task-definitions__tomcat__tomcat_fargate.json: execution_role_required containerDefinitions[0].logConfiguration.logDriver",
	// 12.3: FARGATE + awslogs without executionRoleArn.
	"aws-containers-task-definitions__wildfly__wildfly_fargate.json: execution_role_required containerDefinitions[0].logConfiguration.logDriver",
}

// corpusDecodeErrors are the corpus files whose JSON has values of the wrong
// type (objects where the API wants arrays); the rules still run on the rest.
var corpusDecodeErrors = []string{
	"amazon-ecs-firelens-examples__examples__fluent-bit__logstash__task-definition.json: containerDefinitions[1].portMappings",
	"amazon-ecs-firelens-examples__examples__fluent-bit__signalfx__task-definition.json: containerDefinitions[1].logConfiguration.secretOptions",
}

// TestCorpus runs the whole catalogue over every corpus task definition and
// compares the errors with the checked list above.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 62 {
		t.Fatalf("found %d corpus files in %s, want its 62 task definitions", len(files), corpusDir)
	}
	var gotErrors, gotDecode []string
	messages := map[string]string{}
	for _, f := range files {
		base := filepath.Base(f)
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, diags := tree.ParseJSON(src, base)
		if diags.HasErrors() {
			t.Errorf("%s: %s", base, diags.Error())
			continue
		}
		td, errs := taskdef.Decode(n)
		for _, e := range errs {
			gotDecode = append(gotDecode, base+": "+e.Path)
		}
		for _, fd := range Run(td, Config{}) {
			if fd.Message == "" || fd.Rule == nil {
				t.Errorf("%s: finding without rule or message: %+v", base, fd)
			}
			if fd.Severity != Error {
				continue
			}
			key := base + ": " + fd.Rule.Name + " " + fd.Path
			gotErrors = append(gotErrors, key)
			messages[key] = fd.Message
		}
	}
	compareCorpusLists(t, "error finding", gotErrors, corpusErrors, messages)
	compareCorpusLists(t, "decode error", gotDecode, corpusDecodeErrors, nil)
}

// compareCorpusLists reports entries of got that are not wanted and entries of
// want that did not occur.
func compareCorpusLists(t *testing.T, what string, got, want []string, messages map[string]string) {
	t.Helper()
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, g := range got {
		count[g]--
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch c := count[k]; {
		case c < 0:
			t.Errorf("unexpected %s (check it against ecs-facts.md; fix the rule or record it): %s\n    %s", what, k, strings.TrimSpace(messages[k]))
		case c > 0:
			t.Errorf("expected %s did not occur: %s", what, k)
		}
	}
}
