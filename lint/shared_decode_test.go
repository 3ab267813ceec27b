package lint

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/lint/configrules"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// TestSharedDecodeSameFindings: the configuration rules find the same with the task definitions ecslint's task
// rules decoded (configrules.Options.TaskDefinitions) as with their own decoding, on every configuration-rule
// fixture, and the shared decodes are really used.
func TestSharedDecodeSameFindings(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("configrules", "testdata", "*"))
	if err != nil || len(dirs) < 20 {
		t.Fatalf("fixtures: %v (%d)", err, len(dirs))
	}
	opts, err := parseFlags([]string{"."}, &strings.Builder{})
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner(opts)
	shared, used := 0, 0
	for _, dir := range dirs {
		mo := r.moduleOptions()
		mo.AllowedDir = dir
		cfg, _ := module.Load(dir, mo)
		m := &moduleRun{r: r, out: &moduleResult{files: map[string]*hcl.File{}}, cfg: cfg, files: cfg.Reader}
		m.checkTaskDefinitions()
		shared += len(m.decoded)
		own := configrules.Check(cfg, configrules.Options{})
		given := configrules.Check(cfg, configrules.Options{TaskDefinitions: m.decoded})
		if !reflect.DeepEqual(own, given) {
			t.Errorf("%s: findings differ\nown decode:    %s\nshared decode: %s", dir, fmt.Sprint(own), fmt.Sprint(given))
		}
		// Empty task definitions in place of the decoded ones change what some rules find: proof that
		// Check uses what it is given.
		empty := map[*module.Instance]*taskdef.TaskDefinition{}
		for in := range m.decoded {
			empty[in] = &taskdef.TaskDefinition{}
		}
		if !reflect.DeepEqual(own, configrules.Check(cfg, configrules.Options{TaskDefinitions: empty})) {
			used++
		}
	}
	if used == 0 {
		t.Error("replacing the shared task definitions changed no finding: Check does not use them")
	}
	if shared < 20 {
		t.Errorf("only %d task definitions were decoded for sharing; the test no longer compares anything", shared)
	}
}
