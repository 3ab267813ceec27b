package configrules

import (
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/internal/compose"
	"github.com/ecskit/terraform-provider-ecskit/internal/taskdef"
	"github.com/ecskit/terraform-provider-ecskit/internal/tree"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// Schemas names the nested blocks of every resource type the configuration rules read, so that .tf.json files
// load with the same block structure as .tf files. Pass it as module.Options.Schemas.
var Schemas = map[string]*module.BlockSchema{
	"aws_ecs_task_definition": taskBlocks,
	"ecskit_task_definition":  taskBlocks,
	"aws_ecs_service": blocks(map[string]*module.BlockSchema{
		"capacity_provider_strategy": nil, "load_balancer": nil, "network_configuration": nil,
		"ordered_placement_strategy": nil, "placement_constraints": nil, "deployment_controller": nil,
		"deployment_circuit_breaker": nil, "service_registries": nil, "alarms": nil,
		"deployment_configuration":      nil,
		"service_connect_configuration": blocks(map[string]*module.BlockSchema{"log_configuration": nil, "service": nil}),
	}),
	"aws_ecs_cluster": blocks(map[string]*module.BlockSchema{
		"setting": nil, "configuration": nil, "service_connect_defaults": nil,
	}),
	"aws_ecs_cluster_capacity_providers": blocks(map[string]*module.BlockSchema{"default_capacity_provider_strategy": nil}),
	"aws_ecs_capacity_provider": blocks(map[string]*module.BlockSchema{
		"auto_scaling_group_provider": blocks(map[string]*module.BlockSchema{"managed_scaling": nil}),
	}),
	"aws_autoscaling_group": blocks(map[string]*module.BlockSchema{
		"launch_template": nil, "tag": nil, "instance_refresh": nil,
		"mixed_instances_policy": blocks(map[string]*module.BlockSchema{
			"launch_template":        blocks(map[string]*module.BlockSchema{"launch_template_specification": nil, "override": nil}),
			"instances_distribution": nil,
		}),
	}),
	"aws_launch_template": blocks(map[string]*module.BlockSchema{
		"network_interfaces": nil, "iam_instance_profile": nil, "block_device_mappings": nil,
		"monitoring": nil, "metadata_options": nil, "tag_specifications": nil, "placement": nil,
	}),
	"aws_instance":         blocks(map[string]*module.BlockSchema{"network_interface": nil, "root_block_device": nil, "ebs_block_device": nil, "metadata_options": nil}),
	"aws_security_group":   blocks(map[string]*module.BlockSchema{"ingress": nil, "egress": nil}),
	"aws_lb":               blocks(map[string]*module.BlockSchema{"subnet_mapping": nil, "access_logs": nil}),
	"aws_lb_listener":      blocks(map[string]*module.BlockSchema{"default_action": actionSchema}),
	"aws_lb_listener_rule": blocks(map[string]*module.BlockSchema{"action": actionSchema, "condition": nil}),
	"aws_lb_target_group":  blocks(map[string]*module.BlockSchema{"health_check": nil, "stickiness": nil}),
	"aws_cloudwatch_event_target": blocks(map[string]*module.BlockSchema{
		"ecs_target": blocks(map[string]*module.BlockSchema{
			"capacity_provider_strategy": nil, "network_configuration": nil,
			"placement_constraint": nil, "ordered_placement_strategy": nil,
		}),
		"retry_policy": nil, "dead_letter_config": nil, "input_transformer": nil,
	}),
	"aws_scheduler_schedule": blocks(map[string]*module.BlockSchema{
		"flexible_time_window": nil,
		"target": blocks(map[string]*module.BlockSchema{
			"ecs_parameters": blocks(map[string]*module.BlockSchema{
				"capacity_provider_strategy": nil, "network_configuration": nil,
				"placement_constraints": nil, "placement_strategy": nil,
			}),
			"retry_policy": nil, "dead_letter_config": nil,
		}),
	}),
}

var actionSchema = blocks(map[string]*module.BlockSchema{
	"forward": blocks(map[string]*module.BlockSchema{"target_group": nil, "stickiness": nil}),
})

func blocks(m map[string]*module.BlockSchema) *module.BlockSchema {
	return &module.BlockSchema{Blocks: m}
}

// taskBlocks are the nested blocks of aws_ecs_task_definition and ecskit_task_definition, as compose's table of
// the data sources' attributes has them (compose.TaskSchema).
var taskBlocks = BlockSchemaOf(compose.TaskSchema)

// BlockSchemaOf names the nested blocks of a body of compose's schema s, for the loader (module.Options.Schemas)
// and for bodies' trees (module.Body.Tree); nil when it has none.
func BlockSchemaOf(s *compose.Schema) *module.BlockSchema {
	if len(s.Blocks) == 0 {
		return nil
	}
	out := &module.BlockSchema{Blocks: map[string]*module.BlockSchema{}}
	for name, child := range s.Blocks {
		out.Blocks[name] = BlockSchemaOf(child)
	}
	return out
}

// The resource graph.
//
// Resource attributes that refer to other resources are unknown during static evaluation, so the graph links
// resources through the expressions: `task_definition = aws_ecs_task_definition.app.arn` names the instance
// aws_ecs_task_definition.app of the same module instance. Limits, all of which make a link unknown (and the
// rules that need it silent) rather than wrong:
//   - Only references to resources and data sources of the same module instance are followed; a value passed in
//     through a variable, a module output or a local is not. An expression that resolves its references itself
//     (ScopedExpression: plan JSON, which follows variables and outputs across module calls) names the module
//     instance of each.
//   - An index must be a literal (`aws_lb.x[0]`), or the referring instance must have the same key as exactly
//     one candidate (`aws_lb.x[count.index]` from a resource with the same count); splats are not followed.
//   - A candidate from a count or for_each whose value is unknown may not exist, so it is never linked.
//   - Capacity providers named by a literal string are matched on the name attribute of an
//     aws_ecs_capacity_provider in the same module instance.
type graph struct {
	cfg   *module.Config
	index map[resKey][]*module.Instance

	decoded  map[*module.Instance]*taskdef.TaskDefinition // by the caller (Options.TaskDefinitions)
	taskData bool                                         // some instance is an ecskit_task_definition data source
	taskDefs map[*module.Instance]*taskDef
	sgs      map[*module.Instance]*securityGroup
	ingress  []*ingressRule // every ingress rule of the configuration, in every form

	services []*service
	targets  []*launcher // services, event targets and schedules
}

type resKey struct {
	module string
	mode   module.Mode
	typ    string
	name   string
}

// newGraph indexes cfg and builds the typed views.
func newGraph(cfg *module.Config, decoded map[*module.Instance]*taskdef.TaskDefinition) *graph {
	g := &graph{cfg: cfg, index: map[resKey][]*module.Instance{}, decoded: decoded,
		taskDefs: map[*module.Instance]*taskDef{}, sgs: map[*module.Instance]*securityGroup{}}
	for _, in := range cfg.Instances {
		k := resKey{in.Module, in.Mode, in.Type, in.Name}
		g.index[k] = append(g.index[k], in)
		g.taskData = g.taskData || in.Mode == module.Data && in.Type == "ecskit_task_definition"
	}
	for _, in := range cfg.InstancesOf(module.Managed, "aws_security_group") {
		g.securityGroup(in)
	}
	g.collectIngress()
	for _, in := range cfg.InstancesOf(module.Managed, "aws_ecs_service") {
		s := g.newService(in)
		g.services = append(g.services, s)
		g.targets = append(g.targets, s.launcher)
	}
	for _, in := range cfg.InstancesOf(module.Managed, "aws_cloudwatch_event_target") {
		for _, b := range in.Body.BlocksOfType("ecs_target") {
			if b.UnknownCount {
				continue
			}
			l := g.newLauncher(in, b.Body, "ecs_target", "task_definition_arn", in.Body.Attributes["arn"])
			l.rng = b.DefRange
			g.targets = append(g.targets, l)
		}
	}
	for _, in := range cfg.InstancesOf(module.Managed, "aws_scheduler_schedule") {
		for _, t := range in.Body.BlocksOfType("target") {
			for _, b := range t.Body.BlocksOfType("ecs_parameters") {
				if t.UnknownCount || b.UnknownCount {
					continue
				}
				l := g.newLauncher(in, b.Body, "target.ecs_parameters", "task_definition_arn", t.Body.Attributes["arn"])
				l.rng = b.DefRange
				g.targets = append(g.targets, l)
			}
		}
	}
	return g
}

// ScopedExpression is an expression whose references are each resolved in a module instance given with it,
// not in the referring instance's own: plan JSON (lint/plan) follows a variable into the argument of its
// module call and a module output into the output's expression, so one attribute may name resources of other
// module instances. The graph resolves ScopedVariables instead of Variables.
type ScopedExpression interface {
	hcl.Expression
	ScopedVariables() []ScopedTraversal
}

// ScopedTraversal is a traversal with the address of the module instance it is resolved in ("" for the root).
type ScopedTraversal struct {
	Module    string
	Traversal hcl.Traversal
}

// traversals returns the references of expr, each with the module instance it is resolved in.
func traversals(from *module.Instance, expr hcl.Expression) []ScopedTraversal {
	if s, ok := expr.(ScopedExpression); ok {
		return s.ScopedVariables()
	}
	vars := expr.Variables()
	out := make([]ScopedTraversal, len(vars))
	for i, tr := range vars {
		out[i] = ScopedTraversal{Module: from.Module, Traversal: tr}
	}
	return out
}

// ref is one resolved reference: the instance and the attribute named after it ("" if none).
type ref struct {
	inst *module.Instance
	attr string
}

// resolveTraversal finds the instance a traversal names from the instance `from`, or nil.
func (g *graph) resolveTraversal(from *module.Instance, st ScopedTraversal) *ref {
	tr := st.Traversal
	if len(tr) < 2 {
		return nil
	}
	mode, rest := module.Managed, tr
	if tr.RootName() == "data" {
		mode, rest = module.Data, tr[1:]
		if len(rest) < 2 {
			return nil
		}
	}
	typ := stepName(rest[0])
	name := stepName(rest[1])
	if typ == "" || name == "" || !strings.Contains(typ, "_") {
		return nil // var, local, module, count, each, path, self, terraform
	}
	cands := g.index[resKey{st.Module, mode, typ, name}]
	rest = rest[2:]
	key := cty.NilVal
	if len(rest) > 0 {
		if ix, ok := rest[0].(hcl.TraverseIndex); ok {
			key, rest = ix.Key, rest[1:]
		}
	}
	var pick *module.Instance
	switch {
	case key != cty.NilVal:
		pick = instanceWithKey(cands, key)
	case len(cands) == 1:
		pick = cands[0]
	case st.Module == from.Module && from.Key != cty.NilVal && from.Key.IsKnown():
		// aws_x.y[count.index]: the index is not part of the traversal.
		pick = instanceWithKey(cands, from.Key)
	}
	if pick == nil || pick.UnknownCount {
		return nil
	}
	r := &ref{inst: pick}
	if len(rest) > 0 {
		r.attr = stepName(rest[0])
	}
	return r
}

func stepName(s hcl.Traverser) string {
	switch s := s.(type) {
	case hcl.TraverseRoot:
		return s.Name
	case hcl.TraverseAttr:
		return s.Name
	}
	return ""
}

func instanceWithKey(cands []*module.Instance, key cty.Value) *module.Instance {
	if !key.IsKnown() || key.IsNull() {
		return nil
	}
	for _, c := range cands {
		if c.Key == cty.NilVal || !c.Key.IsKnown() {
			continue
		}
		if c.Key.Type().Equals(key.Type()) && c.Key.Equals(key).True() {
			return c
		}
	}
	return nil
}

// refOf resolves an expression that names exactly one instance of one of the given types (through any number of
// traversals, e.g. "${aws_ecs_task_definition.a.family}:${aws_ecs_task_definition.a.revision}"), or nil.
func (g *graph) refOf(from *module.Instance, expr hcl.Expression, types ...string) *ref {
	if expr == nil {
		return nil
	}
	vars := traversals(from, expr)
	if len(vars) == 0 {
		return nil
	}
	var out *ref
	for _, tr := range vars {
		r := g.resolveTraversal(from, tr)
		if r == nil || !typeIn(r.inst.Type, types) || out != nil && out.inst != r.inst {
			return nil
		}
		out = r
	}
	return out
}

// sgRefs is a set of security groups: resources of the configuration and literal IDs ("sg-0123").
type sgRefs struct {
	groups   []*securityGroup
	literals []string
	// complete is false when some member is neither (a variable, a module output, an unknown value).
	complete bool
}

func (s sgRefs) has(sg *securityGroup) bool {
	for _, x := range s.groups {
		if x == sg {
			return true
		}
	}
	return false
}

func (s sgRefs) empty() bool { return len(s.groups) == 0 && len(s.literals) == 0 }

// sgList resolves a list of security-group IDs written in an attribute.
func (g *graph) sgList(from *module.Instance, attr *module.Attribute) sgRefs {
	out := sgRefs{complete: true}
	if attr == nil || attr.Value.IsNull() {
		return out
	}
	elems, diags := hcl.ExprList(attr.Expr)
	if diags.HasErrors() {
		elems = []hcl.Expression{attr.Expr}
	}
	for _, e := range elems {
		g.addSG(&out, from, e, attr.Ctx)
	}
	return out
}

// sgOne resolves a single security-group ID attribute.
func (g *graph) sgOne(from *module.Instance, attr *module.Attribute) sgRefs {
	out := sgRefs{complete: true}
	if attr == nil || attr.Value.IsNull() {
		return out
	}
	g.addSG(&out, from, attr.Expr, attr.Ctx)
	return out
}

func (g *graph) addSG(out *sgRefs, from *module.Instance, e hcl.Expression, ctx *hcl.EvalContext) {
	if r := g.refOf(from, e, "aws_security_group"); r != nil {
		out.groups = appendUniqueSG(out.groups, g.securityGroup(r.inst))
		return
	}
	if v, diags := e.Value(ctx); !diags.HasErrors() && !v.IsMarked() && v.IsWhollyKnown() && !v.IsNull() && v.Type() == cty.String {
		out.literals = append(out.literals, v.AsString())
		return
	}
	out.complete = false
}

func typeIn(t string, types []string) bool {
	if len(types) == 0 {
		return true
	}
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func appendUnique(list []*module.Instance, in *module.Instance) []*module.Instance {
	for _, x := range list {
		if x == in {
			return list
		}
	}
	return append(list, in)
}

func appendUniqueSG(list []*securityGroup, sg *securityGroup) []*securityGroup {
	for _, x := range list {
		if x == sg {
			return list
		}
	}
	return append(list, sg)
}

// knownString returns a known, non-null string value.
func knownString(v cty.Value) (string, bool) {
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() || v.IsMarked() {
		return "", false
	}
	if v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// knownInt returns a known whole number (numbers written as strings too, as Terraform converts them).
func knownInt(v cty.Value) (int, bool) {
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() || v.IsMarked() {
		return 0, false
	}
	if v.Type() == cty.String {
		n, err := cty.ParseNumberVal(strings.TrimSpace(v.AsString()))
		if err != nil {
			return 0, false
		}
		v = n
	}
	if v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return 0, false
	}
	i, acc := bf.Int64()
	if acc != 0 || i > 1<<31 || i < -(1<<31) {
		return 0, false
	}
	return int(i), true
}

// attrValue is the value of an attribute, or a null value.
func attrValue(b *module.Body, name string) cty.Value {
	if b == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return b.Value(name)
}

// rangeOf is the range of the named attribute, or else of the body.
func rangeOf(b *module.Body, name string, fallback hcl.Range) hcl.Range {
	if a := b.Attributes[name]; a != nil {
		return a.Range
	}
	return fallback
}

// ---- task definitions ----

// taskDef is an aws_ecs_task_definition resource or an ecskit_task_definition data source, decoded into the
// task-definition model. Values that depend on other resources are unknown in it.
type taskDef struct {
	inst *module.Instance
	td   *taskdef.TaskDefinition
}

// taskDefinition returns a task-definition instance decoded: as the caller decoded it (Options.TaskDefinitions),
// else decoded here, once. A resource that refers to an ecskit_task_definition data source is decoded here,
// looking through the references (throughDataSource, containerDefinitions).
func (g *graph) taskDefinition(in *module.Instance) *taskDef {
	if t, ok := g.taskDefs[in]; ok {
		return t
	}
	if td, ok := g.decoded[in]; ok && (in.Mode == module.Data || !(g.taskData && refersToTaskData(in))) {
		t := &taskDef{inst: in, td: td}
		g.taskDefs[in] = t
		return t
	}
	var input *tree.Node
	if in.Mode == module.Data {
		input, _ = compose.TaskInput(in.Body.Tree(Schemas[in.Type], in.Body.Range))
	} else {
		cfg := in.Body.Tree(Schemas[in.Type], in.Body.Range)
		for i := range cfg.Fields {
			name := cfg.Fields[i].Key
			if a := in.Body.Attributes[name]; a != nil {
				if v, ok := g.throughDataSource(in, a, name); ok {
					cfg.Fields[i].Value = tree.FromValue(v, a.Expr.Range())
				}
			}
		}
		input = compose.TaskAttributes(cfg)
		if input.Kind == tree.Object {
			input.Fields = append(input.Fields, tree.Field{Key: "containerDefinitions", Value: g.containerDefinitions(in)})
		}
	}
	td, _ := taskdef.Decode(input)
	t := &taskDef{inst: in, td: td}
	g.taskDefs[in] = t
	return t
}

// refersToTaskData reports whether an attribute of in refers to an ecskit_task_definition data source, whose
// configured values taskDefinition looks through to.
func refersToTaskData(in *module.Instance) bool {
	for _, a := range in.Body.Attributes {
		for _, tr := range a.Expr.Variables() {
			if len(tr) >= 2 && tr.RootName() == "data" {
				if typ, ok := tr[1].(hcl.TraverseAttr); ok && typ.Name == "ecskit_task_definition" {
					return true
				}
			}
		}
	}
	return false
}

// throughDataSource returns, for an attribute whose value is unknown and written as a reference to the same
// attribute of an ecskit_task_definition data source, the value configured there; ok is false otherwise.
func (g *graph) throughDataSource(from *module.Instance, a *module.Attribute, name string) (v cty.Value, ok bool) {
	if a.Value.IsWhollyKnown() {
		return cty.NilVal, false
	}
	if r := g.refOf(from, a.Expr, "ecskit_task_definition"); r != nil && r.inst.Mode == module.Data && r.attr == name {
		return r.inst.Body.Value(name), true
	}
	return cty.NilVal, false
}

// containerDefinitions parses container_definitions, or takes the containers of the ecskit_task_definition data
// source it names.
func (g *graph) containerDefinitions(in *module.Instance) *tree.Node {
	a := in.Body.Attributes["container_definitions"]
	if a == nil {
		return &tree.Node{Kind: tree.Null, Range: in.Body.Range}
	}
	if s, ok := knownString(a.Value); ok {
		n, diags := tree.ParseJSON([]byte(s), a.Expr.Range().Filename)
		if diags.HasErrors() {
			return &tree.Node{Kind: tree.Unknown, Range: a.Expr.Range()}
		}
		return n
	}
	if r := g.refOf(in, a.Expr, "ecskit_task_definition"); r != nil && r.inst.Mode == module.Data {
		if defs := g.taskDefinition(r.inst).containers(); defs != nil {
			return defs
		}
	}
	return &tree.Node{Kind: tree.Unknown, Range: a.Expr.Range()}
}

func (t *taskDef) containers() *tree.Node {
	if t.td == nil || t.td.Source == nil {
		return nil
	}
	return t.td.Source.Get("containerDefinitions")
}

// ---- launchers: services, EventBridge targets, EventBridge Scheduler schedules ----

// launcher is anything that starts tasks: an aws_ecs_service, an aws_cloudwatch_event_target's ecs_target, or an
// aws_scheduler_schedule's target.ecs_parameters.
type launcher struct {
	inst *module.Instance
	// body holds launch_type, capacity_provider_strategy, network_configuration and placement blocks.
	body *module.Body
	// where names body for messages: "ecs_target", "target.ecs_parameters"; "" for a service.
	where string
	// td is the task definition, nil when it cannot be followed.
	td *taskDef
	// cluster is the aws_ecs_cluster, nil when it cannot be followed.
	cluster *module.Instance
	// rng locates findings about the launcher as a whole: the resource's or the block's header.
	rng hcl.Range
}

func (g *graph) newLauncher(in *module.Instance, body *module.Body, where, tdAttr string, clusterAttr *module.Attribute) *launcher {
	l := &launcher{inst: in, body: body, where: where, rng: in.DefRange}
	if a := body.Attributes[tdAttr]; a != nil {
		if r := g.refOf(in, a.Expr, "aws_ecs_task_definition"); r != nil && r.inst.Mode == module.Managed {
			l.td = g.taskDefinition(r.inst)
		}
	}
	if clusterAttr != nil {
		if r := g.refOf(in, clusterAttr.Expr, "aws_ecs_cluster"); r != nil {
			l.cluster = r.inst
		}
	}
	return l
}

// label names the launcher for messages: `aws_ecs_service.web`, `aws_cloudwatch_event_target.job (ecs_target)`.
func (l *launcher) label() string {
	a := l.inst.Address
	if l.where != "" {
		a += " (" + l.where + ")"
	}
	return a
}

// strategyBlocks returns the blocks of one type whose existence is certain; ok is false when a dynamic block
// with an unknown for_each may add more.
func (g *graph) strategyBlocks(body *module.Body, typ string) (blocks []*module.Block, ok bool) {
	ok = true
	for _, b := range body.BlocksOfType(typ) {
		if b.UnknownCount {
			ok = false
			continue
		}
		blocks = append(blocks, b)
	}
	return blocks, ok
}

// Tri-state answers.
type tri uint8

const (
	no tri = iota
	yes
	maybe
)

// fargate reports whether the launcher certainly starts its tasks on Fargate: launch_type FARGATE, a
// FARGATE/FARGATE_SPOT capacity provider in its strategy, or (neither given) in its cluster's default strategy.
// why says which, for messages.
func (g *graph) fargate(l *launcher) (ans tri, why string) {
	if a := l.body.Attributes["launch_type"]; a != nil && !a.Value.IsNull() {
		s, ok := knownString(a.Value)
		switch {
		case !ok:
			return maybe, ""
		case s == "FARGATE":
			return yes, `launch_type "FARGATE"`
		case s != "":
			return no, ""
		}
	}
	bs, complete := g.strategyBlocks(l.body, "capacity_provider_strategy")
	if len(bs) > 0 || !complete {
		return fargateStrategy(bs, complete, "capacity provider ")
	}
	// Neither launch type nor strategy: the cluster's default capacity provider strategy decides.
	if l.cluster == nil {
		return maybe, ""
	}
	ccp := g.clusterCapacityProviders(l.cluster)
	if ccp == nil {
		return maybe, ""
	}
	bs, complete = g.strategyBlocks(ccp.Body, "default_capacity_provider_strategy")
	if len(bs) == 0 && complete {
		return no, "" // no default strategy: the EC2 launch type
	}
	return fargateStrategy(bs, complete, "the default capacity provider strategy of "+ccp.Address+", with ")
}

func fargateStrategy(bs []*module.Block, complete bool, prefix string) (tri, string) {
	ans := no
	if !complete {
		ans = maybe
	}
	for _, b := range bs {
		s, ok := knownString(attrValue(b.Body, "capacity_provider"))
		switch {
		case ok && (s == "FARGATE" || s == "FARGATE_SPOT"):
			return yes, prefix + `"` + s + `"`
		case !ok:
			ans = maybe
		}
	}
	return ans, ""
}

// clusterCapacityProviders finds the aws_ecs_cluster_capacity_providers of a cluster, by reference or by name.
func (g *graph) clusterCapacityProviders(cluster *module.Instance) *module.Instance {
	name, named := knownString(cluster.Body.Value("name"))
	var found *module.Instance
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_ecs_cluster_capacity_providers") {
		if in.Module != cluster.Module || in.UnknownCount {
			continue
		}
		a := in.Body.Attributes["cluster_name"]
		if a == nil {
			continue
		}
		r := g.refOf(in, a.Expr, "aws_ecs_cluster")
		s, ok := knownString(a.Value)
		if r != nil && r.inst == cluster || named && ok && s == name {
			if found != nil {
				return nil
			}
			found = in
		}
	}
	return found
}

// ---- services ----

// service is an aws_ecs_service with its load balancers.
type service struct {
	*launcher
	lbs []*serviceLB
}

// serviceLB is one load_balancer block of a service.
type serviceLB struct {
	block *module.Block
	// tg is the target group it names, nil when it cannot be followed.
	tg *module.Instance
}

// about identifies the load_balancer block in a finding (findings.Finding.About) by what it names, not by its
// index: load_balancer is a set, which a plan orders otherwise than the configuration.
func (lb *serviceLB) about() []string {
	tg := ""
	if lb.tg != nil {
		tg = lb.tg.Address
	}
	name, _ := knownString(attrValue(lb.block.Body, "container_name"))
	port, _ := knownInt(attrValue(lb.block.Body, "container_port"))
	return []string{"load_balancer", tg, name, itoa(port)}
}

func (g *graph) newService(in *module.Instance) *service {
	s := &service{launcher: g.newLauncher(in, in.Body, "", "task_definition", in.Body.Attributes["cluster"])}
	for _, b := range in.Body.BlocksOfType("load_balancer") {
		if b.UnknownCount {
			continue
		}
		lb := &serviceLB{block: b}
		if a := b.Body.Attributes["target_group_arn"]; a != nil {
			if r := g.refOf(in, a.Expr, "aws_lb_target_group"); r != nil {
				lb.tg = r.inst
			}
		}
		s.lbs = append(s.lbs, lb)
	}
	return s
}

// loadBalancers returns the aws_lb instances a target group is attached to through listeners and listener rules.
// complete is false when some listener or rule names the target group but its load balancer cannot be followed.
func (g *graph) loadBalancers(tg *module.Instance) (lbs []*module.Instance, complete bool) {
	complete = true
	addListener := func(from *module.Instance, listener *module.Instance) {
		a := listener.Body.Attributes["load_balancer_arn"]
		if a == nil {
			complete = false
			return
		}
		if r := g.refOf(listener, a.Expr, "aws_lb"); r != nil {
			lbs = appendUnique(lbs, r.inst)
			return
		}
		complete = false
	}
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_lb_listener") {
		if in.Module == tg.Module && g.actionsName(in, in.Body.BlocksOfType("default_action"), tg) {
			addListener(in, in)
		}
	}
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_lb_listener_rule") {
		if in.Module != tg.Module || !g.actionsName(in, in.Body.BlocksOfType("action"), tg) {
			continue
		}
		a := in.Body.Attributes["listener_arn"]
		var r *ref
		if a != nil {
			r = g.refOf(in, a.Expr, "aws_lb_listener")
		}
		if r == nil {
			complete = false
			continue
		}
		addListener(in, r.inst)
	}
	return lbs, complete
}

// actionsName reports whether listener actions forward to tg.
func (g *graph) actionsName(from *module.Instance, actions []*module.Block, tg *module.Instance) bool {
	for _, act := range actions {
		if a := act.Body.Attributes["target_group_arn"]; a != nil {
			if r := g.refOf(from, a.Expr, "aws_lb_target_group"); r != nil && r.inst == tg {
				return true
			}
		}
		for _, fw := range act.Body.BlocksOfType("forward") {
			for _, t := range fw.Body.BlocksOfType("target_group") {
				if a := t.Body.Attributes["arn"]; a != nil {
					if r := g.refOf(from, a.Expr, "aws_lb_target_group"); r != nil && r.inst == tg {
						return true
					}
				}
			}
		}
	}
	return false
}

// lbSecurityGroups returns the security groups of an aws_lb.
func (g *graph) lbSecurityGroups(lb *module.Instance) sgRefs {
	return g.sgList(lb, lb.Body.Attributes["security_groups"])
}

// ---- container instances ----

// instanceGroup is a set of container instances (an Auto Scaling group's launch template, or an aws_instance)
// with their security groups.
type instanceGroup struct {
	// what names the instances for messages: "aws_launch_template.ecs".
	what string
	sgs  sgRefs
}

// containerInstances follows a service to the security groups of the instances its tasks run on: the capacity
// providers of its strategy (or of its cluster's default strategy) to their Auto Scaling groups and launch
// templates, or, with the EC2 launch type, the launch templates and instances whose user_data names the cluster.
// complete is false where the chain cannot be followed.
func (g *graph) containerInstances(s *service) (groups []*instanceGroup, complete bool) {
	if a := s.body.Attributes["launch_type"]; a != nil && !a.Value.IsNull() {
		lt, ok := knownString(a.Value)
		if !ok || lt != "EC2" {
			return nil, false
		}
		return g.clusterInstances(s.cluster)
	}
	bs, ok := g.strategyBlocks(s.body, "capacity_provider_strategy")
	if !ok {
		return nil, false
	}
	from := s.inst
	if len(bs) == 0 {
		if s.cluster == nil {
			return nil, false
		}
		ccp := g.clusterCapacityProviders(s.cluster)
		if ccp == nil {
			return g.clusterInstances(s.cluster)
		}
		if bs, ok = g.strategyBlocks(ccp.Body, "default_capacity_provider_strategy"); !ok || len(bs) == 0 {
			return nil, false
		}
		from = ccp
	}
	complete = true
	for _, b := range bs {
		cp := g.capacityProvider(from, b.Body.Attributes["capacity_provider"])
		if cp == nil {
			return nil, false
		}
		gs, ok := g.providerInstances(cp)
		if !ok {
			return nil, false
		}
		groups = append(groups, gs...)
	}
	return groups, complete
}

// capacityProvider resolves a capacity_provider attribute to an aws_ecs_capacity_provider, by reference or by
// its literal name.
func (g *graph) capacityProvider(from *module.Instance, a *module.Attribute) *module.Instance {
	if a == nil {
		return nil
	}
	if r := g.refOf(from, a.Expr, "aws_ecs_capacity_provider"); r != nil {
		return r.inst
	}
	name, ok := knownString(a.Value)
	if !ok {
		return nil
	}
	var found *module.Instance
	for _, in := range g.cfg.InstancesOf(module.Managed, "aws_ecs_capacity_provider") {
		if in.Module != from.Module || in.UnknownCount {
			continue
		}
		if n, ok := knownString(in.Body.Value("name")); ok && n == name {
			if found != nil {
				return nil
			}
			found = in
		}
	}
	return found
}

// providerInstances follows a capacity provider to its Auto Scaling group's launch templates.
func (g *graph) providerInstances(cp *module.Instance) ([]*instanceGroup, bool) {
	for _, p := range cp.Body.BlocksOfType("auto_scaling_group_provider") {
		a := p.Body.Attributes["auto_scaling_group_arn"]
		if a == nil {
			return nil, false
		}
		r := g.refOf(cp, a.Expr, "aws_autoscaling_group")
		if r == nil {
			return nil, false
		}
		return g.asgInstances(r.inst)
	}
	return nil, false
}

// asgInstances follows an Auto Scaling group to its launch template(s).
func (g *graph) asgInstances(asg *module.Instance) ([]*instanceGroup, bool) {
	var specs []*module.Body
	for _, b := range asg.Body.BlocksOfType("launch_template") {
		specs = append(specs, b.Body)
	}
	for _, m := range asg.Body.BlocksOfType("mixed_instances_policy") {
		for _, lt := range m.Body.BlocksOfType("launch_template") {
			for _, sp := range lt.Body.BlocksOfType("launch_template_specification") {
				specs = append(specs, sp.Body)
			}
			for _, o := range lt.Body.BlocksOfType("override") {
				for _, sp := range o.Body.BlocksOfType("launch_template_specification") {
					specs = append(specs, sp.Body)
				}
			}
		}
	}
	if len(specs) == 0 {
		return nil, false // a launch configuration, or something not written here
	}
	var out []*instanceGroup
	for _, sp := range specs {
		var r *ref
		for _, name := range []string{"id", "name", "launch_template_id", "launch_template_name"} {
			if a := sp.Attributes[name]; a != nil {
				r = g.refOf(asg, a.Expr, "aws_launch_template")
				break
			}
		}
		if r == nil {
			return nil, false
		}
		out = append(out, g.launchTemplateGroup(r.inst))
	}
	return out, true
}

// launchTemplateGroup reads a launch template's security groups.
func (g *graph) launchTemplateGroup(lt *module.Instance) *instanceGroup {
	sgs := sgRefs{complete: true}
	merge := func(s sgRefs) {
		sgs.groups = append(sgs.groups, s.groups...)
		sgs.literals = append(sgs.literals, s.literals...)
		sgs.complete = sgs.complete && s.complete
	}
	merge(g.sgList(lt, lt.Body.Attributes["vpc_security_group_ids"]))
	if a := lt.Body.Attributes["security_group_names"]; a != nil && !a.Value.IsNull() {
		sgs.complete = false
	}
	for _, ni := range lt.Body.BlocksOfType("network_interfaces") {
		if ni.UnknownCount {
			sgs.complete = false
		}
		merge(g.sgList(lt, ni.Body.Attributes["security_groups"]))
	}
	if sgs.empty() {
		sgs.complete = false // the VPC's default security group, which is not in the configuration
	}
	return &instanceGroup{what: lt.Address, sgs: sgs}
}

// instanceSGGroup reads an aws_instance's security groups.
func (g *graph) instanceSGGroup(in *module.Instance) *instanceGroup {
	sgs := g.sgList(in, in.Body.Attributes["vpc_security_group_ids"])
	if a := in.Body.Attributes["security_groups"]; a != nil && !a.Value.IsNull() {
		sgs.complete = false
	}
	if len(in.Body.BlocksOfType("network_interface")) > 0 || sgs.empty() {
		sgs.complete = false
	}
	return &instanceGroup{what: in.Address, sgs: sgs}
}

// clusterInstances finds the launch templates and instances that join a cluster: their user_data refers to the
// cluster. Without any, the chain cannot be followed.
func (g *graph) clusterInstances(cluster *module.Instance) ([]*instanceGroup, bool) {
	if cluster == nil {
		return nil, false
	}
	var out []*instanceGroup
	for _, typ := range []string{"aws_launch_template", "aws_instance"} {
		for _, in := range g.cfg.InstancesOf(module.Managed, typ) {
			if in.Module != cluster.Module || !g.joins(in, cluster) {
				continue
			}
			if in.UnknownCount {
				return nil, false
			}
			if typ == "aws_instance" {
				out = append(out, g.instanceSGGroup(in))
			} else {
				out = append(out, g.launchTemplateGroup(in))
			}
		}
	}
	return out, len(out) > 0
}

// joins reports whether an instance's user_data refers to the cluster.
func (g *graph) joins(in *module.Instance, cluster *module.Instance) bool {
	a := in.Body.Attributes["user_data"]
	if a == nil {
		a = in.Body.Attributes["user_data_base64"]
	}
	if a == nil {
		return false
	}
	for _, tr := range traversals(in, a.Expr) {
		if r := g.resolveTraversal(in, tr); r != nil && r.inst == cluster {
			return true
		}
	}
	return false
}

// allContainerInstanceSGs returns the security groups of every launch template and instance that certainly
// runs ECS tasks: reached from a capacity provider, or joining a cluster through its user_data.
func (g *graph) allContainerInstanceSGs() []*securityGroup {
	var out []*securityGroup
	add := func(gs []*instanceGroup) {
		for _, ig := range gs {
			for _, sg := range ig.sgs.groups {
				out = appendUniqueSG(out, sg)
			}
		}
	}
	for _, cp := range g.cfg.InstancesOf(module.Managed, "aws_ecs_capacity_provider") {
		if cp.UnknownCount {
			continue
		}
		if gs, ok := g.providerInstances(cp); ok {
			add(gs)
		}
	}
	for _, c := range g.cfg.InstancesOf(module.Managed, "aws_ecs_cluster") {
		if c.UnknownCount {
			continue
		}
		if gs, ok := g.clusterInstances(c); ok {
			add(gs)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].inst.Address < out[j].inst.Address })
	return out
}

// ---- what a service's load balancer reaches in the task definition ----

// networkMode returns the launcher's task definition's network mode, when known.
func (l *launcher) networkMode() (types.NetworkMode, bool) {
	if l.td == nil {
		return "", false
	}
	return l.td.td.NetworkModeOf()
}

// lbMapping finds the container and port mapping a load_balancer block names. ok is false when any part is not
// certainly known; found is false (with ok) when the container or the port certainly is not in the task
// definition.
func (l *launcher) lbMapping(lb *serviceLB) (c *taskdef.Container, pm *taskdef.PortMapping, found, ok bool) {
	if l.td == nil || l.td.td.AnyContainerNameUnknown() {
		return nil, nil, false, false
	}
	name, okName := knownString(attrValue(lb.block.Body, "container_name"))
	port, okPort := knownInt(attrValue(lb.block.Body, "container_port"))
	if !okName || !okPort {
		return nil, nil, false, false
	}
	c = l.td.td.ByName()[name]
	if c == nil {
		return nil, nil, false, true
	}
	if c.PortMappings.Unknown {
		return c, nil, false, false
	}
	for _, m := range c.PortMappings.Items {
		if m.ContainerPortRange.Unknown || m.ContainerPortRange.Set {
			if inRange(m.ContainerPortRange, port) != no {
				return c, nil, false, false // inside a range, or perhaps: not a single mapping to reason about
			}
			continue
		}
		cp, known := m.ContainerPort.Get()
		if !known {
			return c, nil, false, false
		}
		if int(cp) == port {
			return c, m, true, true
		}
	}
	return c, nil, false, true
}

// inRange reports whether port is inside a containerPortRange value "first-last".
func inRange(v taskdef.Value[string], port int) tri {
	s, known := v.Get()
	if !known {
		return maybe
	}
	first, last, okSplit := strings.Cut(strings.TrimSpace(s), "-")
	if !okSplit {
		return maybe
	}
	a, errA := strconv.Atoi(strings.TrimSpace(first))
	b, errB := strconv.Atoi(strings.TrimSpace(last))
	if errA != nil || errB != nil {
		return maybe
	}
	if port >= a && port <= b {
		return yes
	}
	return no
}

// dynamicHostPort reports whether a load_balancer block of a bridge-mode service reaches a port mapping whose
// host port is dynamic (hostPort omitted or 0). It returns the container too, for messages.
func (l *launcher) dynamicHostPort(lb *serviceLB) (*taskdef.Container, *taskdef.PortMapping, bool) {
	if mode, ok := l.networkMode(); !ok || mode != types.NetworkModeBridge {
		return nil, nil, false
	}
	c, pm, found, ok := l.lbMapping(lb)
	if !ok || !found {
		return nil, nil, false
	}
	if pm.HostPort.Unknown {
		return nil, nil, false
	}
	if hp, _ := pm.HostPort.Get(); pm.HostPort.Set && hp != 0 {
		return nil, nil, false
	}
	return c, pm, true
}

// Types names every resource type the configuration rules read: instances of other types are never looked at,
// so the loader need not evaluate them (module.Options.Types). TestTypesNamesEveryTypeRead keeps it complete.
var Types = func() map[string]bool {
	out := map[string]bool{"aws_security_group_rule": true, "aws_vpc_security_group_ingress_rule": true}
	for typ := range Schemas {
		out[typ] = true
	}
	return out
}()
