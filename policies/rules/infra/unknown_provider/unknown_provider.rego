# METADATA
# scope: package
# custom:
#   id: INFRA-UNKNOWN-PROVIDER
#   severity: medium
#   title:
#     nl: De infrastructuurcode gebruikt alleen providers die de referentiegegevens kennen
#     en: The infrastructure code uses only providers the reference data know
#   description:
#     nl: >-
#       Van een Terraform-provider die niet in policies/data/providers.json staat, weet de checker niet welk bedrijf
#       erachter zit, waar het gevestigd is en welke buitenlandse wetten het bereiken; ook de regio's kan hij niet
#       plaatsen. Dat is een eigen bevinding, geen voldaan.
#     en: >-
#       For a Terraform provider that is not in policies/data/providers.json the checker does not know the company
#       behind it, where it is based or which foreign laws reach it; nor can it place its regions. That is a finding of
#       its own, not a pass.
#   messages:
#     default:
#       nl: "Provider {source} van {address} staat niet in de referentiegegevens (policies/data/providers.json)."
#       en: "Provider {source} of {address} is not in the reference data (policies/data/providers.json)."
#   remediation:
#     nl: >-
#       Voeg de provider toe aan policies/data/providers.json met bedrijf, hoofdkantoor, land van de moedermaatschappij,
#       de wetten die het bereiken en de bron, of vraag dat aan bij de beheerders van de checker.
#     en: >-
#       Add the provider to policies/data/providers.json with its company, headquarters, parent country, the laws that
#       reach it and a source, or ask the checker's maintainers to.
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
package cloudbeleid.rules.infra.unknown_provider

import data.cloudbeleid.lib.result

subject contains i if {
	some i, svc in input.services
	svc.observed
}

deny contains result.fail(i, ["observed", "providers", k], "default", {"source": provider.source, "address": provider.address}) if {
	some i in subject
	some k, provider in input.services[i].observed.providers
	not provider.known
}
