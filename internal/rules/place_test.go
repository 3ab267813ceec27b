package rules

import "testing"

func TestPlace(t *testing.T) {
	td := parseTD(t, `{"containerDefinitions":[
		{"name":"web","portMappings":[{"containerPort":80}]},
		{"name":"(known after apply)"},
		{"name":"twin"},{"name":"twin"},
		{"image":"nginx"}
	]}`)
	for path, want := range map[string]string{
		"containerDefinitions[0].portMappings[0].hostPort": `containerDefinitions["web"].portMappings[0].hostPort`,
		"containerDefinitions[0]":                          `containerDefinitions["web"]`,
		"containerDefinitions[1].image":                    "containerDefinitions[1].image", // name unknown
		"containerDefinitions[2].image":                    "containerDefinitions[2].image", // name shared
		"containerDefinitions[4].image":                    "containerDefinitions[4].image", // no name
		"containerDefinitions[9].image":                    "containerDefinitions[9].image", // no such container
		"containerDefinitions":                             "containerDefinitions",
		"cpu":                                              "cpu",
		"":                                                 "",
	} {
		if got := Place(td, path); got != want {
			t.Errorf("Place(%q) = %q, want %q", path, got, want)
		}
	}
	if got := Place(nil, "containerDefinitions[0].image"); got != "containerDefinitions[0].image" {
		t.Errorf("Place without a task definition = %q", got)
	}
}

// TestPlaceOnFindings checks that Run fills Place: the same finding in a
// reordered task definition has another Path but the same Place.
func TestPlaceOnFindings(t *testing.T) {
	a := Run(parseTD(t, `{"containerDefinitions":[{"name":"web","memory":512},{"name":"log","image":"fluent","memory":128}]}`), Config{})
	b := Run(parseTD(t, `{"containerDefinitions":[{"name":"log","image":"fluent","memory":128},{"name":"web","memory":512}]}`), Config{})
	places := func(fs []Finding) map[string]string {
		m := map[string]string{}
		for _, f := range fs {
			m[f.Rule.Name+" "+f.Place] = f.Path
		}
		return m
	}
	pa, pb := places(a), places(b)
	if len(pa) == 0 {
		t.Fatal("no findings; the case must have one on a container")
	}
	onContainer := false
	for k, pathA := range pa {
		pathB, ok := pb[k]
		if !ok {
			t.Errorf("finding %q of the first order is missing in the second: %v", k, pb)
		}
		if pathA != pathB {
			onContainer = true
		}
	}
	if !onContainer {
		t.Errorf("no finding on a moved container; the test proves nothing: %v", pa)
	}
}
