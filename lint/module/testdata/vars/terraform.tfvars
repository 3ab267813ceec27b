a = "from-terraform-tfvars"
b = "from-terraform-tfvars"
