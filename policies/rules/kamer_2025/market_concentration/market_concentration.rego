# METADATA
# scope: package
# custom:
#   id: KAMER25-MARKET-CONCENTRATION
#   severity: medium
#   title:
#     nl: Niet te veel materiële clouddiensten van de organisatie bij één leverancier
#     en: Not too many of the organisation's materieel cloud services with one provider
#   description:
#     nl: >-
#       Het kabinet vindt een te grote afhankelijkheid van één of enkele marktpartijen ongewenst en beperkt in de
#       herziening van het cloudbeleid de marktconcentratie- en continuïteitsrisico's. De checker kijkt daarom naar
#       alle materiële clouddiensten van een organisatie samen en meldt een leverancier die er te veel van levert.
#     en: >-
#       The cabinet considers too great a dependency on one or a few market parties undesirable and, in the revision of
#       the cloud policy, limits the market-concentration and continuity risks. The checker therefore looks at all
#       materieel cloud services of an organisation together and reports a provider that delivers too many of them.
#   messages:
#     default:
#       nl: "{provider} levert {count} van de {total} materiële clouddiensten van de organisatie ({share}%); de grens is {max_share}% of {max_services} diensten."
#       en: "{provider} delivers {count} of the organisation's {total} materieel cloud services ({share}%); the limit is {max_share}% or {max_services} services."
#   remediation:
#     nl: >-
#       Weeg de afhankelijkheid van deze leverancier mee in de risicoafweging en de exitstrategie, spreid materiële
#       diensten over leveranciers waar dat kan, of stel de grenzen (market_concentration_max_share,
#       market_concentration_max_services) bewust anders in.
#     en: >-
#       Weigh the dependency on this provider in the risk assessment and the exit strategy, spread materieel services
#       over providers where possible, or set the limits (market_concentration_max_share,
#       market_concentration_max_services) differently on purpose.
#   sources:
#     - document: Antwoord op Kamervragen Kathmann en Six Dijkstra (2025Z10397), antwoord 2
#       url: https://www.openkamer.org/kamervraag/2025Z10397
#       quote: >-
#         In de herziening … aandacht besteed aan het verder beperken van afhankelijkheid van enkele leveranciers, de
#         zogeheten marktconcentratie- en continuïteitsrisico's.
#       status: verified
#     - document: >-
#         Antwoord op Kamervragen Kathmann en Six Dijkstra, Financiën (Aanhangsel Handelingen II 2025/26, nr. 6,
#         ontvangen 19 september 2025), antwoord 5, Rijksbreed
#       quote: >-
#         Het kabinet is het wel met u eens dat een te grote afhankelijkheid van één of enkele marktpartijen
#         ongewenst is. In de afweging welke data we in eigen beheer dan wel in de public cloud verwerken, moeten
#         strategische afhankelijkheden én marktconcentraties worden meegewogen.
#       status: secondary
#   interpretation:
#     nl: >-
#       De grenzen zijn van de checker, niet van de bron: een leverancier valt op als hij meer dan
#       market_concentration_max_share (standaard 0,5, afgerond op hele procenten) of meer dan
#       market_concentration_max_services (standaard 5) van de materiële clouddiensten van een externe leverancier van
#       één organisatie levert, en minstens twee. De checker telt per organisatie (de naam uit de configuratie of de
#       beschrijving) over de beschrijvingen die samen worden gecontroleerd; leveranciers gelden als dezelfde bij
#       dezelfde naam, ongeacht hoofdletters (Unicode-hoofdletterfolding: ß als ss, elke sigma gelijk), schrijfwijze
#       van tekens (volle breedte, losse accenten: NFKC) en spaties. Concerns onder verschillende namen ziet de
#       checker niet als één leverancier. De melding staat bij elke dienst van die leverancier.
#     en: >-
#       The limits are the checker's, not the source's: a provider stands out when it delivers more than
#       market_concentration_max_share (default 0.5, rounded to whole percents) or more than
#       market_concentration_max_services (default 5) of one organisation's materieel cloud services of an external
#       supplier, and at least two. The checker counts per organisation (the name from the configuration or the
#       descriptor) over the descriptors checked together; providers are the same when their names are, ignoring case
#       (Unicode case folding: ß as ss, every sigma alike), the form of characters (full width, combining accents: NFKC)
#       and spaces. Groups trading under different names are not seen as one provider. The finding
#       is on every service of that provider.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier
#     en: materieel cloud services of an external supplier
#   applies_to: [kamer_2025]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-19"
#   portfolio: true
#   portfolio_fields: [service.deployment_model, service.materieel, service.materieel_reasons, provider.name, organisation]
#   waivable: true
package cloudbeleid.rules.kamer_2025.market_concentration

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

# A portfolio rule: it compares each materieel service with all others of the same organisation.
subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cloud.materieel(svc)
}

# The organisation of each subject (the configuration's profile, overridden by the descriptor's) and its provider.
# (the descriptor's name where it has one, else the configuration's: what object.union of the two profiles gives,
# without making that union for every service, which held about 0.6 KB a service of a portfolio's evaluation)
organisation_of[i] := object.get(input.services[i], ["organisation", "name"], configured_name) if some i in subject

configured_name := object.get(input, ["organisation", "name"], "")

# The provider's name as the checker normalised it (checker.engine.name_key: NFKC, case-folded, whitespace
# collapsed), not lower() here: regorus and OPA lower-case non-ASCII names differently (ACMEΣ, Straße).
provider_of[i] := input.normalised.provider_names[i] if some i in subject

# The limits in whole numbers: the share as a percentage, so that no engine formats a fraction.
max_share_percent := round(input.settings.market_concentration_max_share * 100)

max_services := input.settings.market_concentration_max_services

concentrated(n, total) if n * 100 > max_share_percent * total

concentrated(n, _) if n > max_services

# Counted once per organisation and per provider within it, not once per service: linear in the portfolio.
organisations := {organisation | some organisation in organisation_of}

# The services of each organisation, and of each organisation and provider, gathered in one pass over the services:
# counting each group over every service made this quadratic in a large portfolio.
services_of_organisation[organisation] contains i if some i, organisation in organisation_of

members[group] contains i if {
	some i, provider in provider_of
	group := [organisation_of[i], provider]
}

total_of[organisation] := count(ids) if some organisation, ids in services_of_organisation

groups contains group if some group, _ in members

count_of[group] := count(ids) if some group, ids in members

deny contains result.fail(i, ["provider", "name"], "default", params) if {
	some i, provider in provider_of
	organisation := organisation_of[i]
	total := total_of[organisation]
	n := count_of[[organisation, provider]]
	n >= 2
	concentrated(n, total)
	params := {
		"provider": input.services[i].provider.name,
		"count": n,
		"total": total,
		"share": round((n * 100) / total),
		"max_share": max_share_percent,
		"max_services": max_services,
	}
}
