package lint

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ecskit/terraform-provider-ecskit/lint/findings"
	"github.com/ecskit/terraform-provider-ecskit/lint/module"
)

// throughCalls gives the findings about instances of called modules their
// way through the module calls (Finding.Callers), and moves those inside an
// installed module to where the user can act on them:
//
//   - In a local module (the user's own code) a finding stays where it is,
//     in the module's file, where the fix usually is; its callers name the
//     calls that gave the values.
//   - In an installed module (.terraform/modules, written by someone else
//     and rewritten by every terraform init) a finding is placed at the call
//     in the user's code: the argument that carried the value where it can be
//     traced (the attribute's input variables, Attribute.Vars, to the call's
//     arguments, Call.Args), else the module block; its message names the
//     resource and the place inside the module, which is also its last
//     caller.
//
// Configuration-rule findings are matched to their instance by address.
func throughCalls(cfg *module.Config, fs []findings.Finding) {
	var byAddr map[string]*module.Instance
	for i := range fs {
		f := &fs[i]
		if f.Address == "" {
			continue
		}
		if byAddr == nil {
			byAddr = map[string]*module.Instance{}
			for _, in := range cfg.Instances {
				if len(in.Calls) > 0 {
					byAddr[in.Address] = in
				}
			}
			if len(byAddr) == 0 {
				return
			}
		}
		if in := byAddr[f.Address]; in != nil {
			placeThroughCalls(f, in)
		}
	}
}

func placeThroughCalls(f *findings.Finding, in *module.Instance) {
	calls := in.Calls
	f.Callers = make([]findings.Caller, len(calls))
	for i, c := range calls {
		f.Callers[i] = findings.Caller{Address: c.Address, Range: c.DefRange}
	}
	// The innermost call's argument that carried the value.
	if a := attributeAt(in.Body, f.Range); a != nil {
		last := calls[len(calls)-1]
		for _, v := range a.Vars {
			if rng, ok := last.Args[v]; ok {
				f.Callers[len(calls)-1].Range = rng
				break
			}
		}
	}
	k := -1
	for i, c := range calls {
		if c.Installed {
			k = i
			break
		}
	}
	if k < 0 || f.Range.Filename == "" {
		return
	}
	c := calls[k]
	from := fmt.Sprintf("the module %q", c.Source)
	if c.Version != "" {
		from += " " + c.Version
	}
	inner := f.Range
	f.Message = fmt.Sprintf("In %s (%s, installed by terraform init), %s at %s: %s",
		in.Module, from, resourceInModule(in), rangeText(inner), f.Message)
	f.Range = f.Callers[k].Range
	f.Callers = append(f.Callers, findings.Caller{Address: in.Address, Range: inner, Inside: true})
}

// resourceInModule is the instance's address inside its module: without the
// module path.
func resourceInModule(in *module.Instance) string {
	if in.Module != "" {
		return strings.TrimPrefix(in.Address, in.Module+".")
	}
	return in.Address
}

func rangeText(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// attributeAt returns the attribute of b (or of its nested blocks) whose
// source contains rng, or nil.
func attributeAt(b *module.Body, rng hcl.Range) *module.Attribute {
	if b == nil || rng.Filename == "" {
		return nil
	}
	for _, a := range b.Attributes {
		if contains(a.Range, rng) {
			return a
		}
	}
	for _, blk := range b.Blocks {
		if a := attributeAt(blk.Body, rng); a != nil {
			return a
		}
	}
	return nil
}

func contains(outer, inner hcl.Range) bool {
	return outer.Filename == inner.Filename && outer.Start.Byte <= inner.Start.Byte && inner.End.Byte <= outer.End.Byte
}
