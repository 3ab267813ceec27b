d     = "from-var-file"
ports = [80, "443"]
