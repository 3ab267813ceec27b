package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// withComputed returns the configuration value with its computed top-level
// attributes set: a data source's state is its configuration plus what it
// computed.
func withComputed(cfg tftypes.Value, computed map[string]tftypes.Value) (tftypes.Value, error) {
	var attrs map[string]tftypes.Value
	if err := cfg.As(&attrs); err != nil {
		return tftypes.Value{}, err
	}
	for k, v := range computed {
		if _, ok := attrs[k]; !ok {
			return tftypes.Value{}, fmt.Errorf("no attribute %q in the schema", k)
		}
		attrs[k] = v
	}
	return tftypes.NewValue(cfg.Type(), attrs), nil
}

func tfString(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func tfNullString() tftypes.Value { return tftypes.NewValue(tftypes.String, nil) }

func tfStringOrNull(s string) tftypes.Value {
	if s == "" {
		return tfNullString()
	}
	return tfString(s)
}
