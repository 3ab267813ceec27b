package provider

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// factories serve the provider in-process to the terraform binary the
// acceptance tests run (TF_ACC=1, TF_ACC_TERRAFORM_PATH).
var factories = map[string]func() (tfprotov6.ProviderServer, error){
	"ecskit": providerserver.NewProtocol6WithError(New("test")()),
}

// needTerraform skips acceptance tests unless TF_ACC is set: they run a real
// terraform binary (TF_ACC_TERRAFORM_PATH; `make testacc` finds one), and
// without one the testing framework would try to download it.
func needTerraform(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make testacc does) to run it against terraform")
	}
}

// unitTest runs steps against the provider, in parallel with the other
// acceptance tests: each step is a terraform run of a second or two.
func unitTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	needTerraform(t)
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: factories, Steps: steps})
}

// diagRE matches the parts, in order, in diagnostics that terraform may have
// wrapped: every run of spaces in a part matches any run of white space.
func diagRE(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = wrapped(p)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*?`))
}

// wrapped is the pattern of text that terraform may have wrapped.
func wrapped(text string) string {
	words := strings.Fields(text)
	for j, w := range words {
		words[j] = regexp.QuoteMeta(w)
	}
	return strings.Join(words, `\s+`)
}
