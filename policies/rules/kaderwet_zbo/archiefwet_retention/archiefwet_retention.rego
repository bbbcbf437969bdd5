# METADATA
# title: Archiefbescheiden in goede, geordende en toegankelijke staat, volgens de selectielijst (Archiefwet 1995 art. 3)
# scope: package
# custom:
#   id: KWZBO-ARCHIEFWET-3-RETENTION
#   severity: medium
#   title:
#     nl: Archiefbescheiden in de clouddienst volgen de selectielijst en zijn exporteerbaar
#     en: Archiefbescheiden in the cloud service follow the selectielijst and can be exported
#   description:
#     nl: >-
#       Ieder overheidsorgaan, ook een zbo, brengt zijn archiefbescheiden in goede, geordende en toegankelijke staat, bewaart ze en vernietigt wat daarvoor in aanmerking komt (art. 3 Archiefwet 1995). Houdt een clouddienst archiefbescheiden, dan moeten bewaren en vernietigen de selectielijst volgen en moeten de bescheiden uit de dienst te halen zijn.
#     en: >-
#       Every public body, a zbo included, keeps its archiefbescheiden in good, orderly and accessible condition and destroys those that qualify for destruction (art. 3 Archiefwet 1995). Where a cloud service holds archiefbescheiden, retention and destruction must follow the selectielijst and the records must be retrievable from the service.
#   message:
#     nl: "De clouddienst houdt archiefbescheiden, maar {field} is niet true."
#     en: "The cloud service holds archiefbescheiden, but {field} is not true."
#   messages:
#     selectielijst:
#       nl: "De clouddienst houdt archiefbescheiden, maar bewaren en vernietigen volgen niet aantoonbaar de selectielijst (records.retention_per_selectielijst is niet true)."
#       en: "The cloud service holds archiefbescheiden, but retention and destruction do not demonstrably follow the selectielijst (records.retention_per_selectielijst is not true)."
#     export:
#       nl: "De clouddienst houdt archiefbescheiden, maar niet aangetoond is dat ze exporteerbaar zijn en dus toegankelijk blijven (exit.data_export_possible is niet true)."
#       en: "The cloud service holds archiefbescheiden, but it is not shown that they can be exported and so stay accessible (exit.data_export_possible is not true)."
#   remediation:
#     nl: >-
#       Richt bewaartermijnen en vernietiging in volgens de selectielijst die voor de organisatie geldt (leg die vast in
#       records.selectielijst_ref en zet records.retention_per_selectielijst op true), en zorg dat alle archiefbescheiden
#       in een bruikbaar formaat uit de dienst te halen zijn (exit.data_export_possible).
#     en: >-
#       Set up retention terms and destruction according to the organisation's selectielijst (record it in
#       records.selectielijst_ref and set records.retention_per_selectielijst to true), and make sure all
#       archiefbescheiden can be exported from the service in a usable format (exit.data_export_possible).
#   sources:
#     - document: Archiefwet 1995 (BWBR0007376)
#       section: art. 3
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel3
#       quote: >-
#         De overheidsorganen zijn verplicht de onder hen berustende archiefbescheiden in goede, geordende en
#         toegankelijke staat te brengen en te bewaren, alsmede zorg te dragen voor de vernietiging van de daarvoor in
#         aanmerking komende archiefbescheiden.
#       status: verified
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2)
#       section: overheidsmaatregel 5.33.01 (bewaartermijnen in selectielijsten vastgesteld en geïmplementeerd)
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       status: verified
#   interpretation:
#     nl: >-
#       Art. 3 noemt geen selectielijst en geen export. Dat 'goede, geordende en toegankelijke staat' en de zorg voor
#       vernietiging voor een clouddienst betekenen dat bewaren en vernietigen de selectielijst volgen (art. 5
#       Archiefwet; BIO2 5.33.01) en dat alle archiefbescheiden exporteerbaar zijn, is de lezing van het onderzoek en
#       de checker. De checker leest alleen records.holds_archiefbescheiden, records.retention_per_selectielijst en
#       exit.data_export_possible. De regel geldt voor ieder overheidsorgaan (art. 1 onder b), niet alleen voor
#       zbo's. De datum van inwerkingtreding (1 januari 1996) is uit het geheugen.
#     en: >-
#       Art. 3 mentions neither a selectielijst nor export. That 'good, orderly and accessible condition' and the duty
#       to destroy mean, for a cloud service, that retention and destruction follow the selectielijst (Archiefwet art.
#       5; BIO2 5.33.01) and that all archiefbescheiden can be exported, is the reading of the research and the
#       checker. The checker reads only records.holds_archiefbescheiden, records.retention_per_selectielijst and
#       exit.data_export_possible. The rule binds every public body (art. 1(b)), not only zbo's. The date of entry
#       into force (1 January 1996) is from memory.
#   subject:
#     nl: clouddiensten die archiefbescheiden houden
#     en: cloud services that hold archiefbescheiden
#   applies_to: [archiefwet]
#   stages: [procurement, implementation, operation]
#   effective_from: "1996-01-01"
#   waivable: true
package cloudbeleid.rules.kaderwet_zbo.archiefwet_retention

import data.cloudbeleid.lib.result

# Each required field with the kind of its message.
required := {
	"selectielijst": ["records", "retention_per_selectielijst"],
	"export": ["exit", "data_export_possible"],
}

subject contains i if {
	some i, svc in input.services
	svc.records.holds_archiefbescheiden == true
}

deny contains result.fail_kind(i, path, kind, {"field": concat(".", path)}) if {
	some i in subject
	some kind, path in required
	object.get(input.services[i], path, false) != true
}
