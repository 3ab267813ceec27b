package provider

import "os"

// logLevelVariables are the environment variables by which a user asks
// terraform, or the plugin SDK inside this provider, for provider logs.
var logLevelVariables = []string{
	"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_ECSKIT",
	"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO",
}

// QuietSDKLogs turns the plugin SDK's own logging off (TF_LOG_SDK=off) when
// none of the log-level variables is set. Without a level the SDK logs every
// step of every request at trace level, as JSON on stderr, which terraform
// parses and then drops because nobody asked for it: in a plan of 200 data
// sources that costs more than the data sources themselves. Anyone who sets
// TF_LOG, TF_LOG_PROVIDER or a TF_LOG_SDK variable gets the logs as before.
// It reports whether it turned them off.
func QuietSDKLogs() (bool, error) {
	for _, name := range logLevelVariables {
		if os.Getenv(name) != "" {
			return false, nil
		}
	}
	return true, os.Setenv("TF_LOG_SDK", "off")
}
