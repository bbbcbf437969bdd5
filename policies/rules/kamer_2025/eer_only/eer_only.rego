# METADATA
# scope: package
# custom:
#   id: KAMER25-EER-ONLY
#   severity: medium
#   title:
#     nl: Gegevens worden alleen binnen de EER verwerkt
#     en: Data are processed only inside the EEA
#   description:
#     nl: >-
#       Naar aanleiding van onder meer de motie-Kathmann (Kamerstuk 26 643, nr. 1315) zijn cloudmigraties
#       heroverwogen, met als gevolg dat gegevens alleen binnen de Europese Economische Ruimte (EER) worden verwerkt.
#       Het kabinet noemt dit als voorbeeld; het is een toezegging aan de Kamer, geen wettelijke norm.
#     en: >-
#       Following, among others, the Kathmann motion (Kamerstuk 26 643, no. 1315), cloud migrations were reconsidered,
#       with the result that data are processed only inside the European Economic Area (EEA). The cabinet gives this as
#       an example; it is a commitment to the House, not a statutory rule.
#   messages:
#     default:
#       nl: "Gegevens zijn bereikbaar of worden verwerkt buiten de EER en Zwitserland: {country} in {field}."
#       en: "Data are reachable or processed outside the EEA and Switzerland: {country} in {field}."
#   remediation:
#     nl: >-
#       Beperk opslag, verwerking, back-up, supporttoegang, telemetrie en subverwerkers tot landen van de EER, of
#       leg in een risicoafweging vast waarom verwerking buiten de EER aanvaardbaar is.
#     en: >-
#       Limit storage, processing, backup, support access, telemetry and subprocessors to countries of the EEA, or
#       record in a risk assessment why processing outside the EEA is acceptable.
#   sources:
#     - document: >-
#         Antwoord op Kamervragen Kathmann en Six Dijkstra, Financiën (Aanhangsel Handelingen II 2025/26, nr. 6,
#         ontvangen 19 september 2025), antwoord 7, Rijksbreed
#       quote: >-
#         Er zijn migraties heroverwogen naar aanleiding van onder meer de motie Kathmann. Met bijvoorbeeld als gevolg
#         dat verwerking van data alleen binnen de EER plaatsvindt.
#       status: secondary
#     - document: Motie-Kathmann c.s. (Kamerstuk 26 643, nr. 1315)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-1315.html
#       status: secondary
#   interpretation:
#     nl: >-
#       Het antwoord noemt verwerking alleen binnen de EER als voorbeeld van een gevolg, niet als algemene eis; de
#       checker maakt er een advies van voor elke externe clouddienst. Als verwerking telt elke plaats waar gegevens
#       zijn of bereikbaar zijn: opslag, verwerking, back-up, supporttoegang, telemetrie en subverwerkers. De tekst van
#       de motie is niet ingezien. De EER-lijst komt uit policies/data/countries.json en is in de configuratie te
#       vervangen.
#       Zwitserland meldt de checker niet: het antwoord noemt de EER als voorbeeld van een gevolg, niet als
#       norm, en de Herziening rijksbreed cloudbeleid 2026 laat opslag en verwerking in Zwitserland
#       uitdrukkelijk toe (secundaire bronnen); de lijst is countries.eer_plus_ch.
#     en: >-
#       The answer gives processing only inside the EEA as an example of a result, not as a general demand; the checker
#       makes it advice for every external cloud service. Every place where data are or can be reached counts as
#       processing: storage, processing, backup, support access, telemetry and subprocessors. The text of the motion
#       was not seen. The EEA list comes from policies/data/countries.json and can be replaced in the configuration.
#       Switzerland is not flagged: the answer gives the EEA as an example of a result, not as a norm, and the
#       2026 revision expressly admits storage and processing in Switzerland (secondary sources); the list is
#       countries.eer_plus_ch.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [kamer_2025]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-19"
#   waivable: true
package cloudbeleid.rules.kamer_2025.eer_only

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, location.path, "default", {"country": location.country, "field": location.field}) if {
	some i in subject
	some location in service.locations[i]

	# Switzerland is not flagged: the answer gives the EER as an example, and the 2026 revision admits Switzerland.
	not location.country in countries.eer_plus_ch
}
