resource "azurerm_storage_account" "a" {
  location = "westeurope"
  name =
}
