variable "name" {
  type = string
}

resource "terraform_data" "marker" {
  input            = var.name
  triggers_replace = [var.name]
}
