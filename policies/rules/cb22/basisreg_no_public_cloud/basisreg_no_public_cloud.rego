# METADATA
# title: Basisregistraties in principe niet in de publieke cloud
# scope: package
# custom:
#   id: CB22-BASISREG-NO-PUBLIC-CLOUD
#   severity: high
#   title:
#     nl: Geen bron van een basisregistratie, en geen BRP-gegevens, in de publieke cloud zonder gedocumenteerde uitzondering
#     en: No source of a basisregistratie, and no BRP data, in a public cloud without a documented exception
#   description:
#     nl: >-
#       Voor de opslag en verwerking van een basisregistratie, of een bron ervan, wordt in principe géén gebruik gemaakt van publieke cloudvoorzieningen. Voor gegevens uit de Basisregistratie Personen geldt 'nee, tenzij'. Een uitzondering moet gedocumenteerd zijn.
#     en: >-
#       For storing and processing a basisregistratie, or a source of one, public cloud is in principle not used. For data from the Basisregistratie Personen the rule is 'no, unless'. An exception must be documented.
#   message:
#     nl: "Bron van basisregistratie {name} (rol: {role}) in een publieke cloud zonder gedocumenteerde uitzondering."
#     en: "Source of basisregistratie {name} (role: {role}) in a public cloud without a documented exception."
#   messages:
#     brp:
#       nl: "Gegevens uit de BRP (rol: {role}) in een publieke cloud zonder gedocumenteerde uitzondering ('nee, tenzij')."
#       en: "Data from the BRP (role: {role}) in a public cloud without a documented exception ('no, unless')."
#   remediation:
#     nl: >-
#       Houd de basisregistratie (of haar bron) en BRP-gegevens buiten de publieke cloud, bijvoorbeeld in een
#       overheidsdatacentrum; of leg het uitzonderingsbesluit vast en verwijs ernaar in governance.exception_ref.
#     en: >-
#       Keep the basisregistratie (or its source) and BRP data out of the public cloud, for instance in a government
#       data centre; or record the exception decision and refer to it in governance.exception_ref.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: >-
#         In geval van de opslag en verwerking van een basisregistratie, of een bron van een basisregistratie wordt, in
#         principe géén gebruik gemaakt van public cloudvoorzieningen.
#       status: secondary
#     - document: Stadszaken, 'Publieke clouddiensten niet langer taboe voor overheden' (summary of Kamerstuk 26 643, nr. 904)
#       url: https://stadszaken.nl/artikel/4538/publieke-clouddiensten-niet-langer-taboe-voor-overheden
#       quote: Voor gegevens uit de basisregistratiepersoonsgegevens en bijzondere persoonsgegevens geldt het principe nee, tenzij.
#       status: secondary
#   interpretation:
#     nl: >-
#       'Een basisregistratie, of een bron van een basisregistratie' leest de checker als een dienst met de rol bron;
#       een kopie of afnemer van een andere basisregistratie dan de BRP valt erbuiten. Voor de BRP geldt 'nee, tenzij'
#       in elke rol (bron, kopie of afnemer). 'In principe' en 'tenzij' leest de checker als: alleen met een
#       gedocumenteerde uitzondering (governance.exception_ref). De secundaire bron noemt de BRP samen met bijzondere
#       persoonsgegevens, waarvoor de 'tenzij' opslag en verwerking binnen de EER of een adequaat land is; welke
#       voorwaarde voor de BRP geldt zegt zij niet, daarom vraagt de checker een uitzonderingsbesluit.
#     en: >-
#       'A basisregistratie, or a source of one' the checker reads as a service with the role bron (source); a copy or
#       consumer of a basisregistratie other than the BRP is outside it. For the BRP 'no, unless' holds in every role
#       (source, copy or consumer). 'In principle' and 'unless' the checker reads as: only with a documented exception
#       (governance.exception_ref). The secondary source names the BRP together with special categories of personal
#       data, whose 'unless' is storage and processing inside the EER or an adequate country; which condition holds
#       for the BRP it does not say, so the checker asks for an exception decision.
#   subject:
#     nl: publieke clouddiensten met de bron van een basisregistratie of met gegevens uit de BRP
#     en: public cloud services holding the source of a basisregistratie or data from the BRP
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.basisreg_no_public_cloud

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

# The basisregistraties of a service that only a documented exception admits to a public cloud, with their kind.
held(svc) := {entry |
	some j, registration in object.get(svc, ["data", "basisregistraties"], [])
	entry := {"index": j, "kind": kind(registration), "name": registration.name, "role": registration.role}
}

kind(registration) := "default" if registration.role == "bron"

kind(registration) := "brp" if {
	registration.role != "bron"
	registration.name == "BRP"
}

subject contains i if {
	some i, svc in input.services
	cloud.public_cloud(svc)
	count(held(svc)) > 0
}

excepted(svc) if svc.governance.exception_ref != ""

deny contains violation if {
	some i in subject
	svc := input.services[i]
	not excepted(svc)
	some entry in held(svc)
	params := {"name": entry.name, "role": entry.role}
	violation := result.fail_kind(i, ["data", "basisregistraties", entry.index], entry.kind, params)
}
