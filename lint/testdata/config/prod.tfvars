host_port = 8080
