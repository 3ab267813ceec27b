#!/usr/bin/env bash
# find-terraform.sh: choose the Terraform-compatible CLI that acceptance tests and docs generation use.
#
# Prints shell lines on stdout for the caller to eval:
#
#   eval "$(scripts/find-terraform.sh)"
#
# The lines export TF_ACC_TERRAFORM_PATH (the absolute path of the binary) and ECSKIT_TF_FLAVOR ("terraform" or
# "opentofu"). For OpenTofu they also export TF_ACC_PROVIDER_HOST=registry.opentofu.org; for Terraform they
# unset it, because with Terraform it breaks provider installation in acceptance tests.
#
# Choice, first match wins:
#   1. TF_ACC_TERRAFORM_PATH already set (by an outer make, .ci/run or by hand): kept, its flavor detected.
#   2. "terraform" on PATH, unless --tofu (or ECSKIT_TF_FLAVOR=opentofu) asks for OpenTofu.
#   3. "tofu" on PATH.
#   4. OpenTofu built earlier into the tool cache.
#   5. OpenTofu built now from its Go module (about 4 minutes on 2 cores), then cached.
# Nothing is downloaded except through the go command.
#
# Environment:
#   ECSKIT_TOFU_VERSION  OpenTofu module version to build (default v1.9.0).
#   ECSKIT_TOOLS_DIR     Tool cache (default "$(go env GOPATH)/ecskit-tools"); kept across clones.
#
# Progress and errors go to stderr; stdout carries only the shell lines. On failure stdout is the single command
# "false", so that `eval "$(scripts/find-terraform.sh)"` fails too (eval of an empty string would succeed).
set -euo pipefail
export CHECKPOINT_DISABLE=1 # no update check when asking a binary for its version

log() { printf 'find-terraform: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# quote prints $1 as a single-quoted shell word.
quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# works reports whether binary $1 answers "version" (a missing TF_CLI_CONFIG_FILE only warns on stderr).
works() { "$1" version >/dev/null 2>&1; }

# flavor_of prints "opentofu" or "terraform" from what binary $1 says its name is.
flavor_of() {
	case "$("$1" version 2>/dev/null | head -n 1)" in
	OpenTofu*) echo opentofu ;;
	*) echo terraform ;;
	esac
}

# emit prints the export lines for binary $1 of flavor $2 (terraform or opentofu).
emit() {
	local bin="$1" flavor="$2"
	bin="$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin")"
	log "using $flavor at $bin ($("$bin" version 2>/dev/null | head -n 1))"
	echo "export TF_ACC_TERRAFORM_PATH=$(quote "$bin")"
	echo "export ECSKIT_TF_FLAVOR=$(quote "$flavor")"
	if [ "$flavor" = "opentofu" ]; then
		echo "export TF_ACC_PROVIDER_HOST='registry.opentofu.org'"
	else
		echo "unset TF_ACC_PROVIDER_HOST"
	fi
}

# on_exit removes an unfinished build and, on failure, prints "false" for the caller's eval.
on_exit() {
	local rc=$?
	if [ -n "${work:-}" ]; then
		chmod -R u+w "$work" 2>/dev/null || true
		rm -rf "$work"
	fi
	if [ "$rc" -ne 0 ]; then
		echo false
	fi
}

# The whole script is one function so that bash has read all of it before running any of it.
main() {
	work=""
	trap on_exit EXIT
	tofu_version="${ECSKIT_TOFU_VERSION:-v1.9.0}"
	tofu_module="github.com/opentofu/opentofu"
	want_tofu=false

	while [ $# -gt 0 ]; do
		case "$1" in
		--tofu) want_tofu=true ;;
		-h | --help)
			sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0" >&2
			exit 0
			;;
		*) die "unknown argument \"$1\"; the only option is --tofu (use OpenTofu even when terraform is on PATH)." ;;
		esac
		shift
	done
	if [ "${ECSKIT_TF_FLAVOR:-}" = "opentofu" ]; then
		want_tofu=true
	fi

	# A binary chosen earlier (by an outer make or .ci/run, or by hand) stays chosen.
	if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then
		bin="$TF_ACC_TERRAFORM_PATH"
		[ -x "$bin" ] && works "$bin" ||
			die "TF_ACC_TERRAFORM_PATH=$bin does not run \"version\"; point it at a working terraform or tofu binary, or unset it."
		flavor="$(flavor_of "$bin")"
		if $want_tofu && [ "$flavor" != "opentofu" ]; then
			die "--tofu was asked for, but TF_ACC_TERRAFORM_PATH=$bin is Terraform; unset TF_ACC_TERRAFORM_PATH."
		fi
		emit "$bin" "$flavor"
		exit 0
	fi

	if ! $want_tofu; then
		if bin="$(command -v terraform)" && [ -x "$bin" ]; then
			works "$bin" || die "\"$bin version\" fails; fix that terraform or remove it from PATH so OpenTofu is used."
			emit "$bin" terraform
			exit 0
		fi
	fi
	if bin="$(command -v tofu)" && [ -x "$bin" ] && works "$bin"; then
		emit "$bin" opentofu
		exit 0
	fi

	command -v go >/dev/null 2>&1 || die "neither terraform nor tofu is on PATH, and go is missing, so OpenTofu cannot be built; install Go or put terraform on PATH."
	tools_dir="${ECSKIT_TOOLS_DIR:-$(go env GOPATH)/ecskit-tools}"
	dest_dir="$tools_dir/tofu-$tofu_version"
	dest="$dest_dir/tofu"

	if [ -x "$dest" ] && works "$dest"; then
		emit "$dest" opentofu
		exit 0
	fi

	mkdir -p "$dest_dir" || die "cannot create the tool cache $dest_dir; set ECSKIT_TOOLS_DIR to a writable directory."

	# One build at a time: a second caller waits for the first and then reuses its binary.
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$dest_dir/.lock"
		flock 9
		if [ -x "$dest" ] && works "$dest"; then
			emit "$dest" opentofu
			exit 0
		fi
	fi

	log "no terraform on PATH; building OpenTofu $tofu_version from its Go module into $dest (takes about 4 minutes)."
	work="$(mktemp -d "$dest_dir/build.XXXXXX")"

	# Download outside any module so this repository's go.mod and go.sum stay untouched.
	info="$(cd "$work" && GO111MODULE=on GOFLAGS=-mod=mod go mod download -json "$tofu_module@$tofu_version")" ||
		die "go mod download $tofu_module@$tofu_version failed: $info"
	src="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
	[ -n "$src" ] && [ -d "$src" ] || die "go mod download printed no module directory for $tofu_module@$tofu_version: $info"

	# The module cache is read-only and "go install" refuses the module's replace directives: build a copy.
	cp -R "$src" "$work/src"
	chmod -R u+w "$work/src"
	(cd "$work/src" && GOFLAGS="-mod=readonly -buildvcs=false" CGO_ENABLED=0 go build -trimpath -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$work/tofu" ./cmd/tofu) ||
		die "building OpenTofu $tofu_version failed (see the go build output above)."
	works "$work/tofu" || die "the freshly built $work/tofu does not run \"version\"."
	mv -f "$work/tofu" "$dest"
	log "cached OpenTofu $tofu_version at $dest; later runs reuse it."
	emit "$dest" opentofu
}

main "$@"
exit
