resource "test_escape" "e" {
  passwd   = file("/etc/passwd")
  parent   = file("../secret.txt")
  deep     = file("../../secret")
  exists   = fileexists("../secret.txt")
  template = templatefile("../secret.txt", {})
  guarded  = try(file("/etc/passwd"), "refused")
}
