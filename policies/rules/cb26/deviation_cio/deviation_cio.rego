# METADATA
# scope: package
# custom:
#   id: CB26-DEVIATION-CIO
#   severity: medium
#   title:
#     nl: Een gedocumenteerde afwijking van het cloudbeleid is gemeld aan CIO Rijk
#     en: A documented deviation from the cloud policy was reported to CIO Rijk
#   description:
#     nl: >-
#       Wie afwijkt van het herziene cloudbeleid (2026), meldt dat volgens de samenvatting van MinBZK vooraf bij CIO
#       Rijk.
#     en: >-
#       Whoever deviates from the revised cloud policy (2026) reports it to CIO Rijk in advance, according to the
#       MinBZK summary.
#   messages:
#     default:
#       nl: "De dienst wijkt af van het cloudbeleid (uitzondering {exception_ref}), maar de afwijking is niet (op of vóór {as_of}) gemeld aan CIO Rijk."
#       en: "The service deviates from the cloud policy (exception {exception_ref}), but the deviation was not reported to CIO Rijk (on or before {as_of})."
#   remediation:
#     nl: >-
#       Meld de afwijking vooraf bij CIO Rijk en leg de datum vast in governance.deviation_reported_to_cio_rijk_on, of
#       pas de dienst aan zodat zij niet meer afwijkt en verwijder governance.exception_ref.
#     en: >-
#       Report the deviation to CIO Rijk in advance and record the date in governance.deviation_reported_to_cio_rijk_on,
#       or change the service so that it no longer deviates and remove governance.exception_ref.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         Wijk je af van het beleid, meld dat dan vooraf bij CIO Rijk. … De Herziening Rijksbreed Cloudbeleid
#         2026 geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige
#         bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te doen. … Bestaand gebruik
#         heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op een secundaire samenvatting, en de clausulenummers van deze herziening komen uit een communitybron (ArcKit),
#       die voor deze verplichting geen nummer geeft. Een afwijking leest de checker als een gedocumenteerde
#       uitzondering op het beleid in de beschrijving (governance.exception_ref); die moet gemeld zijn:
#       governance.deviation_reported_to_cio_rijk_on op of vóór de peildatum. Wanneer de afwijking begon, toont de
#       beschrijving niet, dus 'vooraf' toetst de checker niet. Een uitzondering in het uitzonderingenbestand van de
#       checker (waiver) is ook een afwijking, maar een regel ziet die niet. De samenvatting noemt de Rijksdienst; een zbo bindt de regel alleen met een beleidsregel of via art. 21a (zie hieronder). Overgang: een bestaande dienst
#       (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde van een contract
#       dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire bronnen); een
#       dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de regel: de
#       verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on a
#       secondary summary, and the clause numbers of this revision come from a community source (ArcKit), which gives
#       none for this obligation. A deviation the checker reads as a documented exception to the policy in the
#       descriptor (governance.exception_ref); it must have been reported:
#       governance.deviation_reported_to_cio_rijk_on on or before the reference date. When the deviation began the
#       descriptor does not show, so 'in advance' is not checked. An exception in the checker's waiver file is a
#       deviation too, but a rule cannot see it. The summary names the Rijksdienst; it binds a zbo only with a beleidsregel or through art. 21a (see below). Transition: an existing service (service.start_date
#       before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract that began before
#       2026-07-03 if that ends later (four-year transition, secondary sources); a service without a start date counts
#       as new. Until then such services are not a subject of the rule: a finding's enforcement follows from the
#       rule's metadata and cannot be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: clouddiensten van een externe leverancier met een gedocumenteerde uitzondering, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier with a documented exception, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.deviation_cio

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	object.get(svc, ["governance", "exception_ref"], "") != ""
}

reported(svc) if svc.governance.deviation_reported_to_cio_rijk_on <= input.as_of

deny contains result.fail(i, ["governance", "deviation_reported_to_cio_rijk_on"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not reported(svc)
	params := {"exception_ref": svc.governance.exception_ref, "as_of": input.as_of}
}
