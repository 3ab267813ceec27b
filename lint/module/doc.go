// Package module loads a Terraform module directory and evaluates it statically, the way ecslint needs it: every
// resource and data source instance of the module tree, with each attribute's expression, source range, value
// and evaluation context.
//
// # What Load does
//
//   - Parses every .tf and .tf.json file of the directory once (with Options.ParseCache, once per run). Files
//     whose names start with "." or "#" or end with "~" are skipped, as Terraform skips them; subdirectories
//     (including .terraform) are not read. Override files (override.tf, *_override.tf and their .tf.json
//     forms) are NOT merged: they are ignored with a warning that says so.
//   - Variables: defaults, then terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in lexical order,
//     then Options.VarFiles in order, then Options.Vars in order (Terraform interleaves -var and -var-file in
//     command-line order; here all files come before all -var values). A -var value is a literal string for
//     variables without a type or with a primitive type, and an HCL expression otherwise, as in Terraform.
//     Without Options.VarFiles and Options.Vars, a variable that one of the loaded directory's other variable
//     files sets (*.tfvars, *.tfvars.json: those Terraform reads only when -var-file names them) is unknown of
//     its type: the directory is run with one of them, which one is the run's choice, and it would override
//     the default and the auto-loaded files. Only the names those files set are read, not their values.
//     Type constraints (with optional attributes and their defaults) are applied with go-cty's convert. A
//     variable without a default and without a value is unknown of its type.
//   - Root and reusable modules: a directory with a provider block, or a terraform block with a backend or a
//     cloud block, is a root module, what Terraform applies: its variable defaults are values. Any other
//     directory is a reusable module: its variables are its callers' choice, so each one the run does not set
//     (tfvars files, Options.VarFiles, Options.Vars) is unknown of its type, whatever its default; literals are
//     values in both. Options.Root overrides the detection; Config.Reusable tells which was used. Modules
//     called from the loaded directory take the defaults of the variables their call does not set, as in
//     Terraform.
//   - Evaluation follows Terraform's graph, across module boundaries: each input variable, local, output of a
//     called module, data source that has an evaluator (Options.DataSources) and module expansion (count,
//     for_each) is a node, evaluated for every instance of its module once what it references is; every object
//     of a module waits for the module's expansion, and a reference to a whole module (module.NAME without an
//     output) waits for all of it. So two modules that read each other's outputs evaluate fully, as Terraform
//     plans them. A cycle is an error only where Terraform reports one (the tests compare with terraform
//     validate); it names its members with their ranges, and only the values in it are unknown (a module
//     expansion in a cycle gives one instance of unknown key). Resources are not nodes (their values are
//     unknown anyway), so a cycle that runs through a resource is left to terraform validate.
//   - Module calls are followed recursively, their inputs evaluated in the caller, and their outputs are
//     module.NAME.OUTPUT in the caller. Local calls (sources starting with "./" or "../") are read from their
//     directory. Remote calls (registry, git and any other source) are read where terraform init or tofu init
//     installed them: the root module's .terraform/modules/modules.json names, for each call by its chain of
//     call names ("ecs", "ecs.service"), the source, version and directory (relative to the root module).
//     Installed modules may live under .terraform; their file functions read inside Options.AllowedDir as
//     any module's do. A remote call with no manifest, or missing from it, is skipped with a warning that
//     says to run terraform init; so is one whose entry no longer matches the call (another source, or a
//     version outside the call's constraint: "out of date"). Registry sources compare without the default
//     registry's host, which Terraform and OpenTofu record differently. A skipped call's module.NAME is
//     unknown. Local sources outside Options.AllowedDir are skipped with a warning. A module that calls
//     itself, directly or through others, is an error; so is nesting deeper than MaxModuleDepth. Each module
//     directory is parsed once however often it is called.
//   - Every instance names the chain of module calls that led to it (Instance.Calls: each call's block header,
//     argument ranges, source, version and directory), and every attribute the input variables it reads
//     (Attribute.Vars, directly or through locals and evaluated data sources), so a finding inside a called
//     module can be reported at the argument of the call that carried the value. Options.CallModuleType
//     ("all", "local", "none") limits which calls are followed, in tflint's manner.
//   - References to resources and to data sources without an evaluator are unknown (cty.DynamicVal).
//   - Only what can be read is evaluated: the root module's outputs are not (nothing reads them), nor, with
//     Options.Types, the resources and data sources of other types.
//   - count and for_each (a map, an object or a set of strings) expand resources, data sources and module calls.
//     dynamic blocks expand where their for_each is known.
//
// # Unknown means silent
//
// An unknown count or for_each (say, depending on a variable without a default) does not drop the object:
// Load produces one instance whose key is unknown and whose UnknownCount is true. It stands for "any number of
// instances, perhaps none". Its values that depend on count.index or each are unknown, its other values are
// known. Dropping it instead would make rules that look for a missing object (no security-group rule admits
// the dynamic port range) report findings that may be false. The same holds for dynamic blocks (Block.UnknownCount).
// Rules must therefore never report the mere presence of an UnknownCount object, only mistakes in its known
// values.
//
// # Errors
//
// Load never panics on bad input and never stops at the first problem. Its diagnostics are deterministic: the
// same input gives the same diagnostics in the same order. Parse errors, cycles, self-calling
// modules, exceeded bounds and file reads outside the allowed directory are errors. Other evaluation problems
// (a call to a function ecslint does not know, a type mismatch) make that one value unknown and are reported as
// warnings; in a called module, the warning names the module instance and its call, where the values may come
// from. A call to a function of another provider (provider::aws::…) is no problem: its value is unknown. Every diagnostic carries a source range where there is one.
//
// # File access
//
// file, fileexists, filebase64 and templatefile resolve relative paths against the loaded directory (Terraform's
// working directory), resolve symbolic links, and read only inside Options.AllowedDir (default: the loaded
// directory); path.module is relative to the loaded directory and path.cwd is its absolute path, so
// "${path.module}/x.json" works as in Terraform. Files larger than Options.MaxFileSize are refused.
//
// # Blocks in .tf.json
//
// Native HCL tells blocks from attributes by syntax. JSON cannot, so Options.Schemas says, per resource or data
// source type, which keys are nested blocks (recursively). A key not named there is an attribute.
package module
