// Package precommit holds the end-to-end test of ecslint's pre-commit hook
// (.pre-commit-hooks.yaml at the repository root), run with the real
// pre-commit in a temporary git repository.
package precommit
