# METADATA
# scope: package
# custom:
#   id: CB22-NO-STATE-SECRETS
#   severity: critical
#   title:
#     nl: Geen staatsgeheim gerubriceerde informatie in de publieke cloud
#     en: No information classified as state secret in a public cloud
#   description:
#     nl: >-
#       Het Rijksbreed cloudbeleid sluit de publieke cloud uit voor staatsgeheim gerubriceerde informatie: de minister kan alleen besluiten over informatie tot en met Departementaal Vertrouwelijk. Staatsgeheimen vallen onder het VIRBI en vragen een daarvoor goedgekeurde omgeving.
#     en: >-
#       The Rijksbreed cloudbeleid excludes public cloud for information classified as state secret: the minister can decide only on information up to Departementaal Vertrouwelijk. State secrets fall under VIRBI and need an environment approved for them.
#   messages:
#     default:
#       nl: "Staatsgeheim gerubriceerde informatie ({level}) in een publieke cloud ({model})."
#       en: "Information classified as state secret ({level}) in a public cloud ({model})."
#     nato:
#       nl: "Informatie met NAVO/EU-rubricering {level} (gelijkwaardig aan staatsgeheim) in een publieke cloud ({model})."
#       en: "Information with NATO/EU marking {level} (equivalent to a state secret) in a public cloud ({model})."
#   remediation:
#     nl: >-
#       Verwerk staatsgeheim gerubriceerde informatie (Stg. Confidentieel, Geheim, Zeer Geheim) niet in een
#       publieke cloud maar in een daarvoor goedgekeurde omgeving (VIRBI). Geen risicoacceptatie kan dit opheffen.
#     en: >-
#       Do not process information classified as state secret (Stg. Confidentieel, Geheim, Zeer Geheim) in a public
#       cloud; use an environment approved for it (VIRBI). No risk acceptance can lift this.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904), uitzonderingen
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: Publieke clouddiensten mogen niet worden gebruikt voor staatsgeheim gerubriceerde informatie.
#       status: secondary
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       section: the minister's decision is limited to Departementaal Vertrouwelijk
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Op basis van deze risicoafweging kan de betreffende Minister voor tot en met departementaal vertrouwelijk
#         gerubriceerde informatie besluiten tot gebruik van de publieke cloud.
#       status: verified
#     - document: Voorschrift Informatiebeveiliging Rijksdienst Bijzondere Informatie 2025 (VIRBI 2025, Stcrt. 2025, 30222), opening met de begripsbepalingen
#       section: art. 1, Rijksdienst
#       url: https://zoek.officielebekendmakingen.nl/stcrt-2025-30222.html
#       quote: >-
#         alle organisatieonderdelen waarvoor de ministeriële verantwoordelijkheid onverkort geldt
#       status: verified
#   interpretation:
#     nl: >-
#       Publieke cloud is het implementatiemodel public of hybrid. NAVO/EU-rubriceringen CONFIDENTIAL en hoger gelden
#       als gelijkwaardig aan staatsgeheim (gelijkwaardigheid uit het geheugen, niet geverifieerd).
#       Wie gebonden is: het VIRBI 2025 geldt voor de Rijksdienst, 'alle organisatieonderdelen waarvoor de
#       ministeriële verantwoordelijkheid onverkort geldt', dus ook voor Defensie, dat buiten het cloudbeleid
#       valt. Een zbo valt buiten die definitie, maar beveiligt zijn gegevens op de voet van de
#       Rijksdienstvoorschriften (art. 41 Kaderwet zbo); het VIRBI is zo'n voorschrift, dus de regel bindt een
#       zbo via art. 41. Dat een publieke cloud geen voor staatsgeheimen goedgekeurde omgeving is, leest de
#       checker uit het plafond van het cloudbeleid; de voorschriften van het VIRBI daarover zijn niet ingezien.
#     en: >-
#       Public cloud is the deployment model public or hybrid. NATO/EU markings CONFIDENTIAL and above count as
#       equivalent to a state secret (equivalence from memory, not verified).
#       Who is bound: VIRBI 2025 applies to the Rijksdienst, 'every unit for which ministerial responsibility
#       fully applies', so also to Defence, which is outside the cloud policy. A zbo is outside that definition,
#       but secures its data on the footing of the Rijksdienst's rules (art. 41 Kaderwet zbo); VIRBI is such a
#       rule, so the rule binds a zbo through art. 41. That a public cloud is no environment approved for state
#       secrets the checker reads from the cloud policy's ceiling; VIRBI's own provisions on it were not read.
#   subject:
#     nl: publieke clouddiensten (public of hybrid)
#     en: public cloud services (public or hybrid)
#   applies_to: [cloudbeleid, virbi, kaderwet_zbo_art41]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: false
package cloudbeleid.rules.cb22.no_state_secrets

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

state_secret_levels := {"stg_confidentieel", "stg_geheim", "stg_zeer_geheim"}

nato_state_secret_levels := {"confidential", "secret", "top_secret"}

subject contains i if some i in cloud.public_clouds

deny contains result.fail(i, ["data", "rubricering"], "default", {"level": level, "model": svc.service.deployment_model}) if {
	some i in subject
	svc := input.services[i]
	level := svc.data.rubricering
	level in state_secret_levels
}

deny contains violation if {
	some i in subject
	svc := input.services[i]
	level := svc.data.nato_eu_marking
	level in nato_state_secret_levels
	params := {"level": level, "model": svc.service.deployment_model}
	violation := result.fail(i, ["data", "nato_eu_marking"], "nato", params)
}
