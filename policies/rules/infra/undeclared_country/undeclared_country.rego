# METADATA
# scope: package
# custom:
#   id: INFRA-UNDECLARED-COUNTRY
#   severity: high
#   title:
#     nl: Infrastructuurcode alleen in landen die de beschrijving noemt
#     en: Infrastructure code only in countries the descriptor declares
#   description:
#     nl: >-
#       De Terraform- of OpenTofu-code van een dienst zet een resource in een regio. Ligt die regio in een land dat niet
#       bij de opslag-, verwerkings- of back-uplocaties van de beschrijving staat, dan klopt de beschrijving niet, en
#       daarmee ook elke toets die erop rust.
#     en: >-
#       A service's Terraform or OpenTofu code puts a resource in a region. When that region is in a country that is not
#       among the descriptor's storage, processing or backup locations, the descriptor is wrong, and so is every check
#       that rests on it.
#   messages:
#     default:
#       nl: "{address} staat in {region} ({country}), maar de beschrijving noemt {country} niet bij hosting.storage_locations, processing_locations of backup_locations."
#       en: "{address} is in {region} ({country}), but the descriptor does not list {country} in hosting.storage_locations, processing_locations or backup_locations."
#   remediation:
#     nl: >-
#       Zet de resource in een regio in een opgegeven land, of neem het land op in de beschrijving en beoordeel de
#       gevolgen (doorgifte, DPIA, risicoafweging) opnieuw.
#     en: >-
#       Move the resource to a region in a declared country, or add the country to the descriptor and assess the
#       consequences (transfer, DPIA, risk assessment) again.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2), werkversie in de repository van MinBZK
#       section: overheidsmaatregel 5.23.01
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         De entiteit stelt beleid op dat toeziet op het inventariseren, classificeren, selecteren, beoordelen en
#         managen van Cloud Service Providers (CSP) en het beëindigen van dienstverlening door CSP's en past dat toe.
#       status: verified
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2), as summarised by the project's research
#       section: overheidsmaatregel 5.09.01 (the inventory of assets includes cloud environments)
#       quote: cloud-omgevingen
#       status: secondary
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       status: verified
#   interpretation:
#     nl: >-
#       Geen bron zegt letterlijk dat een beschrijving met de infrastructuurcode moet kloppen. De checker leest het zo:
#       inventariseren en beoordelen (5.23.01, 5.09.01) kan alleen op juiste gegevens, en een beschrijving die de code
#       tegenspreekt is dat niet. De regel meldt de tegenspraak; het juridische oordeel over de plek of de leverancier
#       geven de andere regels over de effectieve feiten (opgegeven plus waargenomen).
#     en: >-
#       No source says in so many words that a descriptor must agree with the infrastructure code. The checker reads it
#       so: inventorying and assessing (5.23.01, 5.09.01) needs true facts, and a descriptor the code contradicts holds
#       none. The rule reports the contradiction; the legal verdict on the place or the provider comes from the other
#       rules, which read the effective facts (declared plus observed).
#   subject:
#     nl: diensten waarvan de infrastructuurcode gelezen is
#     en: services whose infrastructure code was read
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.infra.undeclared_country

import data.cloudbeleid.lib.result

declared_fields := ["storage_locations", "processing_locations", "backup_locations"]

subject contains i if {
	some i, svc in input.services
	svc.observed
}

declared(svc) := {country |
	some field in declared_fields
	some country in object.get(svc, ["hosting", field], [])
}

deny contains result.fail(i, ["observed", "resources", k, "country"], "default", params) if {
	some i in subject
	svc := input.services[i]
	some k, resource in svc.observed.resources
	resource.region_status == "known"
	not resource.country in declared(svc)
	params := {"address": resource.address, "region": resource.region, "country": resource.country}
}
