package canonical

import (
	"cmp"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// corpusDir holds real task definitions published by AWS (their sources and licenses: its README.md).
const corpusDir = "../../testdata/taskdefs"

// corpusMistakes are corpus files with real mistakes, mapped to the error ContainerDefinitions must return
// ("" when it accepts the file because the mistake is in a member this package does not rewrite; the
// SDK types, and so hashicorp/aws, reject those).
var corpusMistakes = map[string]string{
	// portMappings is an object with capitalized keys, not an array.
	"amazon-ecs-firelens-examples__examples__fluent-bit__logstash__task-definition.json": "[1].portMappings: must be a JSON array of objects, not an object.",
	// logConfiguration.secretOptions is an object, not an array.
	"amazon-ecs-firelens-examples__examples__fluent-bit__signalfx__task-definition.json": "",
}

// corpusTaskDefinition is one file of the corpus: its container definitions and network mode.
type corpusTaskDefinition struct {
	file       string
	containers []byte
	opts       Options
}

func loadCorpus(t testing.TB) []corpusTaskDefinition {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 62 {
		t.Fatalf("found %d corpus files in %s, want its 62 task definitions", len(files), corpusDir)
	}
	var out []corpusTaskDefinition
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var td struct {
			TaskDefinition       *json.RawMessage `json:"taskDefinition"`
			ContainerDefinitions json.RawMessage  `json:"containerDefinitions"`
			NetworkMode          string           `json:"networkMode"`
		}
		if err := json.Unmarshal(src, &td); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if td.TaskDefinition != nil {
			if err := json.Unmarshal(*td.TaskDefinition, &td); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		if len(td.ContainerDefinitions) == 0 {
			t.Fatalf("%s: no containerDefinitions", f)
		}
		out = append(out, corpusTaskDefinition{filepath.Base(f), td.ContainerDefinitions, Options{NetworkMode: td.NetworkMode}})
	}
	return out
}

// TestCorpusIdempotent checks Normalize(Normalize(x)) == Normalize(x) for every corpus task definition, and
// that whole task definitions normalize too.
func TestCorpusIdempotent(t *testing.T) {
	for _, td := range loadCorpus(t) {
		t.Run(td.file, func(t *testing.T) {
			once, _, err := ContainerDefinitions(td.containers, td.opts)
			if want := corpusMistakes[td.file]; want != "" {
				if err == nil || err.Error() != want {
					t.Fatalf("got error %v, want %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			twice, warnings, err := ContainerDefinitions(once, td.opts)
			if err != nil {
				t.Fatal(err)
			}
			if string(once) != string(twice) {
				t.Errorf("not idempotent:\nonce  %s\ntwice %s", once, twice)
			}
			if len(warnings) != 0 {
				t.Errorf("canonical output still warns: %v", warnings)
			}
			src, err := os.ReadFile(filepath.Join(corpusDir, td.file))
			if err != nil {
				t.Fatal(err)
			}
			whole, _, err := TaskDefinition(src)
			if err != nil {
				t.Fatal(err)
			}
			again, _, err := TaskDefinition(whole.JSON)
			if err != nil || string(again.JSON) != string(whole.JSON) {
				t.Errorf("task definition not idempotent (%v)", err)
			}
			// The containerDefinitions part on its own is what the provider compares: a fixed point too.
			var mode struct {
				NetworkMode string `json:"networkMode"`
				Inner       *struct {
					NetworkMode string `json:"networkMode"`
				} `json:"taskDefinition"`
			}
			if err := json.Unmarshal(whole.JSON, &mode); err != nil {
				t.Fatal(err)
			}
			if mode.Inner != nil && mode.NetworkMode == "" {
				mode.NetworkMode = mode.Inner.NetworkMode
			}
			defs, _, err := ContainerDefinitions(whole.ContainerDefinitions, Options{NetworkMode: mode.NetworkMode})
			if err != nil || string(defs) != string(whole.ContainerDefinitions) {
				t.Errorf("the containerDefinitions part is not canonical on its own (%v):\n%s\n%s", err, whole.ContainerDefinitions, defs)
			}
		})
	}
}

// TestCorpusProviderFixedPoint decodes canonical output into the SDK's container types, applies the
// comparison reduction hashicorp/aws applies (reduceLikeProvider, written from its documented behaviour)
// and checks that it changes nothing: the canonical form is a fixed point. It also checks that the
// canonical form and the input reduce to the same value, so the provider sees no change between them.
func TestCorpusProviderFixedPoint(t *testing.T) {
	for _, td := range loadCorpus(t) {
		t.Run(td.file, func(t *testing.T) {
			if _, ok := corpusMistakes[td.file]; ok {
				var defs []types.ContainerDefinition
				if json.Unmarshal(td.containers, &defs) == nil {
					t.Fatal("listed as a mistake, but the SDK types accept it; remove it from corpusMistakes")
				}
				return
			}
			awsvpc := td.opts.NetworkMode == "awsvpc"
			canon, warnings, err := ContainerDefinitions(td.containers, td.opts)
			if err != nil {
				t.Fatal(err)
			}
			decoded := decodeSDK(t, canon)
			plain, err := json.Marshal(decoded)
			if err != nil {
				t.Fatal(err)
			}
			reduceLikeProvider(decoded, awsvpc)
			reduced, err := json.Marshal(decoded)
			if err != nil {
				t.Fatal(err)
			}
			if string(plain) != string(reduced) {
				t.Errorf("canonical output is not a fixed point of the provider's reduction:\nbefore %s\nafter  %s", plain, reduced)
			}
			if len(warnings) > 0 {
				return // Dropped entries are an intended difference.
			}
			input := decodeSDK(t, td.containers)
			reduceLikeProvider(input, awsvpc)
			fromInput, err := json.Marshal(input)
			if err != nil {
				t.Fatal(err)
			}
			if string(fromInput) != string(reduced) {
				t.Errorf("input and canonical output differ for the provider:\ninput %s\ncanon %s", fromInput, reduced)
			}
		})
	}
}

func TestProviderSeesRulesAsEquivalent(t *testing.T) {
	// Every rule except the documented deviations (empty environment values, capabilities) must leave
	// the provider's view unchanged.
	inputs := []struct {
		in     string
		awsvpc bool
	}{
		{`[{"name":"b","image":"i","essential":null,"cpu":0,"portMappings":[{"containerPort":80,"protocol":"tcp","hostPort":0}],"environment":[{"name":"Z","value":"1"},{"name":"A","value":"2"}],"mountPoints":[],"ulimits":[{"hardLimit":0,"softLimit":0}]},{"name":"a","image":"j","healthCheck":{"command":["CMD","x"]},"versionConsistency":"","secrets":[{"name":"Y","valueFrom":"y"},{"name":"X","valueFrom":"x"}]}]`, false},
		{`[{"name":"a","image":"i","portMappings":[{"containerPort":8080},{"containerPort":53,"protocol":"udp","hostPort":53}],"dependsOn":[{"condition":""}],"logConfiguration":{"logDriver":"","options":{"k":"v"}}}]`, true},
	}
	for _, tt := range inputs {
		canon, _, err := ContainerDefinitions([]byte(tt.in), Options{NetworkMode: map[bool]string{true: "awsvpc"}[tt.awsvpc]})
		if err != nil {
			t.Fatal(err)
		}
		a, b := decodeSDK(t, []byte(tt.in)), decodeSDK(t, canon)
		plain, _ := json.Marshal(b)
		reduceLikeProvider(a, tt.awsvpc)
		reduceLikeProvider(b, tt.awsvpc)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("provider sees a change:\ninput %s\ncanon %s", ja, jb)
		}
		if string(plain) != string(jb) {
			t.Errorf("canonical output is not a fixed point:\nbefore %s\nafter  %s", plain, jb)
		}
	}
}

func decodeSDK(t *testing.T, src []byte) []types.ContainerDefinition {
	t.Helper()
	var defs []types.ContainerDefinition
	if err := json.Unmarshal(src, &defs); err != nil {
		t.Fatalf("the SDK types do not accept %s: %v", src, err)
	}
	return defs
}

// reduceLikeProvider is this package's own restatement of the reduction in hashicorp/aws
// container_definitions.go: sort containers, environment and secrets by name; remove zero-valued
// elements of some lists; fill essential and healthCheck defaults; normalize port mappings; turn empty
// lists into nil.
func reduceLikeProvider(defs []types.ContainerDefinition, awsvpc bool) {
	slices.SortFunc(defs, func(a, b types.ContainerDefinition) int { return cmp.Compare(deref(a.Name), deref(b.Name)) })
	for i := range defs {
		d := &defs[i]
		slices.SortFunc(d.Environment, func(a, b types.KeyValuePair) int { return cmp.Compare(deref(a.Name), deref(b.Name)) })
		slices.SortFunc(d.Secrets, func(a, b types.Secret) int { return cmp.Compare(deref(a.Name), deref(b.Name)) })
		d.DependsOn = withoutZero(d.DependsOn)
		d.Environment = withoutZero(d.Environment)
		d.EnvironmentFiles = withoutZero(d.EnvironmentFiles)
		d.ExtraHosts = withoutZero(d.ExtraHosts)
		d.MountPoints = withoutZero(d.MountPoints)
		d.PortMappings = withoutZero(d.PortMappings)
		d.ResourceRequirements = withoutZero(d.ResourceRequirements)
		d.Secrets = withoutZero(d.Secrets)
		d.SystemControls = withoutZero(d.SystemControls)
		d.Ulimits = withoutZero(d.Ulimits)
		d.VolumesFrom = withoutZero(d.VolumesFrom)
		if d.Essential == nil {
			d.Essential = ptr(true)
		}
		if hc := d.HealthCheck; hc != nil {
			hc.Interval = cmp.Or(hc.Interval, ptr[int32](30))
			hc.Retries = cmp.Or(hc.Retries, ptr[int32](3))
			hc.Timeout = cmp.Or(hc.Timeout, ptr[int32](5))
		}
		for j := range d.PortMappings {
			pm := &d.PortMappings[j]
			if pm.Protocol == types.TransportProtocolTcp {
				pm.Protocol = ""
			}
			if deref(pm.HostPort) == 0 {
				pm.HostPort = nil
			}
			if awsvpc && pm.HostPort == nil {
				pm.HostPort = pm.ContainerPort
			}
		}
		nilIfEmpty(&d.Command)
		nilIfEmpty(&d.CredentialSpecs)
		nilIfEmpty(&d.DependsOn)
		nilIfEmpty(&d.DnsSearchDomains)
		nilIfEmpty(&d.DnsServers)
		nilIfEmpty(&d.DockerSecurityOptions)
		nilIfEmpty(&d.EntryPoint)
		nilIfEmpty(&d.Environment)
		nilIfEmpty(&d.EnvironmentFiles)
		nilIfEmpty(&d.ExtraHosts)
		nilIfEmpty(&d.Links)
		nilIfEmpty(&d.MountPoints)
		nilIfEmpty(&d.PortMappings)
		nilIfEmpty(&d.ResourceRequirements)
		nilIfEmpty(&d.Secrets)
		nilIfEmpty(&d.SystemControls)
		nilIfEmpty(&d.Ulimits)
		nilIfEmpty(&d.VolumesFrom)
	}
}

func withoutZero[E any](s []E) []E {
	if len(s) == 0 {
		return s
	}
	return slices.DeleteFunc(s, func(e E) bool { return reflect.ValueOf(e).IsZero() })
}

func nilIfEmpty[E any](s *[]E) {
	if len(*s) == 0 {
		*s = nil
	}
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// TestCorpusOrderAndWhitespaceIndependent rewrites every corpus task definition with keys in reverse order,
// containers, environment and secrets reversed, and different whitespace, and checks the canonical bytes
// do not change.
func TestCorpusOrderAndWhitespaceIndependent(t *testing.T) {
	for _, td := range loadCorpus(t) {
		if corpusMistakes[td.file] != "" {
			continue
		}
		t.Run(td.file, func(t *testing.T) {
			want, _, err := ContainerDefinitions(td.containers, td.opts)
			if err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(strings.NewReader(string(td.containers)))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			writeReordered(&sb, v, "")
			got, _, err := ContainerDefinitions([]byte(sb.String()), td.opts)
			if err != nil {
				t.Fatalf("%v in\n%s", err, sb.String())
			}
			if string(got) != string(want) {
				t.Errorf("reordered input gives other bytes:\ngot  %s\nwant %s", got, want)
			}
		})
	}
}

// writeReordered writes v as JSON with object keys in reverse order, one member per line, and the arrays
// whose order does not matter (the top-level container list, environment, secrets) reversed.
func writeReordered(sb *strings.Builder, v any, key string) {
	switch t := v.(type) {
	case map[string]any:
		keys := slices.Sorted(maps.Keys(t))
		slices.Reverse(keys)
		sb.WriteString("{\n")
		for i, k := range keys {
			if i > 0 {
				sb.WriteString(" ,\n\t")
			}
			kb, _ := json.Marshal(k)
			sb.Write(kb)
			sb.WriteString(" :  ")
			writeReordered(sb, t[k], k)
		}
		sb.WriteString("\n}")
	case []any:
		list := slices.Clone(t)
		if key == "" || key == "environment" || key == "secrets" {
			slices.Reverse(list)
		}
		sb.WriteString("[ ")
		for i, e := range list {
			if i > 0 {
				sb.WriteString(",\r\n")
			}
			writeReordered(sb, e, "element of "+key)
		}
		sb.WriteString(" ]")
	default:
		b, _ := json.Marshal(t)
		sb.Write(b)
	}
}
