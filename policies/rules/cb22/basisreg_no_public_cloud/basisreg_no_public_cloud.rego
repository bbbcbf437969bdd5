# METADATA
# scope: package
# custom:
#   id: CB22-BASISREG-NO-PUBLIC-CLOUD
#   severity: high
#   title:
#     nl: >-
#       Geen bron van een basisregistratie in de publieke cloud zonder uitzondering, en BRP-gegevens alleen
#       binnen de EER
#     en: >-
#       No source of a basisregistratie in a public cloud without an exception, and BRP data only inside the EER
#   description:
#     nl: >-
#       Voor de opslag en verwerking van een basisregistratie, of een bron ervan, wordt in principe géén gebruik gemaakt van publieke cloudvoorzieningen; een uitzondering moet gedocumenteerd zijn. Voor gegevens uit de Basisregistratie Personen geldt 'nee, tenzij': onder meer opslag binnen de EER en naleving van de AVG.
#     en: >-
#       For storing and processing a basisregistratie, or a source of one, public cloud is in principle not used; an exception must be documented. For data from the Basisregistratie Personen the rule is 'no, unless': among other things storage inside the EER and compliance with the GDPR.
#   messages:
#     default:
#       nl: "Bron van basisregistratie {name} (rol: {role}) in een publieke cloud zonder gedocumenteerde uitzondering."
#       en: "Source of basisregistratie {name} (role: {role}) in a public cloud without a documented exception."
#     brp:
#       nl: "Gegevens uit de BRP (rol: {role}) in een publieke cloud, niet aantoonbaar binnen de EER opgeslagen (hosting.storage_locations); de 'tenzij' vraagt opslag binnen de EER."
#       en: "Data from the BRP (role: {role}) in a public cloud, not shown to be stored inside the EER (hosting.storage_locations); the 'unless' asks for storage inside the EER."
#   remediation:
#     nl: >-
#       Houd de bron van een basisregistratie buiten de publieke cloud, bijvoorbeeld in een overheidsdatacentrum, of
#       leg het uitzonderingsbesluit vast in governance.exception_ref; sla BRP-gegevens alleen binnen de EER op.
#     en: >-
#       Keep the source of a basisregistratie out of the public cloud, for instance in a government data centre, or
#       record the exception decision in governance.exception_ref; store BRP data only inside the EER.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: >-
#         In geval van de opslag en verwerking van een basisregistratie, of een bron van een basisregistratie wordt, in
#         principe géén gebruik gemaakt van public cloudvoorzieningen.
#       status: secondary
#     - document: Stadszaken, 'Publieke clouddiensten niet langer taboe voor overheden' (summary of Kamerstuk 26 643, nr. 904)
#       url: https://stadszaken.nl/artikel/4538/publieke-clouddiensten-niet-langer-taboe-voor-overheden
#       quote: >-
#         'Voor gegevens uit de basisregistratiepersoonsgegevens en bijzondere persoonsgegevens geldt het principe nee,
#         tenzij.' Onder die tenzij valt onder meer de eis dat de data opgeslagen wordt in de Europese Economische Ruimte
#         (EER) en dat de opslag voldoet aan de AVG.
#       status: secondary
#   interpretation:
#     nl: >-
#       'Een basisregistratie, of een bron van een basisregistratie' leest de checker als een dienst met de rol
#       bron; 'in principe' en 'tenzij' leest hij daar als: alleen met een gedocumenteerde uitzondering
#       (governance.exception_ref). Een kopie of afnemer van een andere basisregistratie dan de BRP valt
#       erbuiten. Voor gegevens uit de BRP in een andere rol (kopie, afnemer) geldt 'nee, tenzij', en de
#       secundaire bron verbindt die 'tenzij' met opslag binnen de EER en naleving van de AVG, zoals bij
#       bijzondere persoonsgegevens ('Onder die tenzij valt onder meer de eis dat de data opgeslagen wordt in de
#       Europese Economische Ruimte (EER) en dat de opslag voldoet aan de AVG'); de checker vraagt daar dus
#       opslag binnen de EER (elke plaats in hosting.storage_locations), geen uitzonderingsbesluit. De AVG-eisen
#       toetsen de AVG-regels. Een gedocumenteerde uitzondering laat ook de BRP door.
#     en: >-
#       'A basisregistratie, or a source of one' the checker reads as a service with the role bron (source); 'in
#       principle' and 'unless' it reads there as: only with a documented exception (governance.exception_ref).
#       A copy or consumer of a basisregistratie other than the BRP is outside it. For BRP data in another role
#       (copy, consumer) 'no, unless' holds, and the secondary source ties that 'unless' to storage inside the
#       EER and compliance with the GDPR, as for special categories of personal data; so the checker asks there
#       for storage inside the EER (every place in hosting.storage_locations), not an exception decision. The
#       GDPR demands are checked by the AVG rules. A documented exception lets BRP data through too.
#   subject:
#     nl: publieke clouddiensten met de bron van een basisregistratie of met gegevens uit de BRP
#     en: public cloud services holding the source of a basisregistratie or data from the BRP
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.basisreg_no_public_cloud

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result

# The basisregistraties of a service that the public cloud does not admit as described, with their kind.
held(svc) := {entry |
	some j, registration in object.get(svc, ["data", "basisregistraties"], [])
	some kind in kinds(svc, registration)
	entry := {"index": j, "kind": kind, "name": registration.name, "role": registration.role}
}

kinds(_, registration) := {"default"} if registration.role == "bron"

# BRP data in another role: 'nee, tenzij', and the 'tenzij' is storage inside the EER (and AVG compliance, which the
# AVG rules check), not an exception decision.
kinds(svc, registration) := {"brp"} if {
	registration.role != "bron"
	registration.name == "BRP"
	not stored_in_eer(svc)
}

stored_in_eer(svc) if {
	storage := object.get(svc, ["hosting", "storage_locations"], [])
	count(storage) > 0
	every country in storage {
		country in countries.eer
	}
}

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	some registration in object.get(svc, ["data", "basisregistraties"], [])
	concerned(registration)
}

concerned(registration) if registration.role == "bron"

concerned(registration) if registration.name == "BRP"

excepted(svc) if svc.governance.exception_ref != ""

deny contains violation if {
	some i in subject
	svc := input.services[i]
	not excepted(svc)
	some entry in held(svc)
	params := {"name": entry.name, "role": entry.role}
	violation := result.fail(i, ["data", "basisregistraties", entry.index], entry.kind, params)
}
