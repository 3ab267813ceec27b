// Package ghaction holds the tests of ecskit's GitHub Action (action.yml at
// the repository root): its structure (inputs, outputs, step references,
// the actions it uses and their inputs, ecslint's flags) and its shell steps,
// run with bash as the runner would run them. There is no GitHub runner
// here: the steps that use other actions (actions/setup-go,
// github/codeql-action/upload-sarif) are checked, not run.
package ghaction
