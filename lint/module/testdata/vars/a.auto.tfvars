b = "from-a-auto"
c = "from-a-auto"
