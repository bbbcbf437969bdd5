terraform {
  required_providers {
    scaleway = {
      source = "scaleway/scaleway"
    }
  }
}

provider "scaleway" {
  region = "fr-par"
  zone   = "fr-par-1"
}

# Geen beschrijving noemt deze map: de tag cloudbeleid-service koppelt de resources aan services/website.cloud.yaml.
resource "scaleway_instance_server" "web" {
  type = "DEV1-S"
  tags = ["cloudbeleid-service=vbz-website"]
}

resource "scaleway_object_bucket" "assets" {
  name = "vbz-assets"
  tags = {
    cloudbeleid-service = "vbz-website"
  }
}
