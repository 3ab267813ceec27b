package provider

import (
	"os"
	"testing"
)

func TestQuietSDKLogs(t *testing.T) {
	for _, name := range logLevelVariables {
		t.Setenv(name, "")
	}
	quiet, err := QuietSDKLogs()
	if err != nil || !quiet || os.Getenv("TF_LOG_SDK") != "off" {
		t.Fatalf("with no log variable set: QuietSDKLogs() = %v, %v and TF_LOG_SDK=%q, want true, nil and \"off\"", quiet, err, os.Getenv("TF_LOG_SDK"))
	}
	for _, name := range logLevelVariables {
		t.Run(name, func(t *testing.T) {
			for _, other := range logLevelVariables {
				t.Setenv(other, "")
			}
			t.Setenv(name, "debug")
			quiet, err := QuietSDKLogs()
			if err != nil || quiet {
				t.Fatalf("with %s=debug: QuietSDKLogs() = %v, %v, want false, nil", name, quiet, err)
			}
			if got := os.Getenv("TF_LOG_SDK"); name != "TF_LOG_SDK" && got != "" {
				t.Errorf("with %s=debug, TF_LOG_SDK = %q, want it left unset", name, got)
			}
		})
	}
}
