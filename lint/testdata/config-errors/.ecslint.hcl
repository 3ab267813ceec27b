config {
  dynamic_ports = "49153-65535"
}

rule "no_such_rule" {
  enabled = false
}
