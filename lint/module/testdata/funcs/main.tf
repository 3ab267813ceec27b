locals {
  containers = jsondecode(file("${path.module}/containers.json"))
  rendered   = templatefile("${path.module}/templates/app.json.tpl", { name = "web", port = 8080, env = { A = "1", B = "2" } })
}
resource "test_funcs" "f" {
  from_file      = local.containers[0].name
  rendered_name  = jsondecode(local.rendered)[0].name
  rendered_port  = jsondecode(local.rendered)[0].portMappings[0].containerPort
  rendered_env   = length(jsondecode(local.rendered)[0].environment)
  exists         = fileexists("containers.json")
  missing        = fileexists("nope.json")
  merged         = merge({ a = 1 }, { b = 2 })
  concat         = concat([1], [2, 3])
  lookup         = lookup({ a = "x" }, "b", "dflt")
  try            = try(local.containers[5].name, "fallback")
  can            = can(local.containers[5].name)
  coalesce       = coalesce("", "c")
  format         = format("%s:%d", "img", 3)
  join_split     = join(",", split("-", "a-b-c"))
  length_str     = length("héllo")
  replace_re     = replace("a1b22c", "/[0-9]+/", "#")
  flatten        = flatten([[1, 2], [3]])
  element        = element(["x", "y"], 3)
  tonumber       = tonumber("42")
  tostring       = tostring(7)
  sum            = sum([1, 2, 3.5])
  one            = one(["only"])
  alltrue        = alltrue([true, true])
  anytrue        = anytrue([false, true])
  startswith     = startswith("arn:aws:ecs", "arn:")
  endswith       = endswith("x.json", ".json")
  strcontains    = strcontains("awsvpc", "vpc")
  base64         = base64decode(base64encode("hi"))
  sha256         = sha256("abc")
  md5            = md5("abc")
  cidrsubnet     = cidrsubnet("10.0.0.0/16", 8, 2)
  cidrhost       = cidrhost("10.0.2.0/24", 5)
  cidrhost_neg   = cidrhost("10.0.2.0/24", -2)
  cidrsubnet6    = cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)
  timestamp      = timestamp()
  sensitive      = sensitive("secret")
  regex          = regex("^([a-z]+)-", "web-1")[0]
  zipmap         = zipmap(["a", "b"], [1, 2])
  range          = range(3)
  workspace      = terraform.workspace
  path_module    = path.module
  path_root      = path.root
  unknown_func   = not_a_function("x")
}
