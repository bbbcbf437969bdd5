# METADATA
# scope: package
# custom:
#   id: ARCHIEFWET-12-TRANSFER
#   severity: medium
#   title:
#     nl: Overbrenging van blijvend te bewaren archiefbescheiden naar een archiefbewaarplaats is gepland of opgeschort
#     en: Transfer of permanent records to an archiefbewaarplaats is planned or suspended
#   description:
#     nl: >-
#       Archiefbescheiden die niet voor vernietiging in aanmerking komen, brengt de zorgdrager na een wettelijke termijn
#       over naar een archiefbewaarplaats: twintig jaar onder de Archiefwet 1995 (art. 12 lid 1), tien jaar onder de
#       nieuwe Archiefwet zodra die in werking is. Staan zulke bescheiden in een clouddienst van een externe
#       leverancier, dan moet de overbrenging vooraf geregeld zijn, tenzij een machtiging haar heeft opgeschort (art. 13).
#     en: >-
#       Records that do not qualify for destruction are transferred by the zorgdrager to an archiefbewaarplaats after a
#       statutory term: twenty years under the Archiefwet 1995 (art. 12(1)), ten years under the new Archiefwet once it
#       is in force. Where such records are in a cloud service of an external supplier, the transfer must be arranged
#       beforehand, unless an authorisation has suspended it (art. 13).
#   messages:
#     default:
#       nl: "De clouddienst houdt blijvend te bewaren archiefbescheiden, maar overbrenging naar een archiefbewaarplaats na {years} jaar ({law}) is niet gepland (records.transfer_to_archive_planned is niet true) en niet opgeschort."
#       en: "The cloud service holds permanent records, but their transfer to an archiefbewaarplaats after {years} years ({law}) is neither planned (records.transfer_to_archive_planned is not true) nor suspended."
#     suspension_expired:
#       nl: "De opschorting van de overbrenging ({decision}) liep tot {until}, vóór de peildatum {as_of}; plan de overbrenging na {years} jaar ({law}) of vraag verlenging (art. 13)."
#       en: "The suspension of the transfer ({decision}) ran until {until}, before the reference date {as_of}; plan the transfer after {years} years ({law}) or obtain an extension (art. 13)."
#   remediation:
#     nl: >-
#       Plan de overbrenging van de blijvend te bewaren archiefbescheiden naar de archiefbewaarplaats (met formaat,
#       metadata en termijn, afgestemd met de archiefbewaarplaats), leg vast dat de leverancier daaraan meewerkt, en zet
#       records.transfer_to_archive_planned op true; of leg de machtiging tot opschorting vast in
#       records.transfer_suspension (until en decision_ref).
#     en: >-
#       Plan the transfer of the permanent records to the archiefbewaarplaats (format, metadata and term, agreed with
#       the archiefbewaarplaats), make sure the provider's cooperation is agreed, and set
#       records.transfer_to_archive_planned to true; or record the authorised suspension in
#       records.transfer_suspension (until and decision_ref).
#   sources:
#     - document: Archiefwet 1995 (BWBR0007376), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2024-06-19)
#       section: art. 12 lid 1
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel12
#       quote: >-
#         De zorgdrager brengt de archiefbescheiden die niet voor vernietiging in aanmerking komen en ouder zijn dan
#         twintig jaar over naar een archiefbewaarplaats.
#       status: verified
#     - document: Archiefwet 1995 (BWBR0007376), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2024-06-19)
#       section: art. 13 lid 3 en 4 (opschorting)
#       url: https://wetten.overheid.nl/BWBR0007376/2024-06-19#Artikel13
#       quote: >-
#         nog veelvuldig worden gebruikt of geraadpleegd … voor een periode van ten hoogste tien jaar, na afloop waarvan
#         verlenging kan worden verkregen.
#       status: verified
#     - document: Nieuwe Archiefwet (Kamerstuk 35 968), Stb. 2026, 149, volgens een secundaire bron; inwerkingtreding bij koninklijk besluit, beoogd 1 januari 2027
#       quote: in verband daarmee de overbrengingstermijn te verkorten
#       status: secondary
#     - document: Kamerstuk 35 968, D (Eerste Kamer), nota naar aanleiding van het verslag, ontvangen 30 oktober 2025, opening
#       url: https://zoek.officielebekendmakingen.nl/kst-35968-D.html
#       quote: >-
#         Intrekking van de Archiefwet 1995 en vervanging door een nieuwe Archiefwet (Archiefwet 20..)
#       status: verified
#   interpretation:
#     nl: >-
#       De termijn komt uit policies/data/archiefwet.json: twintig jaar (Archiefwet 1995), tenzij de nieuwe Archiefwet
#       op de peildatum in werking is (in_force_from); dan tien jaar. Op 1 december 2026 is geen koninklijk besluit over
#       de inwerkingtreding gevonden, dus in_force_from is leeg en geldt de Archiefwet 1995, ook na de beoogde datum 1
#       januari 2027. De checker toetst alleen dat overbrenging gepland is (records.transfer_to_archive_planned) voor
#       diensten met blijvend te bewaren archiefbescheiden (records.permanent_records), of dat een machtiging haar tot
#       een datum na de peildatum heeft opgeschort (records.transfer_suspension.until, art. 13 lid 3-4: ten hoogste tien
#       jaar, verlengbaar); hoe oud de bescheiden zijn, ziet hij niet. Geldt voor ieder overheidsorgaan (art. 1 onder
#       b), niet alleen voor zbo's, en alleen voor clouddiensten van een externe leverancier. De datum van
#       inwerkingtreding van de Archiefwet 1995 (1 januari 1996) is uit het geheugen.
#     en: >-
#       The term comes from policies/data/archiefwet.json: twenty years (Archiefwet 1995), unless the new Archiefwet is
#       in force on the reference date (in_force_from); then ten years. On 1 December 2026 no royal decree on its entry
#       into force was found, so in_force_from is empty and the Archiefwet 1995 applies, also after the intended date
#       of 1 January 2027. The checker only tests that transfer is planned (records.transfer_to_archive_planned) for
#       services with permanent records (records.permanent_records), or that an authorisation suspended it until a date
#       after the reference date (records.transfer_suspension.until, art. 13(3)-(4): at most ten years, renewable); it
#       does not see how old the records are. Binds every public body (art. 1(b)), not only zbo's, and only for cloud
#       services of an external supplier. The date of entry into force of the Archiefwet 1995 (1 January 1996) is from
#       memory.
#   subject:
#     nl: clouddiensten van een externe leverancier met blijvend te bewaren archiefbescheiden
#     en: cloud services of an external supplier with permanent records
#   applies_to: [archiefwet]
#   stages: [procurement, implementation, operation]
#   effective_from: "1996-01-01"
#   waivable: true
package cloudbeleid.rules.archiefwet.transfer

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

path := ["records", "transfer_to_archive_planned"]

# The act in force on the reference date: the new Archiefwet once its entry into force is known and reached.
law := data.data.archiefwet.new if {
	from := data.data.archiefwet.new.in_force_from
	is_string(from)
	from <= input.as_of
} else := data.data.archiefwet.current

term := {"years": law.transfer_after_years, "law": law.name}

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	svc.records.permanent_records == true
}

suspended(svc) if svc.records.transfer_suspension.until >= input.as_of

deny contains result.fail(i, path, "default", term) if {
	some i in subject
	svc := input.services[i]
	service.unconfirmed(svc, path)
	not svc.records.transfer_suspension
}

deny contains result.fail(i, ["records", "transfer_suspension", "until"], "suspension_expired", params) if {
	some i in subject
	svc := input.services[i]
	service.unconfirmed(svc, path)
	not suspended(svc)
	suspension := svc.records.transfer_suspension
	params := object.union(term, {"until": suspension.until, "decision": suspension.decision_ref, "as_of": input.as_of})
}
