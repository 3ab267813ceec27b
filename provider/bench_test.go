package provider

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// benchServer is the provider served in-process through the framework, as
// terraform sees it over gRPC, with the types of its data sources.
type benchServer struct {
	srv    tfprotov6.ProviderServer
	types  map[string]tftypes.Object
	blocks map[string][]*tfprotov6.SchemaNestedBlock
}

func newBenchServer(b *testing.B) *benchServer {
	b.Helper()
	srv, err := providerserver.NewProtocol6WithError(New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	if len(resp.Diagnostics) > 0 {
		b.Fatalf("GetProviderSchema: %v", resp.Diagnostics[0].Detail)
	}
	s := &benchServer{srv: srv, types: map[string]tftypes.Object{}, blocks: map[string][]*tfprotov6.SchemaNestedBlock{}}
	for name, sch := range resp.DataSourceSchemas {
		s.types[name] = sch.ValueType().(tftypes.Object)
		s.blocks[name] = sch.Block.BlockTypes
	}
	return s
}

// object returns a value of type t with the attributes in set and every other
// attribute null, or an empty list for a list (block) that set leaves out:
// what terraform sends for a configuration that sets only those.
func object(t tftypes.Object, set map[string]tftypes.Value) tftypes.Value {
	attrs := map[string]tftypes.Value{}
	for name, at := range t.AttributeTypes {
		if v, ok := set[name]; ok {
			attrs[name] = v
			continue
		}
		attrs[name] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(t, attrs)
}

// benchConfigs returns the configurations of the i-th container and task of
// scripts/bench.sh's plan, the task's containers set to the container's JSON.
func (s *benchServer) benchConfigs(b *testing.B, i int) (container tftypes.Value, task func(json string) tftypes.Value) {
	b.Helper()
	ct := s.types["ecskit_container_definition"]
	str := func(v string) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	num := func(v int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(v)) }
	strMap := func(kv ...string) tftypes.Value {
		m := map[string]tftypes.Value{}
		for j := 0; j < len(kv); j += 2 {
			m[kv[j]] = str(kv[j+1])
		}
		return tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, m)
	}
	ports := ct.AttributeTypes["port_mappings"].(tftypes.List)
	health := ct.AttributeTypes["health_check"].(tftypes.Object)
	logs := ct.AttributeTypes["log_configuration"].(tftypes.Object)
	container = object(ct, map[string]tftypes.Value{
		"name":      str("app"),
		"image":     str(fmt.Sprintf("123456789012.dkr.ecr.us-east-1.amazonaws.com/app-%d:1.0.%d", i, i)),
		"essential": tftypes.NewValue(tftypes.Bool, true),
		"cpu":       num(256),
		"memory":    num(512),
		"port_mappings": tftypes.NewValue(ports, []tftypes.Value{
			object(ports.ElementType.(tftypes.Object), map[string]tftypes.Value{"container_port": num(int64(8000 + i))}),
		}),
		"environment": strMap("LOG_LEVEL", "info", "SERVICE", fmt.Sprintf("app-%d", i)),
		"health_check": object(health, map[string]tftypes.Value{
			"command": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{
				str("CMD-SHELL"), str(fmt.Sprintf("curl -fs http://localhost:%d/ || exit 1", 8000+i)),
			}),
		}),
		"log_configuration": object(logs, map[string]tftypes.Value{
			"log_driver": str("awslogs"),
			"options":    strMap("awslogs-group", fmt.Sprintf("/ecs/app-%d", i), "awslogs-region", "us-east-1", "awslogs-stream-prefix", "app"),
		}),
	})
	tt := s.types["ecskit_task_definition"]
	task = func(json string) tftypes.Value {
		set := map[string]tftypes.Value{
			"family":                   str(fmt.Sprintf("app-%d", i)),
			"requires_compatibilities": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("FARGATE")}),
			"network_mode":             str("awsvpc"),
			"cpu":                      str("256"),
			"memory":                   str("512"),
			"execution_role_arn":       str("arn:aws:iam::123456789012:role/ecsTaskExecutionRole"),
			"containers":               tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str(json)}),
		}
		for _, blk := range s.blocks["ecskit_task_definition"] { // terraform sends an empty list for a block not written
			set[blk.TypeName] = tftypes.NewValue(tt.AttributeTypes[blk.TypeName], []tftypes.Value{})
		}
		return object(tt, set)
	}
	return container, task
}

func dynamic(b *testing.B, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

// validateAndRead does what terraform plan asks of the provider for one data
// source: validate its configuration, then read it. It returns the state.
func (s *benchServer) validateAndRead(b *testing.B, typeName string, cfg *tfprotov6.DynamicValue) tftypes.Value {
	ctx := context.Background()
	vr, err := s.srv.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: typeName, Config: cfg})
	if err != nil || len(vr.Diagnostics) > 0 {
		b.Fatalf("ValidateDataResourceConfig %s: %v %s", typeName, err, diagnosticsText(vr.Diagnostics))
	}
	rr, err := s.srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: cfg})
	if err != nil || len(rr.Diagnostics) > 0 {
		b.Fatalf("ReadDataSource %s: %v %s", typeName, err, diagnosticsText(rr.Diagnostics))
	}
	state, err := rr.State.Unmarshal(s.types[typeName])
	if err != nil {
		b.Fatal(err)
	}
	return state
}

func diagnosticsText(ds []*tfprotov6.Diagnostic) string {
	var s string
	for _, d := range ds {
		s += d.Summary + ": " + d.Detail + "\n"
	}
	return s
}

// stateString returns the string attribute name of a data source's state.
func stateString(b *testing.B, state tftypes.Value, name string) string {
	b.Helper()
	var attrs map[string]tftypes.Value
	var s string
	if err := state.As(&attrs); err != nil {
		b.Fatal(err)
	}
	if err := attrs[name].As(&s); err != nil || s == "" {
		b.Fatalf("%s is %v (%v), want a JSON string", name, attrs[name], err)
	}
	return s
}

// BenchmarkReadTaskDefinition is the provider's share of one task definition
// of scripts/bench.sh's plan: validate and read its ecskit_container_definition,
// then validate and read its ecskit_task_definition, through the framework
// server with the protocol's msgpack values, as terraform calls them.
func BenchmarkReadTaskDefinition(b *testing.B) {
	s := newBenchServer(b)
	const n = 100
	containers := make([]*tfprotov6.DynamicValue, n)
	tasks := make([]func(string) tftypes.Value, n)
	for i := range n {
		c, t := s.benchConfigs(b, i+1)
		containers[i], tasks[i] = dynamic(b, c), t
	}
	for i := 0; b.Loop(); i++ {
		cs := s.validateAndRead(b, "ecskit_container_definition", containers[i%n])
		json := stateString(b, cs, "json")
		b.StopTimer()
		task := dynamic(b, tasks[i%n](json)) // terraform builds this value, not the provider
		b.StartTimer()
		ts := s.validateAndRead(b, "ecskit_task_definition", task)
		stateString(b, ts, "container_definitions")
	}
}
