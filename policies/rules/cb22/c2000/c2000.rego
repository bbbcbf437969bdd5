# METADATA
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
#   messages:
#     default:
#       nl: "{country} ({field}) is een land dat de C2000-criteria uitsluiten."
#       en: "{country} ({field}) is a country the C2000 criteria exclude."
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
#     - document: Kamerbrief over landen met een offensief cyberprogramma (Kamerstuk 26 643, nr. 1007, 17 april 2023), opening
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-1007.html
#       quote: >-
#         Met uw Kamer ziet het kabinet de risico's en dreigingen die uitgaan van landen met een offensief
#         cyber(spionage)programma tegen Nederlandse belangen.
#       status: verified
#     - document: security.nl, samenvatting van Kamerstuk 26 643, nr. 1007
#       quote: >-
#         De AIVD heeft onder andere China, Rusland, Iran en Noord-Korea aangemerkt als landen met een offensief
#         cyberprogramma.
#       status: secondary
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 21 (beleidsregels; de route die een zbo aan het hele cloudbeleid bindt)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel21
#       quote: >-
#         Onze Minister kan beleidsregels vaststellen met betrekking tot de taakuitoefening door een zelfstandig
#         bestuursorgaan.
#       status: verified
#   interpretation:
#     nl: >-
#       De uitsluiting staat in het cloudbeleid volgens een secundaire bron; de landenlijst is geen openbare
#       tekst. De checker gebruikt countries.c2000_excluded, gedateerde referentiedata met bron: 'onder andere'
#       China, Rusland, Iran en Noord-Korea (de AIVD, zoals security.nl Kamerstuk 26 643, nr. 1007 samenvat).
#       Omdat de lijst 'onder andere' is, kan een organisatie landen toevoegen (reference_data.c2000_excluded),
#       maar er geen stil weglaten. Het algemene inkoopbeleid van het kabinet is landenneutraal en per geval
#       ('niet op voorhand categorisch … uitgesloten, maar … per geval op basis van een risicoafweging',
#       secundair); de uitsluiting van het cloudbeleid is een aparte, strengere regel, en die codeert deze
#       regel. De checker toetst het land van de hoofdvestiging, van de uiteindelijke moedermaatschappij, van
#       elke onderaannemer en elke locatie van opslag, verwerking, back-up, supporttoegang en telemetrie. Dat de
#       uitsluiting absoluut is (geen risicoacceptatie) is de lezing van de checker van 'uitgesloten'. Geldt
#       voor elke clouddienst van een externe leverancier. Art. 41 Kaderwet zbo: de C2000-uitsluiting is een
#       inkoopvoorwaarde van het cloudbeleid (secundaire bron), geen beveiligingsvoorschrift van de Rijksdienst
#       zoals het VIR, het VIRBI of de BIO2. Voor een zbo geldt deze regel daarom als advies, niet via art. 41;
#       art. 41 is geen route voor het hele cloudbeleid, dat zbo's volgens het antwoord van de regering uit 2025
#       niet verplicht hoeven te volgen. Een zbo met een beleidsregel van de minister (art. 21) blijft aan de
#       hele regel gebonden.
#     en: >-
#       The exclusion is in the cloud policy according to a secondary source; the list of countries is not
#       public text. The checker uses countries.c2000_excluded, dated reference data with its source: 'among
#       others' China, Russia, Iran and North Korea (the AIVD, as security.nl summarises Kamerstuk 26 643, no.
#       1007). Because the list is 'among others', an organisation may add countries
#       (reference_data.c2000_excluded) but never silently drop one. The cabinet's general procurement line is
#       country-neutral and case by case (secondary); the cloud policy's exclusion is a separate, stricter rule,
#       and that is what this rule encodes. The checker checks the country of the headquarters, of the ultimate
#       parent, of every subprocessor and of every location of storage, processing, backup, support access and
#       telemetry. That the exclusion is absolute (no risk acceptance) is the checker's reading of 'excluded'.
#       Applies to every cloud service of an external supplier. Art. 41 Kaderwet zbo: the C2000 exclusion is a
#       procurement condition of the cloud policy (secondary source), not a security rule of the Rijksdienst
#       such as VIR, VIRBI or BIO2. For a zbo this rule is therefore advice, not binding through art. 41; art.
#       41 is no route for the whole cloud policy, which according to the government's 2025 answer zbo's are not
#       obliged to follow. A zbo with a ministerial beleidsregel (art. 21) stays bound to the whole rule.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: false
package cloudbeleid.rules.cb22.c2000

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

provider_fields := ["hq_country", "ultimate_parent_country"]

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, ["provider", field], "default", {"country": country, "field": field}) if {
	some i in subject
	some field in provider_fields
	country := input.services[i].provider[field]
	country in countries.c2000_excluded
}

deny contains result.fail(i, location.path, "default", {"country": location.country, "field": location.field}) if {
	some i in subject
	some location in service.locations[i]
	location.country in countries.c2000_excluded
}
