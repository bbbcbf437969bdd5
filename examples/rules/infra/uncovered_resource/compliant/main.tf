resource "azurerm_storage_account" "data" {
  name                     = "voorbeelddata"
  resource_group_name      = "rg-voorbeeld"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
