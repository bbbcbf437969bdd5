# Only Terraform's built-in provider (terraform.io/builtin/terraform): a plan without any provider download.
# terraform_data creates nothing at a cloud provider; the checker must read the plan and count no cloud resource.
variable "region" {
  type    = string
  default = "westeurope"
}

resource "terraform_data" "release" {
  input = {
    region  = var.region
    version = "2026.12"
  }
}

module "child" {
  source = "./child"
  name   = "archive"
}
