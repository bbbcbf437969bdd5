# METADATA
# scope: package
# custom:
#   id: CB26-DPIA-DTIA
#   severity: high
#   title:
#     nl: Een vastgestelde pre-scan DPIA of DPIA bij persoonsgegevens, en een DTIA bij doorgifte naar een land zonder adequaatheidsbesluit
#     en: An approved pre-scan DPIA or DPIA for personal data, and a DTIA for a transfer to a country without an adequacy decision
#   description:
#     nl: >-
#       Verwerkt materieel cloudgebruik persoonsgegevens, dan vraagt het herziene cloudbeleid (2026) een pre-scan DPIA
#       of DPIA, en een data transfer impact assessment (DTIA) wanneer gegevens naar een land zonder
#       adequaatheidsbesluit gaan.
#     en: >-
#       Where materieel cloud use processes personal data, the revised cloud policy (2026) requires a pre-scan DPIA or
#       DPIA, and a data transfer impact assessment (DTIA) where data go to a country without an adequacy decision.
#   messages:
#     default:
#       nl: "Er is geen vastgestelde pre-scan DPIA of DPIA voor dit materiële cloudgebruik met persoonsgegevens (pre-scan: {status})."
#       en: "There is no approved pre-scan DPIA or DPIA for this materieel cloud use with personal data (pre-scan: {status})."
#     dpia:
#       nl: "Een volledige DPIA is nodig (assessments.dpia.required), maar is niet vastgesteld (status: {status})."
#       en: "A full DPIA is required (assessments.dpia.required), but it is not approved (status: {status})."
#     not_shown:
#       nl: "De beschrijving vermeldt niet of een volledige DPIA nodig is (assessments.dpia.required, de uitkomst van de pre-scan DPIA); zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not say whether a full DPIA is required (assessments.dpia.required, the outcome of the pre-scan DPIA); without that fact the rule cannot pass."
#     dtia:
#       nl: "Gegevens gaan naar '{country}' ({field}), een land zonder adequaatheidsbesluit, zonder vastgestelde DTIA (status: {status})."
#       en: "Data go to '{country}' ({field}), a country without an adequacy decision, without an approved DTIA (status: {status})."
#   remediation:
#     nl: >-
#       Stel een pre-scan DPIA vast (assessments.prescan_dpia) en, waar die een hoog risico toont, een volledige DPIA
#       (assessments.dpia). Gaan gegevens naar een land zonder adequaatheidsbesluit, stel dan een DTIA vast
#       (assessments.dtia), of houd de gegevens binnen de EER of een adequaat land.
#     en: >-
#       Approve a pre-scan DPIA (assessments.prescan_dpia) and, where it shows a high risk, a full DPIA
#       (assessments.dpia). Where data go to a country without an adequacy decision, approve a DTIA (assessments.dtia),
#       or keep the data inside the EER or an adequate country.
#   sources:
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       quote: een DTIA bij doorgifte naar een land zonder adequaatheidsbesluit
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§3.1"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§3.1 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       section: praktische tip, geen clausule
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         met een DPIA en waar nodig een DTIA … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele
#         Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het
#         beleid, andere overheden krijgen het advies dat te doen.
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§3.1) komt uit een communitybron (ArcKit). Een
#       vastgestelde volledige DPIA telt ook als pre-scan. Of een volledige DPIA nodig is, leest de checker uit
#       assessments.dpia.required (de afleiding uit de gegevens doen CB22-DPIA-HIGH-RISK en AVG-35-DPIA); zonder
#       dat gegeven en zonder vastgestelde DPIA faalt de regel, want onbekend is geen 'niet nodig'. Doorgifte
#       is elke plek uit countries.locations (opslag, verwerking, back-up, supporttoegang, telemetrie, subverwerkers)
#       buiten de EER en buiten een adequaatheidsbesluit dat deze leverancier dekt (de VS alleen met DPF-certificering).
#       De regel geldt voor materiële diensten, zoals de samenvattingen haar onder materieel cloudgebruik noemen.
#       Overgang: een bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of
#       na het einde van een contract dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar,
#       secundaire bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen
#       onderwerp van de regel: de verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet
#       dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§3.1) comes from a community source (ArcKit). An approved full DPIA
#       also counts as the pre-scan. Whether a full DPIA is required the checker reads from assessments.dpia.required
#       (deriving it from the data is done by CB22-DPIA-HIGH-RISK and AVG-35-DPIA); without that fact and without an
#       approved DPIA the rule fails, since unknown is not 'not required'. A transfer is every place in
#       countries.locations (storage, processing, backup, support access, telemetry, subprocessors) outside the EER
#       and outside an adequacy decision that covers this provider (the US only with DPF certification). The rule
#       applies to materieel services, as the summaries list it under materieel cloud use. Transition: an existing
#       service (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract
#       that began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service without a
#       start date counts as new. Until then such services are not a subject of the rule: a finding's enforcement
#       follows from the rule's metadata and cannot be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier met persoonsgegevens, nieuw of na de overgangstermijn
#     en: materieel cloud services of an external supplier with personal data, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.dpia_dtia

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i, svc in input.services
	cb26.materieel_in_force(svc)
	cloud.personal_data(svc)
}

deny contains result.fail(i, ["assessments", "prescan_dpia", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "prescan_dpia")
	not assessment.approved(svc, "dpia")
	params := {"status": assessment.status(svc, "prescan_dpia")}
}

deny contains result.fail(i, ["assessments", "dpia", "status"], "dpia", {"status": assessment.status(svc, "dpia")}) if {
	some i in subject
	svc := input.services[i]
	svc.assessments.dpia.required == true
	not assessment.approved(svc, "dpia")
}

# Unknown is not "no DPIA needed": an approved DPIA settles it, otherwise the pre-scan's outcome must be stated.
deny contains result.fail(i, ["assessments", "dpia", "required"], "not_shown", {}) if {
	some i in subject
	svc := input.services[i]
	not is_boolean(object.get(svc, ["assessments", "dpia", "required"], null))
	not assessment.approved(svc, "dpia")
}

deny contains result.fail(i, location.path, "dtia", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "dtia")
	some location in service.transfers[i]
	params := {"country": location.country, "field": location.field, "status": assessment.status(svc, "dtia")}
}
