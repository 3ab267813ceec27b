package configrules

import (
	"os"
	"testing"
)

func TestShow(t *testing.T) {
	d := os.Getenv("SHOW")
	if d == "" {
		t.Skip()
	}
	t.Log("\n" + messages(Check(load(t, d), Options{})))
}
