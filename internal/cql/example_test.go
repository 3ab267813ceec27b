package cql_test

import (
	"fmt"

	"github.com/ecskit/terraform-provider-ecskit/internal/cql"
)

func ExampleParse() {
	e, err := cql.Parse("attribute:ecs.instance-type =~ g2.* && NOT(task:group equals database)")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e)
	for _, c := range e.Conditions() {
		fmt.Println(c.Subject, c.Operator, c.Values)
	}

	_, err = cql.Parse("attribute:ecs.instance-type t2.small")
	fmt.Println(err)
	_, err = cql.Parse("agentVersion in [1.14.5]")
	fmt.Println(err)
	// Output:
	// attribute:ecs.instance-type =~ g2.* and not(task:group == database)
	// attribute:ecs.instance-type =~ [{g2.* 31}]
	// task:group == [{database 61}]
	// column 29: expected an operator after "attribute:ecs.instance-type", found "t2.small"; use one of ==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms
	// column 14: agentVersion does not take the in operator; use one of ==, !=, >, >=, <, <=
}
