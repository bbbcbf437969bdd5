# METADATA
# title: C2000-criteria, geen leveranciers of diensten uit landen met een offensief cyberprogramma
# scope: package
# custom:
#   id: CB22-C2000
#   severity: critical
#   title:
#     nl: Geen leverancier, onderaannemer of locatie uit een land dat de C2000-criteria uitsluiten
#     en: No provider, subprocessor or location from a country the C2000 criteria exclude
#   description:
#     nl: >-
#       De overheid hanteert bij cloudgebruik de C2000-criteria: leveranciers of diensten uit landen met een actief cyberprogramma dat gericht is tegen Nederlandse belangen worden uitgesloten. Andere buitenlandse jurisdicties worden in de risicoafweging gewogen.
#     en: >-
#       Government applies the C2000 criteria to cloud use: suppliers or services from countries with an active cyber programme aimed at Dutch interests are excluded. Other foreign jurisdictions are weighed in the risk assessment.
#   message:
#     nl: "{country} ({field}) is een land dat de C2000-criteria uitsluiten."
#     en: "{country} ({field}) is a country the C2000 criteria exclude."
#   remediation:
#     nl: >-
#       Kies een leverancier zonder hoofdvestiging of moedermaatschappij in een uitgesloten land, en sluit opslag,
#       verwerking, back-up, supporttoegang, telemetrie en onderaannemers vanuit die landen uit. Geen risicoacceptatie
#       kan dit opheffen.
#     en: >-
#       Choose a provider with no headquarters or parent company in an excluded country, and exclude storage,
#       processing, backup, support access, telemetry and subprocessors from those countries. No risk acceptance can
#       lift this.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: >-
#         De overheid hanteert bij het cloudgebruik daarom ook de C2000 criteria, waardoor leveranciers of diensten uit
#         landen met een actief cyberprogramma dat gericht is tegen Nederlandse belangen worden uitgesloten.
#       status: secondary
#     - document: Stadszaken, 'Publieke clouddiensten niet langer taboe voor overheden' (summary of Kamerstuk 26 643, nr. 904)
#       url: https://stadszaken.nl/artikel/4538/publieke-clouddiensten-niet-langer-taboe-voor-overheden
#       status: secondary
#   interpretation:
#     nl: >-
#       De lijst van uitgesloten landen is niet als openbare tekst beschikbaar. De checker gebruikt countries.c2000_excluded
#       (standaard RU, CN, IR, KP, naar de Cybercheck van 2025 en de IB&P Quickscan, secundaire bronnen), instelbaar
#       via reference_data.c2000_excluded. Hij toetst het land van de hoofdvestiging, van de uiteindelijke
#       moedermaatschappij, van elke onderaannemer en elke locatie van opslag, verwerking, back-up, supporttoegang en
#       telemetrie. Dat de uitsluiting absoluut is (geen risicoacceptatie) is de lezing van de checker van
#       'uitgesloten'. Geldt voor elke clouddienst van een externe leverancier.
#     en: >-
#       The list of excluded countries is not available as public text. The checker uses countries.c2000_excluded
#       (default RU, CN, IR, KP, after the 2025 Cybercheck and the IB&P Quickscan, secondary sources), configurable
#       through reference_data.c2000_excluded. It checks the country of the headquarters, of the ultimate parent, of
#       every subprocessor and of every location of storage, processing, backup, support access and telemetry. That the
#       exclusion is absolute (no risk acceptance) is the checker's reading of 'excluded'. Applies to every cloud
#       service of an external supplier.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [cloudbeleid, kaderwet_zbo_art41]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: false
package cloudbeleid.rules.cb22.c2000

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result

provider_fields := ["hq_country", "ultimate_parent_country"]

subject contains i if {
	some i, svc in input.services
	cloud.external_cloud(svc)
}

deny contains result.fail(i, ["provider", field], {"country": country, "field": field}) if {
	some i in subject
	some field in provider_fields
	country := input.services[i].provider[field]
	country in countries.c2000_excluded
}

deny contains result.fail(i, location.path, {"country": location.country, "field": location.field}) if {
	some i in subject
	some location in countries.locations(input.services[i])
	location.country in countries.c2000_excluded
}
