#!/usr/bin/env bash
# demo.sh BIN_DIR: shows ecskit working end to end with the programs built into BIN_DIR.
#
# 1. Points terraform at the freshly built provider through a temporary CLI configuration with dev_overrides
#    (TF_CLI_CONFIG_FILE is replaced for these commands only, even if it is already set), so nothing is installed
#    or downloaded.
# 2. Runs `terraform plan` on examples/quickstart: the composed container_definitions JSON.
# 3. Runs `terraform plan` on examples/invalid-fargate-size, which must fail with a readable validation error.
# 4. Runs ecslint on examples/ecslint-findings, which has real findings (when ecslint is built).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin="${1:?usage: demo.sh BIN_DIR}"
bin="$(cd "$bin" && pwd -P)"

eval "$(scripts/find-terraform.sh)"
tf="$TF_ACC_TERRAFORM_PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/terraformrc" <<HCL
provider_installation {
  dev_overrides {
    "registry.terraform.io/ecskit/ecskit" = "$bin"
    "registry.opentofu.org/ecskit/ecskit" = "$bin"
  }
  direct {}
}
HCL
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

banner() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# plan copies an example to the work dir (so the repository stays clean) and plans it.
plan() {
	rm -rf "$work/example"
	cp -R "examples/$1" "$work/example"
	local status=0
	"$tf" -chdir="$work/example" plan -input=false -no-color >"$work/plan.log" 2>&1 || status=$?
	# Drop the notice that dev_overrides are in effect: it is this demo's own set-up.
	awk '/Provider development overrides are in effect|The following provider development overrides/ {skip=1}
	     skip && /releases\./ {skip=0; next}
	     !skip' "$work/plan.log" | cat -s
	return "$status"
}

banner "terraform plan examples/quickstart: a Fargate task composed with ecskit"
plan quickstart

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
