#!/usr/bin/env bash
# fuzz.sh: runs every go test -fuzz target of the repository for a bounded time each (make fuzz).
#
#   scripts/fuzz.sh                 each target for FUZZTIME (default 20s)
#   FUZZTIME=5m scripts/fuzz.sh     longer runs
#   scripts/fuzz.sh ./internal/cql  only the targets of the given packages
#
# FUZZMINIMIZE (default 20x) bounds how long go test minimizes each input that finds new coverage: with the
# default (60s each), a target as rich as FuzzLint spends its whole run minimizing, not fuzzing.
#
# Targets are found by name (func FuzzXxx in *_test.go); a package's seed corpus is testdata/fuzz/FuzzXxx. A
# crash stops the run with go test's report: it writes the failing input under testdata/fuzz/FuzzXxx/, where it
# becomes a regression case of plain `go test`. Commit it with the fix.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fuzztime="${FUZZTIME:-20s}"
minimize="${FUZZMINIMIZE:-20x}"

if [ $# -gt 0 ]; then
	pkgs=("$@")
else
	mapfile -t pkgs < <(grep -rl --include='*_test.go' '^func Fuzz[A-Z0-9]' internal lint provider 2>/dev/null | xargs -r -n1 dirname | sort -u | sed 's|^|./|')
fi
[ ${#pkgs[@]} -gt 0 ] || {
	echo "fuzz: no fuzz targets found" >&2
	exit 1
}

failed=0
for pkg in "${pkgs[@]}"; do
	for target in $(grep -h -o '^func Fuzz[A-Za-z0-9_]*' "$pkg"/*_test.go | sed 's/^func //' | sort -u); do
		printf 'fuzz: %s %s for %s\n' "$pkg" "$target" "$fuzztime" >&2
		if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" "$pkg"; then
			printf 'fuzz: %s %s FAILED; the failing input is under %s/testdata/fuzz/%s\n' "$pkg" "$target" "$pkg" "$target" >&2
			failed=1
		fi
	done
done
exit "$failed"
