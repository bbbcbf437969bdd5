# METADATA
# scope: package
# custom:
#   id: CB26-BASISREG-SOURCE
#   severity: high
#   title:
#     nl: De brondata van een basisregistratie worden niet in een publieke cloud beheerd
#     en: The source data of a basisregistratie are not managed in a public cloud
#   description:
#     nl: >-
#       Volgens het herziene cloudbeleid (2026) worden de brondata van basisregistraties nooit in een publieke cloud
#       beheerd, binnen of buiten de EER; een basisregistratie staat niet (alleen) in een publieke cloud. Een publieke
#       cloud voor extra capaciteit, met een kopie, mag wel. Geen risicoacceptatie kan dit opheffen.
#     en: >-
#       Under the revised cloud policy (2026) the source data of basisregistraties are never managed in a public cloud,
#       inside or outside the EER; a basisregistratie is not held (only) in a public cloud. A public cloud for extra
#       capacity, with a copy, is allowed. No risk acceptance can lift this.
#   messages:
#     default:
#       nl: "De brondata van basisregistratie {name} (rol: bron) staan in een publieke cloud ({model})."
#       en: "The source data of basisregistratie {name} (role: bron) are in a public cloud ({model})."
#   remediation:
#     nl: >-
#       Beheer de brondata van de basisregistratie buiten de publieke cloud, bijvoorbeeld in een overheidsdatacentrum;
#       een kopie voor extra capaciteit mag in de publieke cloud (rol kopie). Geen risicoacceptatie of
#       uitzonderingsbesluit kan dit opheffen.
#     en: >-
#       Manage the source data of the basisregistratie outside the public cloud, for instance in a government data
#       centre; a copy for extra capacity may be in the public cloud (role kopie). No risk acceptance or exception
#       decision can lift this.
#   sources:
#     - document: >-
#         IB & Privacy Quickscan met een regelmodule voor het herziene cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S14)
#       quote: Die komt niet (alleen) in een publieke cloud, en de brondata worden daar nooit beheerd.
#       status: secondary
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         geen publieke cloud voor staatsgeheim gerubriceerde informatie, TBB-niveau 1 tot en met 3 en de
#         brondata van basisregistraties … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele
#         Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het
#         beleid, andere overheden krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn
#         van vier jaar. Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§5.4"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§5.4 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§5.4) komt uit een communitybron (ArcKit). Brondata leest
#       de checker als een basisregistratie met de rol bron (data.basisregistraties[].role); een kopie of afnemer valt
#       erbuiten, ook de BRP (dat 'nee, tenzij' van 2022 toetst CB22-BASISREG-NO-PUBLIC-CLOUD). Publieke cloud is
#       public of hybrid. Anders dan in 2022 ('in principe') heft een uitzonderingsbesluit (governance.exception_ref)
#       het verbod niet op. Of een basisregistratie ook ergens anders staat (niet 'alleen' in de publieke cloud), toont
#       de beschrijving van één dienst niet. Overgang: een bestaande dienst (service.start_date vóór 2026-07-03)
#       toetst de checker pas vanaf 2030-07-03, of na het einde van een contract dat vóór 2026-07-03 begon als dat
#       later afloopt (overgangstermijn van vier jaar, secundaire bronnen); een dienst zonder ingangsdatum geldt als
#       nieuw. Zulke diensten zijn tot dan geen onderwerp van de regel: de verplichting van een bevinding volgt uit de
#       regelgegevens en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§5.4) comes from a community source (ArcKit). Source data the
#       checker reads as a basisregistratie with the role bron (data.basisregistraties[].role); a copy or consumer is
#       outside it, the BRP included (the 2022 'no, unless' is checked by CB22-BASISREG-NO-PUBLIC-CLOUD). Public cloud
#       is public or hybrid. Unlike 2022 ('in principle') an exception decision (governance.exception_ref) does not
#       lift the ban. Whether a basisregistratie is also held elsewhere (not 'only' in the public cloud) one service's
#       descriptor does not show. Transition: an existing service (service.start_date before 2026-07-03) is checked
#       only from 2030-07-03, or after the end of a contract that began before 2026-07-03 if that ends later
#       (four-year transition, secondary sources); a service without a start date counts as new. Until then such
#       services are not a subject of the rule: a finding's enforcement follows from the rule's metadata and cannot be
#       lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: publieke clouddiensten met gegevens uit een basisregistratie, nieuw of na de overgangstermijn
#     en: public cloud services holding data of a basisregistratie, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: false
package cloudbeleid.rules.cb26.basisreg_source

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

registrations(svc) := object.get(svc, ["data", "basisregistraties"], [])

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	count(registrations(svc)) > 0
}

deny contains result.fail(i, ["data", "basisregistraties", j], "default", {"name": name, "model": svc.service.deployment_model}) if {
	some i in subject
	svc := input.services[i]
	some j, registration in registrations(svc)
	registration.role == "bron"
	name := registration.name
}
