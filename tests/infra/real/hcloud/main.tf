# A real cloud provider, Hetzner Cloud (hetznercloud/hcloud), built from source and installed from a local
# filesystem mirror (see ../README.md): the plan has locations Terraform itself writes into planned_values.
terraform {
  required_providers {
    hcloud = {
      source  = "hetznercloud/hcloud"
      version = "1.52.0"
    }
  }
}

variable "location" {
  type    = string
  default = "fsn1"
}

provider "hcloud" {}

resource "hcloud_volume" "dossiers" {
  name     = "dossiers"
  size     = 10
  location = var.location
  labels = {
    cloudbeleid-service = "vbz-hcloud"
  }
}

resource "hcloud_volume" "copy" {
  name     = "copy"
  size     = 10
  location = "ash"
  labels = {
    cloudbeleid-service = "vbz-hcloud"
  }
}

resource "hcloud_network" "net" {
  name     = "net"
  ip_range = "10.0.0.0/16"
}

resource "hcloud_network_subnet" "eu" {
  network_id   = hcloud_network.net.id
  type         = "cloud"
  network_zone = "eu-central"
  ip_range     = "10.0.1.0/24"
}

resource "hcloud_primary_ip" "web" {
  name          = "web"
  type          = "ipv4"
  assignee_type = "server"
  auto_delete   = false
  datacenter    = "nbg1-dc3"
}

# No location and no datacenter: Hetzner picks one when the server is created, so the plan marks it unknown
resource "hcloud_server" "worker" {
  name        = "worker"
  server_type = "cx22"
  image       = "debian-12"
}
