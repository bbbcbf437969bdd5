variable "location" {
  description = "Azure region of the zaaksysteem"
  default     = "westeurope"
}
