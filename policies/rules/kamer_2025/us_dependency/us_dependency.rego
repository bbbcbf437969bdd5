# METADATA
# scope: package
# custom:
#   id: KAMER25-US-DEPENDENCY
#   severity: medium
#   title:
#     nl: De continuïteit van een materiële clouddienst is niet rechtstreeks afhankelijk van een Amerikaanse partij
#     en: The continuity of a materieel cloud service does not depend directly on a US party
#   description:
#     nl: >-
#       De motie-Six Dijkstra (Kamerstuk 26 643, nr. 1320) vraagt als doel dat de continuïteit van digitale
#       overheidsdienstverlening niet rechtstreeks afhankelijk is van partijen uit de Verenigde Staten. Voor een
#       materiële clouddienst van een leverancier met Amerikaanse banden betekent dat: een back-up buiten de
#       leverancier en een geteste uitwijk voor plotselinge uitval.
#     en: >-
#       The Six Dijkstra motion (Kamerstuk 26 643, no. 1320) asks, as an aim, that the continuity of digital government
#       services does not depend directly on parties from the United States. For a materieel cloud service of a
#       provider with US ties that means: a backup outside the provider and a tested fallback for a sudden outage.
#   messages:
#     default:
#       nl: "Deze materiële dienst hangt af van een leverancier met Amerikaanse banden ({ties}) en er staat geen back-up buiten de leverancier."
#       en: "This materieel service depends on a provider with US ties ({ties}) and no backup is kept outside the provider."
#     no_outage_scenario:
#       nl: "Deze materiële dienst hangt af van een leverancier met Amerikaanse banden ({ties}) en het exitplan kent geen scenario voor plotselinge uitval (sudden_outage)."
#       en: "This materieel service depends on a provider with US ties ({ties}) and the exit plan has no scenario for a sudden outage (sudden_outage)."
#     outage_untested:
#       nl: "Deze materiële dienst hangt af van een leverancier met Amerikaanse banden ({ties}) en het exitplan voor plotselinge uitval is niet zelf getest."
#       en: "This materieel service depends on a provider with US ties ({ties}) and the exit plan for a sudden outage has not been tested by the organisation."
#   remediation:
#     nl: >-
#       Bewaar een bruikbare back-up buiten de leverancier (exit.backup_outside_provider), neem in het exitplan een
#       scenario voor plotselinge uitval op (exit.plan.scenarios: sudden_outage) en test het zelf
#       (exit.plan.self_tested_on), of kies een leverancier zonder Amerikaanse banden.
#     en: >-
#       Keep a usable backup outside the provider (exit.backup_outside_provider), add a scenario for a sudden outage to
#       the exit plan (exit.plan.scenarios: sudden_outage) and test it yourself (exit.plan.self_tested_on), or choose a
#       provider without US ties.
#   sources:
#     - document: Motie-Six Dijkstra c.s. over de Amerikaanse afhankelijkheid (het nummer 26 643, nr. 1320 is niet tegen de motie zelf bevestigd; de motietekst is niet gevonden), zoals security.nl het dictum weergeeft (april 2025)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-1320.html
#       quote: >-
#         om als doelstelling te hanteren dat de continuïteit van de Nederlandse digitale overheid niet
#         rechtstreeks afhankelijk is van partijen vanuit de Verenigde Staten, en deze door te vertalen in het
#         departementale beleid
#       status: secondary
#     - document: >-
#         Antwoord op Kamervragen Kathmann en Six Dijkstra, Financiën (Aanhangsel Handelingen II 2025/26, nr. 6,
#         ontvangen 19 september 2025), antwoord 7, Ministerie van Financiën
#       quote: >-
#         Risico’s kunnen worden beheerst via contractuele afspraken en een goed uitgewerkte exit-strategie.
#       status: secondary
#     - document: Visie digitale autonomie en soevereiniteit van de overheid (december 2025), zoals computable.nl haar samenvat
#       quote: >-
#         Het kabinet staat afwijzend tegenover het categorisch uitsluiten van bepaalde (Amerikaanse)
#         dienstverleners.
#       status: secondary
#     - document: Motie-Stoffer/Kathmann (Kamerstuk 26 643, nr. 1465, 11 februari 2026)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-1465.html
#       quote: >-
#         inzichtelijk te maken welke stappen er nodig zijn om de afhankelijkheden in cloud, data en cruciale
#         systemen af te bouwen
#       status: verified
#   interpretation:
#     nl: >-
#       De lezing is van de checker. Een Amerikaanse band is: hoofdvestiging of uiteindelijke moedermaatschappij in de
#       VS, of onderworpen aan US_CLOUD_ACT, US_FISA_702 of US_EO_12333 (provider.subject_to_non_eu_law). Niet
#       rechtstreeks afhankelijk leest de checker als: de organisatie kan zonder de leverancier verder, dus er staat een
#       back-up buiten de leverancier én er is een zelf getest exitplan met een scenario voor plotselinge uitval. Een
#       test telt als hij op of vóór de peildatum ligt; hoe oud hij mag zijn, laat de checker aan andere regels. Alleen
#       materiële diensten (service.materieel of materieel_reasons) tellen, zoals in de beantwoording.
#       De motie is ontraden (plan van aanpak 26 643, nr. 1329) en het kabinet wijst het categorisch uitsluiten
#       van Amerikaanse leveranciers af; daarom is de regel een advies en vraagt zij geen andere leverancier,
#       alleen dat de organisatie zonder de leverancier verder kan.
#     en: >-
#       The reading is the checker's. A US tie is: headquarters or ultimate parent in the US, or subject to
#       US_CLOUD_ACT, US_FISA_702 or US_EO_12333 (provider.subject_to_non_eu_law). The checker reads not directly
#       dependent as: the organisation can carry on without the provider, so a backup is kept outside the provider and
#       there is an exit plan with a sudden-outage scenario that the organisation tested itself. A test counts when it
#       lies on or before the reference date; how old it may be is left to other rules. Only materieel services
#       (service.materieel or materieel_reasons) count, as in the answers.
#       The cabinet advised against the motion (plan van aanpak 26 643, no. 1329) and rejects categorically
#       excluding US suppliers; so the rule is advice and asks for no other supplier, only that the organisation
#       can carry on without this one.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier met Amerikaanse banden
#     en: materieel cloud services of an external supplier with US ties
#   applies_to: [kamer_2025]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-19"
#   waivable: true
package cloudbeleid.rules.kamer_2025.us_dependency

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

us_laws := {"US_CLOUD_ACT", "US_FISA_702", "US_EO_12333"}

country_fields := ["hq_country", "ultimate_parent_country"]

# What ties the provider of each service to the US: the fields with US, then the US laws it is subject to.
ties[i] := found if {
	some i, svc in input.services
	found := array.concat(
		[concat(".", ["provider", field]) | some field in country_fields; svc.provider[field] == "US"],
		sort([law | some law in object.get(svc, ["provider", "subject_to_non_eu_law"], []); law in us_laws]),
	)
	count(found) > 0
}

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cloud.materieel(svc)
	ties[i]
}

scenarios(svc) := object.get(svc, ["exit", "plan", "scenarios"], [])

deny contains result.fail(i, ["exit", "backup_outside_provider"], "default", params) if {
	some i in subject
	service.unconfirmed(input.services[i], ["exit", "backup_outside_provider"])
	params := {"ties": ties[i]}
}

deny contains result.fail(i, ["exit", "plan", "scenarios"], "no_outage_scenario", params) if {
	some i in subject
	not "sudden_outage" in scenarios(input.services[i])
	params := {"ties": ties[i]}
}

deny contains result.fail(i, ["exit", "plan", "self_tested_on"], "outage_untested", params) if {
	some i in subject
	svc := input.services[i]
	"sudden_outage" in scenarios(svc)
	not tested(svc)
	params := {"ties": ties[i]}
}

tested(svc) if svc.exit.plan.self_tested_on <= input.as_of
