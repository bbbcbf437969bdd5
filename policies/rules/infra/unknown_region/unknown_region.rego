# METADATA
# scope: package
# custom:
#   id: INFRA-UNKNOWN-REGION
#   severity: medium
#   title:
#     nl: De infrastructuurcode laat zien in welk land elke resource staat
#     en: The infrastructure code shows which country every resource is in
#   description:
#     nl: >-
#       Waar de regio van een resource niet uit de code volgt (een variabele zonder waarde, een functie, een waarde die
#       pas bij apply bekend is) of niet in de referentiegegevens staat, kan de checker het land niet toetsen. Dat is
#       geen voldaan maar een eigen bevinding: onbekend is niet onschuldig.
#     en: >-
#       Where a resource's region does not follow from the code (a variable without a value, a function, a value known
#       only at apply) or is not in the reference data, the checker cannot check the country. That is no pass but a
#       finding of its own: unknown is not harmless.
#   messages:
#     default:
#       nl: "Land van {address} onbekend: {why_nl}."
#       en: "Country of {address} unknown: {why_en}."
#   remediation:
#     nl: >-
#       Geef de regio als vaste waarde, in een variabele met een standaardwaarde of in een tfvars-bestand
#       (infrastructure.var_files), of gebruik een plan-JSON; staat de regio niet in policies/data/regions.json, meld
#       haar dan met het land en de bron.
#     en: >-
#       Give the region as a literal, in a variable with a default or in a tfvars file (infrastructure.var_files), or
#       use a plan JSON; when the region is not in policies/data/regions.json, report it with its country and source.
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
package cloudbeleid.rules.infra.unknown_region

import data.cloudbeleid.lib.result

subject contains i if {
	some i, svc in input.services
	svc.observed
}

deny contains result.fail(i, ["observed", "resources", k, "region"], "default", {"address": resource.address, "why_nl": resource.why.nl, "why_en": resource.why.en}) if {
	some i in subject
	some k, resource in input.services[i].observed.resources
	resource.provider_known
	resource.region_status in {"unlisted", "unresolved"}
}
