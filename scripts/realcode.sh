#!/usr/bin/env bash
# realcode.sh: measures ecslint, built from this tree, on real public Terraform that deploys Amazon ECS.
#
#   scripts/realcode.sh [OUT]
#
# The corpus is lint/bench/realcode.txt: "owner/name commit" a line. Nothing is downloaded: each repository must
# be checked out beforehand into $REALCODE_DIR/owner+name (a git checkout; the script moves it to the listed
# commit). With REALCODE_MIRRORS set to a directory of git repositories named owner+name (bare or not, or with
# the repository in owner+name/repo), missing checkouts are cloned from there. Their files stay outside this
# repository.
#
# Then, for the root modules of lint/bench/realcode-installs.txt, the module calls whose source is itself in
# the corpus are installed as `terraform init` would have installed them (.terraform/modules/modules.json and the
# module unpacked at the listed revision), so that ecslint's reading of installed modules is exercised.
#
# Finally `ecslint --recursive --format json .` runs RUNS times in each checkout (the last run with one worker,
# GOMAXPROCS=1), and a table gives per repository: the exit code, run failures (errors of severity error), error,
# warning and notice findings, the warnings "Remote module not loaded", unknown functions and reference cycles, and
# whether every run gave the same bytes. OUT (default: a temporary directory, kept) receives each repository's
# output, findings.tsv (every finding, for triage) and summary.json; compare two runs with
#   go run ./lint/bench/realcode diff OLD_OUT NEW_OUT
#
# Environment:
#   REALCODE_DIR      the checkouts (default /tmp/realcode)
#   REALCODE_MIRRORS  git repositories to clone missing checkouts from (default: none)
#   RUNS              runs per repository, at least 2 (default 3)
set -euo pipefail

log() { printf 'realcode: %s\n' "$*" >&2; }

main() {
	cd "$(dirname "${BASH_SOURCE[0]}")/.."
	local list=lint/bench/realcode.txt installs=lint/bench/realcode-installs.txt
	local dir="${REALCODE_DIR:-/tmp/realcode}" mirrors="${REALCODE_MIRRORS:-}" runs="${RUNS:-3}"
	local out="${1:-}"
	[ -n "$out" ] || out="$(mktemp -d -t realcode.XXXXXX)"
	mkdir -p "$dir" "$out"
	bin="$(mktemp -d)"
	trap 'rm -rf "$bin"' EXIT

	log "building ecslint ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ', with changes')) and realcode"
	go build -o "$bin/ecslint" ./lint/cmd/ecslint
	go build -o "$bin/realcode" ./lint/bench/realcode

	local name commit d src fresh missing=0
	while read -r name commit; do
		d="$dir/${name/\//+}"
		fresh=
		if ! [ -d "$d/.git" ] && [ -n "$mirrors" ]; then
			for src in "$mirrors/${name/\//+}/repo" "$mirrors/${name/\//+}"; do
				if git --git-dir="$src" rev-parse -q --verify "$commit^{commit}" >/dev/null 2>&1 ||
					git -C "$src" rev-parse -q --verify "$commit^{commit}" >/dev/null 2>&1; then
					log "cloning $name from $src"
					git clone -q --no-checkout "$src" "$d"
					fresh=1
					break
				fi
			done
		fi
		if ! [ -d "$d/.git" ]; then
			missing=$((missing + 1))
			continue
		fi
		# A clone without checkout has HEAD at the listed commit and no files: check it out too.
		if [ -n "$fresh" ] || [ "$(git -C "$d" rev-parse HEAD 2>/dev/null)" != "$commit" ]; then
			git -C "$d" -c advice.detachedHead=false checkout -q --detach "$commit" ||
				log "cannot check out $commit in $d; it is left out"
		fi
	done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")
	[ "$missing" = 0 ] || log "$missing repositories of $list are not checked out in $dir and are left out (set REALCODE_MIRRORS, or clone them there)"

	log "installing the modules of $installs"
	"$bin/realcode" install -list "$installs" -dir "$dir" >"$out/installs.txt" || {
		cat "$out/installs.txt" >&2
		exit 1
	}
	log "running ecslint $runs times in each checkout"
	"$bin/realcode" measure -ecslint "$bin/ecslint" -list "$list" -dir "$dir" -out "$out" -runs "$runs" | tee "$out/table.txt"
	printf '\noutputs, findings.tsv and summary.json in %s\n' "$out"
}

main "$@"
