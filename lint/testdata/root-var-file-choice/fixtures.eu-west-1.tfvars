region    = "eu-west-1"
namespace = "acme"
stage     = "test"
name      = "web"
