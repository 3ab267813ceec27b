#!/usr/bin/env bash
# demo.sh BIN_DIR: shows ecskit working end to end, with the provider installed as users install it.
#
# 1. Builds the provider's release for this machine (scripts/dist: the zip, manifest and SHA256SUMS goreleaser
#    makes) and lays the zip out as a filesystem mirror; a temporary CLI configuration installs ecskit/ecskit from
#    that mirror and nothing else (TF_CLI_CONFIG_FILE is replaced for these commands only, even if it is already
#    set). No dev_overrides, and nothing is downloaded.
# 2. Runs `terraform init` and `terraform plan` on examples/quickstart: the provider installed, the lock file with
#    the zip's hash, and the composed container_definitions JSON.
# 3. Runs `terraform plan` on examples/invalid-fargate-size, which must fail with a readable validation error.
# 4. Runs ecslint (BIN_DIR/ecslint) on examples/ecslint-findings, which has real findings (when ecslint is built).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin="${1:?usage: demo.sh BIN_DIR}"
bin="$(cd "$bin" && pwd -P)"

eval "$(scripts/find-terraform.sh)"
tf="$TF_ACC_TERRAFORM_PATH"
# The registry host the CLI resolves "ecskit/ecskit" on (registry.opentofu.org for OpenTofu).
host="${TF_ACC_PROVIDER_HOST:-registry.terraform.io}"
version=0.0.1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go run ./scripts/dist -version "$version" -platforms host -out "$work/dist" -mirror "$work/mirror" -host "$host" >"$work/dist.log" ||
	{
		cat "$work/dist.log" >&2
		exit 1
	}
cat >"$work/terraformrc" <<HCL
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["$host/ecskit/ecskit"]
  }
  direct {
    exclude = ["$host/ecskit/ecskit"]
  }
}
HCL
unset TF_PLUGIN_CACHE_DIR TF_REATTACH_PROVIDERS TF_DATA_DIR
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

banner() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# plan copies an example to the work dir (so the repository stays clean), installs the provider into it from the
# mirror with init, and plans it.
plan() {
	rm -rf "$work/example"
	cp -R "examples/$1" "$work/example"
	"$tf" -chdir="$work/example" init -input=false -no-color >"$work/init.log" 2>&1 || {
		cat "$work/init.log" >&2
		echo "demo: terraform init could not install the provider from the mirror $work/mirror (its output is above)" >&2
		exit 1
	}
	grep -E '^- (Installing|Installed)' "$work/init.log" || true
	local status=0
	"$tf" -chdir="$work/example" plan -input=false -no-color >"$work/plan.log" 2>&1 || status=$?
	cat -s "$work/plan.log"
	return "$status"
}

banner "the release for this machine (scripts/dist, as make dist builds it), its zip laid out as a filesystem mirror"
sed -n 's/^  /  /p' "$work/dist.log"
echo "CLI configuration ($TF_CLI_CONFIG_FILE):"
sed 's/^/  /' "$work/terraformrc"

banner "terraform init + plan examples/quickstart: a Fargate task composed with ecskit"
plan quickstart
echo "The lock file init wrote (its h1 hash is the zip's, listed above):"
sed 's/^/  /' "$work/example/.terraform.lock.hcl"

banner "terraform plan examples/invalid-fargate-size: ecskit stops a task AWS would reject"
if plan invalid-fargate-size; then
	echo "demo: expected this plan to fail validation, but it passed" >&2
	exit 1
fi
echo "(the plan failed as it should: nothing reached apply)"

if [ -x "$bin/ecslint" ] && [ -d examples/ecslint-findings ]; then
	banner "ecslint examples/ecslint-findings: findings in plain Terraform code"
	status=0
	"$bin/ecslint" examples/ecslint-findings || status=$?
	if [ "$status" -ne 1 ]; then
		echo "demo: expected ecslint to report findings (exit 1), got exit $status" >&2
		exit 1
	fi
	echo "(ecslint exited 1: findings at or above its --fail-on level)"
fi

banner "done"
