[
  {
    "name": "${name}",
    "portMappings": [{"containerPort": ${port}}],
    "environment": ${jsonencode([for k, v in env : { name = k, value = v }])}
  }
]
