# METADATA
# title: Geen leverancier met een Amerikaanse moedermaatschappij
# custom:
#   id: EIGEN-NO-US-PARENT
#   severity: serious
#   title:
#     nl: Geen leverancier met een Amerikaanse moedermaatschappij
#     en: No provider with an American parent company
#   description:
#     nl: Het departement kiest geen leverancier met een Amerikaanse moedermaatschappij.
#     en: The department chooses no provider with an American parent company.
#   messages:
#     default:
#       nl: "De moedermaatschappij van de leverancier zit in {country}."
#       en: "The provider's parent company is in {country}."
#   remediation:
#     nl: Kies een leverancier zonder Amerikaanse moedermaatschappij.
#     en: Choose a provider without an American parent company.
#   sources:
#     - document: Departementaal cloudbeleid Voorbeeldzaken, par. 3
#       status: verified
#   subject:
#     nl: alle clouddiensten
#     en: all cloud services
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-01-01"
#   waivable: true
package cloudbeleid.rules.eigen.no_us_parent

import data.cloudbeleid.lib.result

subject contains i if some i, _ in input.services

deny contains result.fail(i, ["provider", "ultimate_parent_country"], "default", {"country": country}) if {
	some i in subject
	country := input.services[i].provider.ultimate_parent_country
	country == data.eigen.forbidden_parent
}
