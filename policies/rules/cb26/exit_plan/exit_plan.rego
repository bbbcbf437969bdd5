# METADATA
# scope: package
# custom:
#   id: CB26-EXIT-PLAN
#   severity: high
#   title:
#     nl: Een zelf getoetst exitplan voor een geplande overstap en een onverwachte uitval, met vernietiging van de gegevens, jaarlijks herzien
#     en: A self-tested exit plan for a planned exit and a sudden outage, covering destruction of the data, reviewed every year
#   description:
#     nl: >-
#       Voor materieel cloudgebruik vraagt het herziene cloudbeleid (2026) een gedocumenteerd exitplan dat de
#       organisatie zelf heeft getoetst, met twee scenario's: een geplande overstap en een plotselinge uitval. Het plan
#       regelt ook de vernietiging van de gegevens bij de leverancier en wordt jaarlijks herzien. Voor bestaand gebruik
#       moet het exitplan er binnen twaalf maanden zijn.
#     en: >-
#       For materieel cloud use the revised cloud policy (2026) requires a documented exit plan that the organisation
#       has tested itself, with two scenarios: a planned exit and a sudden outage. The plan also covers the destruction
#       of the data at the provider and is reviewed every year. For existing use the exit plan must be there within
#       twelve months.
#   messages:
#     default:
#       nl: "Er is geen exitplan (exit.plan) voor dit materiële cloudgebruik."
#       en: "There is no exit plan (exit.plan) for this materieel cloud use."
#     scenario:
#       nl: "Het exitplan kent geen scenario '{scenario}' (exit.plan.scenarios)."
#       en: "The exit plan has no scenario '{scenario}' (exit.plan.scenarios)."
#     untested:
#       nl: "De organisatie heeft het exitplan niet zelf getoetst (exit.plan.self_tested_on, op of vóór {as_of})."
#       en: "The organisation has not tested the exit plan itself (exit.plan.self_tested_on, on or before {as_of})."
#     destruction:
#       nl: "Het exitplan regelt niet hoe de leverancier de gegevens vernietigt (exit.covers_data_destruction)."
#       en: "The exit plan does not say how the provider destroys the data (exit.covers_data_destruction)."
#     unreviewed:
#       nl: "Het exitplan heeft geen datum en geen herziening (exit.plan.date, exit.plan.last_review)."
#       en: "The exit plan has no date and no review (exit.plan.date, exit.plan.last_review)."
#     stale:
#       nl: "Het exitplan is het laatst herzien op {date}, op {as_of} langer dan {months} maanden geleden."
#       en: "The exit plan was last reviewed on {date}, more than {months} months before {as_of}."
#   remediation:
#     nl: >-
#       Leg een exitplan vast (exit.plan) met de scenario's planned_exit en sudden_outage, regel de vernietiging van de
#       gegevens bij de leverancier (exit.covers_data_destruction), toets het plan zelf (exit.plan.self_tested_on) en
#       herzie het elk jaar (exit.plan.last_review).
#     en: >-
#       Record an exit plan (exit.plan) with the scenarios planned_exit and sudden_outage, arrange the destruction of
#       the data at the provider (exit.covers_data_destruction), test the plan yourself (exit.plan.self_tested_on) and
#       review it every year (exit.plan.last_review).
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         een zelf getoetst exitplan voor een geplande overstap en voor een onverwachte uitval, jaarlijks
#         geactualiseerd … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve
#         de Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het beleid, andere
#         overheden krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn van vier jaar.
#         Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening
#         rijksbreed cloudbeleid 2026, stand oktober 2026
#       section: overgangstermijn
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: Bestaand gebruik heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: twee scenario's en vernietiging van data bij de leverancier
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§3.2"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§3.2 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§3.2) komt uit een communitybron (ArcKit). Een exitplan
#       bestaat als exit.plan is vastgelegd. Zelf getoetst: exit.plan.self_tested_on ligt op of vóór de peildatum.
#       Jaarlijks herzien leest de checker als: de laatste herziening (exit.plan.last_review, anders exit.plan.date)
#       ligt niet meer dan 12 kalendermaanden vóór de peildatum; de 12 maanden volgen uit 'jaarlijks' en zijn daarom
#       vast, niet instelbaar. Vernietiging leest hij uit exit.covers_data_destruction. Overgang: een bestaande dienst
#       (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2027-07-03 (twaalf maanden voor het
#       exitplan, secundaire bronnen); de samenvattingen stellen een ontbrekend exitplan tot dan gelijk aan een
#       waarschuwing, maar de verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet dalen,
#       dus is zo'n dienst tot die datum geen onderwerp van de regel. Een dienst zonder ingangsdatum geldt als nieuw.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§3.2) comes from a community source (ArcKit). An exit plan exists
#       when exit.plan is recorded. Self-tested: exit.plan.self_tested_on lies on or before the reference date.
#       Reviewed every year the checker reads as: the last review (exit.plan.last_review, else exit.plan.date) lies no
#       more than 12 calendar months before the reference date; the 12 months follow from 'every year' and are
#       therefore fixed, not configurable. Destruction is read from exit.covers_data_destruction. Transition: an
#       existing service (service.start_date before 2026-07-03) is checked only from 2027-07-03 (twelve months for the
#       exit plan, secondary sources); the summaries would make a missing exit plan a warning until then, but a
#       finding's enforcement follows from the rule's metadata and cannot be lowered per service, so such a service is
#       not a subject of the rule until that date. A service without a start date counts as new.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier, nieuw of na de termijn voor het exitplan
#     en: materieel cloud services of an external supplier, new or past the exit-plan deadline
#   applies_to: [cloudbeleid_2026]
#   stages: [implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.exit_plan

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

scenarios := ["planned_exit", "sudden_outage"]

review_months := 12

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cloud.materieel(svc)
	cb26.exit_plan_in_force(svc)
}

has_plan(i) if input.services[i].exit.plan

plan(i) := object.get(input.services[i], ["exit", "plan"], {})

tested(i) if plan(i).self_tested_on <= input.as_of

# The last review: last_review, else the plan's date.
reviewed(i) := plan(i).last_review

reviewed(i) := plan(i).date if not plan(i).last_review

deny contains result.fail(i, ["exit", "plan"], "default", {}) if {
	some i in subject
	not has_plan(i)
}

deny contains result.fail(i, ["exit", "plan", "scenarios"], "scenario", {"scenario": scenario}) if {
	some i in subject
	has_plan(i)
	some scenario in scenarios
	not scenario in object.get(plan(i), "scenarios", [])
}

deny contains result.fail(i, ["exit", "plan", "self_tested_on"], "untested", {"as_of": input.as_of}) if {
	some i in subject
	has_plan(i)
	not tested(i)
}

deny contains result.fail(i, ["exit", "covers_data_destruction"], "destruction", {}) if {
	some i in subject
	has_plan(i)
	service.unconfirmed(input.services[i], ["exit", "covers_data_destruction"])
}

deny contains result.fail(i, ["exit", "plan", "last_review"], "unreviewed", {}) if {
	some i in subject
	has_plan(i)
	not reviewed(i)
}

deny contains violation if {
	some i in subject
	date := reviewed(i)
	dates.older_than_months(date, input.as_of, review_months)
	params := {"date": date, "as_of": input.as_of, "months": review_months}
	violation := result.fail(i, ["exit", "plan", "last_review"], "stale", params)
}
