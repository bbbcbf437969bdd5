# METADATA
# title: Blijvend te bewaren archiefbescheiden worden overgebracht naar een archiefbewaarplaats (Archiefwet 1995 art. 12)
# scope: package
# custom:
#   id: KWZBO-ARCHIEFWET-12-TRANSFER
#   severity: medium
#   title:
#     nl: Overbrenging van blijvend te bewaren archiefbescheiden naar een archiefbewaarplaats is gepland
#     en: Transfer of permanent records to an archiefbewaarplaats is planned
#   description:
#     nl: >-
#       Archiefbescheiden die niet voor vernietiging in aanmerking komen, brengt de zorgdrager na een wettelijke termijn over naar een archiefbewaarplaats (art. 12 lid 1 Archiefwet 1995). Staan zulke bescheiden in een clouddienst, dan moet de overbrenging vooraf geregeld zijn: de bescheiden moeten op tijd en in een bruikbare vorm uit de dienst naar de archiefbewaarplaats kunnen.
#     en: >-
#       Records that do not qualify for destruction are transferred by the zorgdrager to an archiefbewaarplaats after a statutory term (art. 12(1) Archiefwet 1995). Where such records are in a cloud service, the transfer must be arranged beforehand: the records must be able to move from the service to the archiefbewaarplaats on time and in a usable form.
#   message:
#     nl: "De clouddienst houdt blijvend te bewaren archiefbescheiden, maar overbrenging naar een archiefbewaarplaats is niet gepland (records.transfer_to_archive_planned is niet true)."
#     en: "The cloud service holds permanent records, but their transfer to an archiefbewaarplaats is not planned (records.transfer_to_archive_planned is not true)."
#   remediation:
#     nl: >-
#       Plan de overbrenging van de blijvend te bewaren archiefbescheiden naar de archiefbewaarplaats (met formaat,
#       metadata en termijn, afgestemd met de archiefbewaarplaats), leg vast dat de leverancier daaraan meewerkt, en zet
#       records.transfer_to_archive_planned op true.
#     en: >-
#       Plan the transfer of the permanent records to the archiefbewaarplaats (format, metadata and term, agreed with
#       the archiefbewaarplaats), make sure the provider's cooperation is agreed, and set
#       records.transfer_to_archive_planned to true.
#   sources:
#     - document: Archiefwet 1995 (BWBR0007376)
#       section: art. 12 lid 1
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel12
#       quote: >-
#         De zorgdrager brengt de archiefbescheiden die niet voor vernietiging in aanmerking komen en ouder zijn dan
#         twintig jaar over naar een archiefbewaarplaats.
#       status: verified
#   interpretation:
#     nl: >-
#       De checker toetst alleen dat overbrenging gepland is (records.transfer_to_archive_planned) voor diensten met
#       blijvend te bewaren archiefbescheiden (records.permanent_records), en rekent niet met een termijn. Let op de
#       versie: volgens een secundaire bron is er een 'Archiefwet 2026', die de termijn van twintig jaar kan wijzigen
#       (het onderzoek herinnert zich tien jaar, niet geverifieerd). Daarom zit er geen termijn in de regel; controleer
#       de geldende wettekst voordat een termijn wordt toegevoegd. De regel geldt voor ieder overheidsorgaan, niet
#       alleen voor zbo's. De datum van inwerkingtreding (1 januari 1996) is uit het geheugen.
#     en: >-
#       The checker only tests that transfer is planned (records.transfer_to_archive_planned) for services with
#       permanent records (records.permanent_records), and does not compute a term. Mind the version: a secondary
#       source refers to an 'Archiefwet 2026' that may change the twenty-year term (the research recalls ten years,
#       not verified). That is why the rule holds no term; check the law in force before adding one. The rule binds
#       every public body, not only zbo's. The date of entry into force (1 January 1996) is from memory.
#   subject:
#     nl: clouddiensten met blijvend te bewaren archiefbescheiden
#     en: cloud services with permanent records
#   applies_to: [archiefwet]
#   stages: [procurement, implementation, operation]
#   effective_from: "1996-01-01"
#   waivable: true
package cloudbeleid.rules.kaderwet_zbo.archiefwet_transfer

import data.cloudbeleid.lib.result

subject contains i if {
	some i, svc in input.services
	svc.records.permanent_records == true
}

deny contains result.fail(i, ["records", "transfer_to_archive_planned"], {}) if {
	some i in subject
	object.get(input.services[i], ["records", "transfer_to_archive_planned"], false) != true
}
