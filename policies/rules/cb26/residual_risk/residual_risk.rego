# METADATA
# scope: package
# custom:
#   id: CB26-RESIDUAL-RISK
#   severity: medium
#   title:
#     nl: De verantwoordelijke bestuurder heeft het restrisico formeel geaccepteerd
#     en: The responsible administrator has formally accepted the residual risk
#   description:
#     nl: >-
#       Bij materieel cloudgebruik accepteert de verantwoordelijke bestuurder volgens het herziene cloudbeleid (2026)
#       het restrisico formeel; maatregelen die van de leverancier afhangen, komen in het contract.
#     en: >-
#       For materieel cloud use the revised cloud policy (2026) has the responsible administrator formally accept the
#       residual risk; measures that depend on the supplier go into the contract.
#   messages:
#     default:
#       nl: "Niet vastgelegd wie het restrisico formeel heeft geaccepteerd (assessments.residual_risk_accepted_by)."
#       en: "It is not recorded who formally accepted the residual risk (assessments.residual_risk_accepted_by)."
#     not_shown:
#       nl: "De beschrijving vermeldt geen gedateerde risicoafweging (assessments.risk_assessment.date) waarvan het restrisico is geaccepteerd; zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor shows no dated risk assessment (assessments.risk_assessment.date) whose residual risk was accepted; without it the rule cannot be met."
#     undated:
#       nl: "De acceptatie van het restrisico heeft geen datum (assessments.residual_risk_accepted_on)."
#       en: "The acceptance of the residual risk has no date (assessments.residual_risk_accepted_on)."
#     future:
#       nl: "Het restrisico is geaccepteerd op {date}, na de peildatum {as_of}."
#       en: "The residual risk was accepted on {date}, after the reference date {as_of}."
#     before_assessment:
#       nl: "Het restrisico is geaccepteerd op {date}, vóór de risicobeoordeling van {assessment_date}."
#       en: "The residual risk was accepted on {date}, before the risk assessment of {assessment_date}."
#   remediation:
#     nl: >-
#       Laat de verantwoordelijke bestuurder het restrisico uit de actuele risicobeoordeling formeel accepteren en leg
#       wie en wanneer vast in assessments.residual_risk_accepted_by en residual_risk_accepted_on; neem maatregelen
#       die van de leverancier afhangen op in het contract.
#     en: >-
#       Have the responsible administrator formally accept the residual risk of the current risk assessment and record
#       who and when in assessments.residual_risk_accepted_by and residual_risk_accepted_on; put measures that depend
#       on the supplier into the contract.
#   sources:
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       quote: formele acceptatie van het restrisico door de verantwoordelijke bestuurder
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§3.1 (nummer volgens de beoordelingstekst, onderzoek S13; niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       section: praktische tip, geen clausule
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         Leg het restrisico vast en laat het formeel accepteren. … De Herziening Rijksbreed Cloudbeleid 2026
#         geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige
#         bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te doen.
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§3.1) komt uit een communitybron (de beoordelingstekst in
#       een openbare GitHub-repository, onderzoek S13). Een acceptatie telt als assessments.residual_risk_accepted_by is ingevuld en
#       residual_risk_accepted_on op of vóór de peildatum ligt, en niet vóór de datum van de risicobeoordeling (de
#       acceptatie moet het restrisico van die beoordeling betreffen). Of de ondertekenaar de verantwoordelijke
#       bestuurder is, en of leveranciersmaatregelen in het contract staan, toont de beschrijving niet. Overgang: een
#       bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde
#       van een contract dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire
#       bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de
#       regel: de verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§3.1) comes from a community source (the assessment text in a public
#       GitHub repository, research S13). An
#       acceptance counts when assessments.residual_risk_accepted_by is filled in and residual_risk_accepted_on lies
#       on or before the reference date, and not before the date of the risk assessment (the acceptance must concern
#       that assessment's residual risk). Whether the signatory is the responsible administrator, and whether supplier
#       measures are in the contract, the descriptor does not show. Transition: an existing service
#       (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract that
#       began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service without a
#       start date counts as new. Until then such services are not a subject of the rule: a finding's enforcement
#       follows from the rule's metadata and cannot be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier, nieuw of na de overgangstermijn
#     en: materieel cloud services of an external supplier, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.residual_risk

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

subject contains i if {
	some i, svc in input.services
	cb26.materieel_in_force(svc)
}

accepted_by(svc) if object.get(svc, ["assessments", "residual_risk_accepted_by"], "") != ""

deny contains result.fail(i, ["assessments", "residual_risk_accepted_by"], "default", {}) if {
	some i in subject
	not accepted_by(input.services[i])
}

deny contains result.fail(i, ["assessments", "residual_risk_accepted_on"], "undated", {}) if {
	some i in subject
	svc := input.services[i]
	accepted_by(svc)
	not svc.assessments.residual_risk_accepted_on
}

deny contains result.fail(i, ["assessments", "residual_risk_accepted_on"], "future", params) if {
	some i in subject
	params := dates.after_reference(input.services[i].assessments.residual_risk_accepted_on)
}

# Unknown is not none: an acceptance of the residual risk without a dated risk assessment accepts nothing shown.
deny contains result.fail(i, ["assessments", "risk_assessment", "date"], "not_shown", {}) if {
	some i in subject
	svc := input.services[i]
	accepted_by(svc)
	not svc.assessments.risk_assessment.date
}

deny contains violation if {
	some i in subject
	svc := input.services[i]
	date := svc.assessments.residual_risk_accepted_on
	assessment_date := svc.assessments.risk_assessment.date
	date < assessment_date
	params := {"date": date, "assessment_date": assessment_date}
	violation := result.fail(i, ["assessments", "residual_risk_accepted_on"], "before_assessment", params)
}
