terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "zaak" {
  name     = "rg-zaaksysteem"
  location = var.location
}

# services/zaaksysteem.cloud.yaml noemt Nederland en Ierland; de location hieronder ligt in de VS. Daar falen
# de regels over bijzondere persoonsgegevens buiten de EER, op die regel.
resource "azurerm_storage_account" "dossiers" {
  name                     = "vbzdossiers"
  resource_group_name      = azurerm_resource_group.zaak.name
  location                 = "eastus"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}
