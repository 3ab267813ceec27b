package lint

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/rules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// TestDataSourcesAgreeWithTheProvider: a configuration that sets every
// attribute of both ecskit data sources (written from compose's table, with
// values Terraform converts to the schema's types: numbers as strings,
// numbers in lists and maps of strings, "true" for a bool) composes to the
// same JSON in ecslint as in the provider under terraform.
func TestDataSourcesAgreeWithTheProvider(t *testing.T) {
	tf := terraform(t)
	var names []string
	for _, r := range rules.All() {
		names = append(names, strconv.Quote(r.Name))
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `terraform {
  required_providers {
    ecskit = { source = "ecskit/ecskit" }
  }
}

data "ecskit_container_definition" "c" {
`+hclBody(compose.ContainerFields, "  ", "c")+`}

data "ecskit_task_definition" "t" {
  containers   = [data.ecskit_container_definition.c.json]
  ignore_rules = [`+strings.Join(names, ", ")+`]
`+hclBody(compose.TaskFields, "  ", "t")+`}
`)

	plan := planJSON(t, tf, dir)
	var p struct {
		PriorState struct {
			Values struct {
				RootModule struct {
					Resources []struct {
						Address string         `json:"address"`
						Values  map[string]any `json:"values"`
					} `json:"resources"`
				} `json:"root_module"`
			} `json:"values"`
		} `json:"prior_state"`
	}
	if err := json.Unmarshal(plan, &p); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, r := range p.PriorState.Values.RootModule.Resources {
		if s, ok := r.Values["json"].(string); ok {
			want[r.Address] = s
		}
	}

	cfg, diags := module.Load(dir, module.Options{DataSources: dataSources(rules.Config{}), Schemas: schemas(), Types: readTypes()})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := map[string]string{}
	for _, in := range cfg.Instances {
		switch res := in.Result.(type) {
		case *compose.ContainerResult:
			if len(res.Problems) > 0 || len(res.Errors) > 0 {
				t.Errorf("%s: %v %v", in.Address, res.Problems, res.Errors)
			}
			got[in.Address] = res.JSON
		case *compose.TaskResult:
			if len(res.Problems) > 0 || len(res.DecodeErrors) > 0 {
				t.Errorf("%s: %v %v", in.Address, res.Problems, res.DecodeErrors)
			}
			got[in.Address] = res.JSON
		}
	}
	for _, addr := range []string{"data.ecskit_container_definition.c", "data.ecskit_task_definition.t"} {
		if want[addr] == "" {
			t.Errorf("terraform computed no json for %s:\n%s", addr, plan)
			continue
		}
		if got[addr] != want[addr] {
			t.Errorf("%s: ecslint composes\n%s\nthe provider\n%s", addr, got[addr], want[addr])
		}
	}
	// Every attribute was set: its value shows in the JSON.
	for _, v := range []string{`"v-c.health_check.command"`, `"v-t.volume.efs_volume_configuration.authorization_config.iam"`, `"sourcePath":"v-t.volume.host_path"`} {
		if !strings.Contains(want["data.ecskit_container_definition.c"]+want["data.ecskit_task_definition.t"], v) {
			t.Errorf("the JSON lacks %s", v)
		}
	}
}

// hclBody writes every configurable attribute and block of fields, each
// value named after its path, in the forms Terraform converts.
func hclBody(fields []*compose.Field, indent, path string) string {
	var b strings.Builder
	for _, f := range fields {
		if f.Computed || f.API == "" || f.Kind == compose.JSONList {
			continue
		}
		p := path + "." + f.Name
		s := strconv.Quote("v-" + p)
		var v string
		switch f.Kind {
		case compose.String:
			v = s
		case compose.Int:
			v = strconv.Quote(strconv.Itoa(len(p)))
		case compose.Bool:
			v = `"true"`
		case compose.Strings, compose.StringSet:
			v = "[" + s + ", 7]"
		case compose.Ints:
			v = `[1, "2"]`
		case compose.Map, compose.NameValues:
			v = "{ k = " + s + ", n = 9 }"
		case compose.Object:
			v = "{\n" + hclBody(f.Fields, indent+"  ", p) + indent + "}"
		case compose.Objects:
			v = "[{\n" + hclBody(f.Fields, indent+"  ", p) + indent + "}]"
		case compose.Blocks, compose.Block:
			fmt.Fprintf(&b, "%s%s {\n%s%s}\n", indent, f.Name, hclBody(f.Fields, indent+"  ", p), indent)
			continue
		default:
			continue
		}
		fmt.Fprintf(&b, "%s%s = %s\n", indent, f.Name, v)
	}
	return b.String()
}
