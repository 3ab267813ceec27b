package module

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecskit/terraform-provider-ecskit/lint/tffunc"
)

// Bounds that keep Load finite on any input.
const (
	// MaxModuleDepth is the deepest chain of module calls Load follows.
	MaxModuleDepth = 32
	// MaxInstances is the most instances one count, for_each or dynamic block may create.
	MaxInstances = 10000
	// MaxObjects is the most module, resource, data and dynamic-block instances one Load creates in total.
	MaxObjects = 100000
	// MaxJSONBytes is the most JSON text jsonencode writes in one Load: a small file can encode a large value
	// once per instance of a count. Beyond it, jsonencode fails and its values are unknown.
	MaxJSONBytes = 16 << 20
)

// Options configures Load. The zero value loads a module with no variable values and no data-source evaluators.
type Options struct {
	// VarFiles are -var-file paths (.tfvars in HCL, or .tfvars.json), applied in order after terraform.tfvars and
	// *.auto.tfvars. Relative paths are relative to the process's working directory. Without VarFiles and Vars,
	// the variables that the directory's other *.tfvars and *.tfvars.json files set are unknown (the run
	// chooses one of those files); with either, only what they give counts.
	VarFiles []string
	// Vars are -var arguments, "name=value", applied in order after VarFiles.
	Vars []string
	// DataSources maps a data source type (e.g. "ecskit_task_definition") to its evaluator. Data sources of
	// other types evaluate to unknown.
	DataSources map[string]DataSource
	// Schemas maps a resource or data source type to the nested blocks of its body, needed to read .tf.json.
	Schemas map[string]*BlockSchema
	// AllowedDir bounds what file functions read and where local module sources may point (after resolving
	// symbolic links). Default: the loaded directory. Set it to a repository root to follow "../modules/x".
	AllowedDir string
	// MaxFileSize caps the size of every file read, in bytes. Default: 10 MiB.
	MaxFileSize int64
	// Types, when set, limits the resource and data source instances Load produces to the listed types. Blocks of
	// other types are neither expanded nor evaluated, and are not in Config.Instances; references to them are
	// unknown, as references to resources always are. A linter that reads a few types saves the evaluation of
	// all the others (IAM policies, log groups...). Nil produces every type.
	Types map[string]bool
	// ParseCache, when set, keeps parsed files for the other Loads of the same run, which may run concurrently.
	// Without it every Load parses the files it reads.
	ParseCache *ParseCache
	// CallModuleType says which module calls are followed, in tflint's manner: "all" (the default when ""):
	// local calls and remote calls installed by terraform init; "local": only sources starting with ./ or ../;
	// "none": no module call. A call not followed is unknown (module.NAME), without a warning.
	CallModuleType string
	// Root, when set, says whether the loaded directory is a root module (true) or a reusable module (false),
	// overriding the detection (see the package documentation and Config.Reusable).
	Root *bool
}

// Values of Options.CallModuleType.
const (
	CallAll   = "all"
	CallLocal = "local"
	CallNone  = "none"
)

// DataSource evaluates one data source type statically.
type DataSource struct {
	// Spec decodes the data block's body (count, for_each, provider, depends_on and lifecycle removed) into the
	// config value; dynamic blocks in it are expanded first.
	Spec hcldec.Spec
	// Eval computes the data source's attributes from its config. The config may contain unknown values; Eval
	// should then return unknown values for what depends on them. Diagnostics it returns are added to Load's as
	// they are. If it returns errors, the data source is unknown.
	Eval func(config cty.Value) (cty.Value, hcl.Diagnostics)
	// EvalBody, when set, is called instead of Eval, with the instance too: the Instance that Config.Instances
	// will hold, its Body evaluated as Eval's config is (the attributes with their expressions and source
	// ranges). Besides the value it returns a result of its own, which the loader keeps on the instance
	// (Instance.Result), so that what the evaluation computed (ecslint: the composed task definition and the
	// findings placed on the body's ranges) is computed once.
	EvalBody func(config cty.Value, in *Instance) (cty.Value, any, hcl.Diagnostics)
}

// BlockSchema names the nested block types of a body, each with the schema of its own body (nil: no nested
// blocks). Only .tf.json needs it; for example {"ingress": nil, "egress": nil} for aws_security_group.
type BlockSchema struct {
	Blocks map[string]*BlockSchema
}

func (s *BlockSchema) child(name string) *BlockSchema {
	if s == nil {
		return nil
	}
	return s.Blocks[name]
}

// Mode tells a resource from a data source.
type Mode int

const (
	// Managed is a resource block.
	Managed Mode = iota
	// Data is a data block.
	Data
)

// String returns "managed" or "data".
func (m Mode) String() string {
	if m == Data {
		return "data"
	}
	return "managed"
}

// Config is a loaded and evaluated module tree.
type Config struct {
	// Instances holds every resource and data source instance of the tree, sorted by Address.
	Instances []*Instance
	// Files holds every parsed file by file name (the name used in ranges), for printing diagnostics with
	// hcl.NewDiagnosticTextWriter.
	Files map[string]*hcl.File
	// Reader is the file reader of the module's file functions (nil when the directory could not be loaded),
	// for reading further files inside the same allowed directory, with the same size cap and cache. Like
	// tffunc.Files, it is not safe for concurrent use.
	Reader *tffunc.Files
	// Reusable is true when the loaded directory was treated as a reusable module: its variables that the run
	// does not set (Options.VarFiles, Options.Vars, terraform.tfvars, *.auto.tfvars) are unknown, their defaults
	// are not values.
	Reusable bool
	// Called holds the directories (absolute, symbolic links resolved, sorted) of the modules that calls led
	// to and that have at least one instance: the modules evaluated with their callers' inputs. A call whose
	// count is 0 or whose for_each is empty leads to none.
	Called []string
	// Sensitive holds the strings of the tree's sensitive values (sensitive(), variables declared sensitive),
	// sorted: the values are read as any other, with their marks removed, and nothing printed may quote them.
	Sensitive []string
}

// Call is one module call on the path from the root module to an instance, outermost first.
type Call struct {
	// Name is the module block's label.
	Name string
	// Address is the module instance's full address, e.g. `module.svc["a"]`.
	Address string
	// DefRange is the `module "x"` block header, in the caller's file.
	DefRange hcl.Range
	// Args holds each input argument's expression range in the caller, by variable name.
	Args map[string]hcl.Range
	// Source is the source as written; Version the version argument, "" when none.
	Source  string
	Version string
	// Dir is the directory the module was loaded from (display form, as in ranges).
	Dir string
	// Installed is true for a module loaded from .terraform/modules (modules.json), not from a local path.
	Installed bool
}

// InstancesOf returns the instances of one mode and type, in address order.
func (c *Config) InstancesOf(mode Mode, typ string) []*Instance {
	var out []*Instance
	for _, in := range c.Instances {
		if in.Mode == mode && in.Type == typ {
			out = append(out, in)
		}
	}
	return out
}

// Instance is one resource or data source instance.
type Instance struct {
	Mode Mode
	Type string
	Name string
	// Module is the module instance's address, "" for the root module, e.g. `module.svc["a"].module.td`.
	Module string
	// Key is the instance key: cty.NilVal without count and for_each, a number for count, a string for for_each;
	// unknown when UnknownCount.
	Key cty.Value
	// Address is the full Terraform address, e.g. `module.svc["a"].aws_ecs_service.this[0]`. An unknown key
	// is written [*].
	Address string
	// DefRange is the range of the block header (`resource "aws_ecs_service" "this"`).
	DefRange hcl.Range
	// UnknownCount is true when this instance, or a module instance that contains it, comes from a count or
	// for_each whose value is unknown: it stands for any number of instances, perhaps none.
	UnknownCount bool
	// Body is the evaluated body, without the meta-arguments count, for_each, provider, depends_on and the
	// lifecycle, provisioner and connection blocks.
	Body *Body
	// Calls is the chain of module calls from the root module to this instance's module, outermost first;
	// empty in the root module. Instances of one module instance share it: do not modify it.
	Calls []Call
	// Result is what the data source's evaluator returned besides the value (DataSource.EvalBody); nil when it
	// has none, or was not called: the data source is in a reference cycle, or its body does not decode.
	Result any
}

// Body is an evaluated block body.
type Body struct {
	// Attributes by name.
	Attributes map[string]*Attribute
	// Blocks in source order, dynamic blocks expanded in place.
	Blocks []*Block
	// Range is the body's range: the braces in native syntax; in JSON from the first attribute to the closing
	// brace. It locates findings about something missing from the body.
	Range hcl.Range
}

// Value returns the value of the named attribute, or a null value when the attribute is absent.
func (b *Body) Value(name string) cty.Value {
	if a := b.Attributes[name]; a != nil {
		return a.Value
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// BlocksOfType returns the nested blocks of one type, in source order.
func (b *Body) BlocksOfType(typ string) []*Block {
	var out []*Block
	for _, blk := range b.Blocks {
		if blk.Type == typ {
			out = append(out, blk)
		}
	}
	return out
}

// AttributeNames returns the attribute names in sorted order.
func (b *Body) AttributeNames() []string {
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Attribute is one evaluated attribute.
type Attribute struct {
	Name string
	// Expr is the expression as written. Walk it (after hcl.UnwrapExpression; native syntax gives hclsyntax
	// nodes) and evaluate any sub-expression with Ctx for precise ranges.
	Expr hcl.Expression
	// Range covers the whole attribute, name included; Expr.Range() covers the value.
	Range hcl.Range
	// Value is Expr evaluated in Ctx; unknown when evaluation failed (a warning says why).
	Value cty.Value
	// Ctx is the evaluation context of this attribute: the module instance's variables, locals, modules, data
	// sources and resources, count or each, and the iterators of enclosing dynamic blocks.
	Ctx *hcl.EvalContext
	// JSONArg is, when Expr is a call jsonencode(x) that evaluated without errors, the value of x as jsonencode
	// received it, marks included; cty.NilVal otherwise. It spares evaluating x again to walk it.
	JSONArg cty.Value
	// Vars are the names of the module's input variables (var.NAME) that the expression reads, directly or
	// through the module's locals and evaluated data sources; sorted, without duplicates, nil when none. They
	// trace a value in a called module back to the arguments of its call (Call.Args).
	Vars []string
}

// Block is one nested block.
type Block struct {
	Type   string
	Labels []string
	// DefRange is the block header in native syntax. In JSON it is the opening brace of the block's object, or,
	// when the blocks are written as an array, the array's opening bracket for every element (use Body.Range).
	DefRange hcl.Range
	Body     *Body
	// UnknownCount is true for the one block that stands for a dynamic block whose for_each is unknown.
	UnknownCount bool
}
