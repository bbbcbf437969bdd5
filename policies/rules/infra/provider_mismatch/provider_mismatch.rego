# METADATA
# scope: package
# custom:
#   id: INFRA-PROVIDER-MISMATCH
#   severity: high
#   title:
#     nl: De Terraform-provider past bij het leveranciersblok van de beschrijving
#     en: The Terraform provider agrees with the descriptor's provider block
#   description:
#     nl: >-
#       Een Terraform-provider hoort bij een bedrijf met een uiteindelijke moedermaatschappij en buitenlandse wetten die
#       het bereiken (policies/data/providers.json). Noemt de beschrijving een ander land van de moedermaatschappij, of
#       laat zij een van die wetten weg, dan rusten de toetsen op jurisdictie op verkeerde feiten.
#     en: >-
#       A Terraform provider belongs to a company with an ultimate parent company and foreign laws that reach it
#       (policies/data/providers.json). When the descriptor names another parent country, or leaves out one of those
#       laws, the jurisdiction checks rest on wrong facts.
#   messages:
#     default:
#       nl: "Provider {source} ({company}) heeft een moedermaatschappij in {observed}; volgens de beschrijving: {declared}."
#       en: "Provider {source} ({company}) has its ultimate parent in {observed}; according to the descriptor: {declared}."
#     laws:
#       nl: "Provider {source} ({company}) valt onder {laws}; provider.subject_to_non_eu_law noemt die niet."
#       en: "Provider {source} ({company}) is subject to {laws}; provider.subject_to_non_eu_law does not list them."
#   remediation:
#     nl: >-
#       Neem de uiteindelijke moedermaatschappij en de wetten die haar bereiken juist op in het blok provider, of kies
#       een leverancier die past bij wat de beschrijving zegt.
#     en: >-
#       Record the ultimate parent company and the laws that reach it correctly in the provider block, or choose a
#       provider that fits what the descriptor says.
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
#     nl: diensten waarvan de infrastructuurcode een bekende cloudprovider gebruikt
#     en: services whose infrastructure code uses a known cloud provider
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.infra.provider_mismatch

import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i, svc in input.services
	some provider in svc.observed.providers
	provider.known
	provider.ultimate_parent_country
}

# Without a parent, the headquarters is the top of the group.
# Neither recorded: service.unrecorded ("niet vastgelegd"), which no observed country equals.
declared_parent(svc) := object.get(svc, ["provider", "ultimate_parent_country"], service.recorded(svc, ["provider", "hq_country"]))

observed_providers(svc) := [[k, provider] |
	some k, provider in svc.observed.providers
	provider.known
	provider.ultimate_parent_country
]

deny contains result.fail(i, ["observed", "providers", k], "default", params) if {
	some i in subject
	svc := input.services[i]
	some [k, provider] in observed_providers(svc)
	provider.ultimate_parent_country != declared_parent(svc)
	params := {"source": provider.source, "company": provider.company, "observed": provider.ultimate_parent_country, "declared": declared_parent(svc)}
}

deny contains result.fail(i, ["observed", "providers", k], "laws", params) if {
	some i in subject
	svc := input.services[i]
	some [k, provider] in observed_providers(svc)
	missing := {law | some law in provider.laws} - {law | some law in object.get(svc, ["provider", "subject_to_non_eu_law"], [])}
	count(missing) > 0
	params := {"source": provider.source, "company": provider.company, "laws": sort(missing)}
}
