#!/usr/bin/env bash
# providers-schema.sh: write the provider's schema JSON ("providers schema -json") with the chosen CLI.
#
#   scripts/providers-schema.sh PROVIDER_BINARY OUT.json
#
# Feed OUT.json to "tfplugindocs generate --provider-name ecskit --providers-schema OUT.json", which then never
# runs a CLI itself. That matters for OpenTofu: tfplugindocs' own run declares the provider without a source, which
# OpenTofu resolves on its own registry host, so its plugin directory under registry.terraform.io is not found.
#
# The CLI is $TF_ACC_TERRAFORM_PATH, chosen by scripts/find-terraform.sh when unset (Terraform or OpenTofu).
# The provider is installed from a local plugin directory, so nothing is downloaded. It is declared as
# registry.terraform.io/hashicorp/ecskit because that is the key tfplugindocs looks the schema up by.
set -euo pipefail

log() { printf 'providers-schema: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# The whole script is one function so that bash has read all of it before running any of it.
main() {
	[ $# -eq 2 ] || die "usage: $0 PROVIDER_BINARY OUT.json (build the binary first, e.g. go build -o bin/terraform-provider-ecskit .)."
	provider="$1"
	out="$2"
	[ -f "$provider" ] && [ -x "$provider" ] || die "provider binary \"$provider\" does not exist or is not executable; build it first."

	if [ -z "${TF_ACC_TERRAFORM_PATH:-}" ]; then
		eval "$("$(dirname "${BASH_SOURCE[0]}")/find-terraform.sh")"
	fi
	tf="$TF_ACC_TERRAFORM_PATH"

	work="$(mktemp -d)"
	trap 'rm -rf "$work"' EXIT

	platform="$(go env GOOS)_$(go env GOARCH)"
	plugin_dir="$work/plugins/registry.terraform.io/hashicorp/ecskit/0.0.1/$platform"
	mkdir -p "$plugin_dir"
	cp "$provider" "$plugin_dir/terraform-provider-ecskit"
	cat >"$work/main.tf" <<-'HCL'
	terraform {
	  required_providers {
	    ecskit = {
	      source = "registry.terraform.io/hashicorp/ecskit"
	    }
	  }
	}
	HCL
	# An empty CLI configuration keeps the user's (or a missing one's warning) out of the run.
	: >"$work/cli.tfrc"

	export TF_CLI_CONFIG_FILE="$work/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
	unset TF_PLUGIN_CACHE_DIR
	(cd "$work" && "$tf" init -input=false -backend=false -plugin-dir="$work/plugins" >"$work/init.log" 2>&1) || {
		cat "$work/init.log" >&2
		die "\"$tf init\" failed (output above)."
	}
	mkdir -p "$(dirname "$out")"
	(cd "$work" && "$tf" providers schema -json) >"$out.tmp" || die "\"$tf providers schema -json\" failed."
	grep -q '"registry.terraform.io/hashicorp/ecskit"' "$out.tmp" ||
		die "the schema from $tf has no entry for registry.terraform.io/hashicorp/ecskit; see $out.tmp."
	mv -f "$out.tmp" "$out"
	log "wrote the provider schema to $out using $tf."
}

main "$@"
exit
