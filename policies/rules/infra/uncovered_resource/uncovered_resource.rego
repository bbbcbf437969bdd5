# METADATA
# scope: package
# custom:
#   id: INFRA-UNCOVERED-RESOURCE
#   severity: medium
#   title:
#     nl: Elke cloudresource in de infrastructuurcode hoort bij een beschreven dienst
#     en: Every cloud resource in the infrastructure code belongs to a described service
#   description:
#     nl: >-
#       Elke cloudresource in de Terraform- of OpenTofu-code van de repository hoort bij een dienst met een
#       beschrijving: via de mappen die de beschrijving onder infrastructure.terraform noemt, of via de tag cloudbeleid-
#       service. Een resource zonder dienst is een clouddienst die niemand heeft beschreven, en die dus niet getoetst
#       is.
#     en: >-
#       Every cloud resource in the repository's Terraform or OpenTofu code belongs to a service with a descriptor:
#       through the folders the descriptor names under infrastructure.terraform, or through the tag cloudbeleid-service.
#       A resource without a service is a cloud service nobody described, and so one nobody checked.
#   messages:
#     default:
#       nl: "{address} ({provider}) hoort bij geen beschreven dienst."
#       en: "{address} ({provider}) belongs to no described service."
#     tagged:
#       nl: "{address} ({provider}) hoort bij geen beschreven dienst (tag cloudbeleid-service '{tag}')."
#       en: "{address} ({provider}) belongs to no described service (tag cloudbeleid-service '{tag}')."
#   portfolio: true
#   portfolio_fields: [observed, infrastructure]
#   remediation:
#     nl: >-
#       Beschrijf de dienst waartoe de resource hoort en noem de map onder infrastructure.terraform, of geef de resource
#       de tag cloudbeleid-service met het id van een bestaande beschrijving.
#     en: >-
#       Describe the service the resource belongs to and name its folder under infrastructure.terraform, or give the
#       resource the tag cloudbeleid-service with the id of an existing descriptor.
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
#     nl: diensten die mappen met infrastructuurcode noemen
#     en: services that name folders of infrastructure code
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.infra.uncovered_resource

import data.cloudbeleid.lib.result

# A resource outside every service's folders is reported without a service: the checker reads index -1 as none.
no_service := -1

subject contains i if {
	some i, svc in input.services
	count(svc.observed.folders) > 0
}

# The message names the service a resource's tag claims, when it has one.
kind(resource) := "tagged" if is_string(resource.tag)

kind(resource) := "default" if not is_string(resource.tag)

params(resource) := object.union(
	{"address": resource.address, "provider": resource.provider},
	{"tag": resource.tag | is_string(resource.tag)},
)

deny contains result.fail(i, ["observed", "uncovered", k], kind(resource), params(resource)) if {
	some i in subject
	some k, resource in input.services[i].observed.uncovered
}

deny contains result.fail(no_service, ["observed", "unowned", k], kind(resource), params(resource)) if {
	some svc in input.services
	some k, resource in svc.observed.unowned
}
