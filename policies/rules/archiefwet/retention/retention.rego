# METADATA
# scope: package
# custom:
#   id: ARCHIEFWET-3-RETENTION
#   severity: medium
#   title:
#     nl: Archiefbescheiden in een clouddienst worden bewaard en vernietigd volgens de selectielijst
#     en: Archiefbescheiden in a cloud service are kept and destroyed according to the selectielijst
#   description:
#     nl: >-
#       Ieder overheidsorgaan, een ministerie zo goed als een zbo, brengt zijn archiefbescheiden in goede, geordende en
#       toegankelijke staat, bewaart ze en vernietigt wat daarvoor in aanmerking komt (art. 3 Archiefwet 1995); welke
#       bescheiden voor vernietiging in aanmerking komen, zegt de selectielijst (art. 5). Houdt een clouddienst van een
#       externe leverancier archiefbescheiden, dan moeten bewaren en vernietigen daar de selectielijst volgen.
#     en: >-
#       Every public body, a ministry as much as a zbo, keeps its archiefbescheiden in good, orderly and accessible
#       condition and destroys those that qualify for destruction (art. 3 Archiefwet 1995); which records qualify the
#       selectielijst says (art. 5). Where a cloud service of an external supplier holds archiefbescheiden, retention
#       and destruction there must follow the selectielijst.
#   messages:
#     default:
#       nl: "De clouddienst houdt archiefbescheiden, maar bewaren en vernietigen volgen niet aantoonbaar de selectielijst (records.retention_per_selectielijst is niet true)."
#       en: "The cloud service holds archiefbescheiden, but retention and destruction do not demonstrably follow the selectielijst (records.retention_per_selectielijst is not true)."
#   remediation:
#     nl: >-
#       Richt bewaartermijnen en vernietiging in de dienst in volgens de selectielijst die voor de organisatie geldt (leg
#       die vast in records.selectielijst_ref) en zet records.retention_per_selectielijst op true.
#     en: >-
#       Set up retention terms and destruction in the service according to the organisation's selectielijst (record it
#       in records.selectielijst_ref) and set records.retention_per_selectielijst to true.
#   sources:
#     - document: Archiefwet 1995 (BWBR0007376), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2024-06-19)
#       section: art. 3
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel3
#       quote: >-
#         De overheidsorganen zijn verplicht de onder hen berustende archiefbescheiden in goede, geordende en
#         toegankelijke staat te brengen en te bewaren, alsmede zorg te dragen voor de vernietiging van de daarvoor in
#         aanmerking komende archiefbescheiden.
#       status: verified
#     - document: Archiefwet 1995 (BWBR0007376), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2024-06-19)
#       section: art. 5 lid 1
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel5
#       quote: >-
#         De zorgdrager is verplicht tot het ontwerpen van selectielijsten waarin tenminste wordt aangegeven welke
#         archiefbescheiden voor vernietiging in aanmerking komen.
#       status: verified
#     - document: Archiefwet 1995 (BWBR0007376), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2024-06-19)
#       section: art. 1 onder b
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel1
#       quote: >-
#         overheidsorgaan: 1°. een orgaan van een rechtspersoon die krachtens publiekrecht is ingesteld, of 2°. een
#         ander persoon of college met enig openbaar gezag bekleed;
#       status: verified
#   interpretation:
#     nl: >-
#       Dat de zorg voor vernietiging 'van de daarvoor in aanmerking komende archiefbescheiden' in een clouddienst
#       betekent dat bewaren en vernietigen de selectielijst volgen (art. 5), is de lezing van de checker. Art. 3 vraagt
#       geen export; daarom vraagt deze regel die niet (zijn voorganger KWZBO-ARCHIEFWET-3-RETENTION deed dat wel). Art.
#       3 geldt voor archiefbescheiden waar ze ook zijn; de checker toetst alleen clouddiensten van een externe
#       leverancier, waar de organisatie de inrichting met de leverancier moet afspreken. BIO2 5.33.01 noemde
#       selectielijsten, maar de werkversie van BIO2 haalt die verwijzing uit de normtekst (PR #476); de regel steunt
#       daarom niet op de BIO2. De nieuwe Archiefwet (Stb. 2026, 149) is nog niet in werking en vernummert de artikelen;
#       zie policies/data/archiefwet.json. De datum van inwerkingtreding van de Archiefwet 1995 (1 januari 1996) is uit
#       het geheugen.
#     en: >-
#       That the duty to destroy 'the records that qualify' means, in a cloud service, that retention and destruction
#       follow the selectielijst (art. 5) is the checker's reading. Art. 3 asks no export, so this rule does not ask it
#       (its predecessor KWZBO-ARCHIEFWET-3-RETENTION did). Art. 3 holds for records wherever they are; the checker
#       checks only cloud services of an external supplier, where the organisation must agree the arrangement with the
#       supplier. BIO2 5.33.01 named selectielijsten, but the BIO2 working version removes that reference from the
#       norm (PR #476); so the rule does not rest on BIO2. The new Archiefwet (Stb. 2026, 149) is not yet in force and
#       renumbers the articles; see policies/data/archiefwet.json. The date of entry into force of the Archiefwet 1995
#       (1 January 1996) is from memory.
#   subject:
#     nl: clouddiensten van een externe leverancier die archiefbescheiden houden
#     en: cloud services of an external supplier that hold archiefbescheiden
#   applies_to: [archiefwet]
#   stages: [procurement, implementation, operation]
#   effective_from: "1996-01-01"
#   waivable: true
package cloudbeleid.rules.archiefwet.retention

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

path := ["records", "retention_per_selectielijst"]

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	svc.records.holds_archiefbescheiden == true
}

deny contains result.fail(i, path, "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], path)
}
