# METADATA
# scope: package
# custom:
#   id: CB26-WOO
#   severity: low
#   title:
#     nl: De relevante besluitvorming over materieel cloudgebruik is openbaar gemaakt volgens de Wet open overheid
#     en: The relevant decision-making on materieel cloud use is published under the Wet open overheid
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) gaat uit van openbaarmaking van de relevante besluitvorming over cloudgebruik
#       volgens de Wet open overheid (Woo). Een risicobeoordeling of exitplan kan een rubricering hebben die
#       openbaarmaking verhindert.
#     en: >-
#       The revised cloud policy (2026) expects the relevant decision-making on cloud use to be published under the Wet
#       open overheid (Woo). A risk assessment or exit plan may carry a classification that prevents publication.
#   messages:
#     default:
#       nl: "De besluitvorming over dit materiële cloudgebruik is niet aantoonbaar openbaar gemaakt volgens de Woo (governance.woo_published)."
#       en: "The decision-making on this materieel cloud use has not been shown to be published under the Woo (governance.woo_published)."
#   remediation:
#     nl: >-
#       Maak de besluitvorming over het cloudgebruik openbaar volgens de Wet open overheid, met weglating van wat de Woo
#       uitzondert (zoals gerubriceerde delen van risicobeoordeling of exitplan), en zet governance.woo_published op
#       true.
#     en: >-
#       Publish the decision-making on the cloud use under the Wet open overheid, leaving out what the Woo exempts (such
#       as classified parts of the risk assessment or exit plan), and set governance.woo_published to true.
#   sources:
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.4"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: Woo, actieve openbaarmaking van relevante besluitvorming
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§4.4 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen zonder letterlijk citaat, en het clausulenummer (§4.4) komt uit een communitybron
#       (ArcKit). 'Relevante besluitvorming' leest de checker als het besluit over materieel cloudgebruik (waarvoor de
#       risicobeoordeling en het exitplan worden gemaakt), voor diensten in migratie, in gebruik of in uitfasering:
#       voor een geplande dienst is nog geen besluit om openbaar te maken. Hij kijkt alleen of
#       governance.woo_published true is; wat openbaar moet en wat de Woo mag uitzonderen, toetst hij niet. Overgang:
#       een bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het
#       einde van een contract dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar,
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
#       secondary summaries without a verbatim quote, and the clause number (§4.4) comes from a community source
#       (ArcKit). 'Relevant decision-making' the checker reads as the decision on materieel cloud use (for which the
#       risk assessment and exit plan are made), for services that are migrating, in use or exiting: a planned service
#       has no decision to publish yet. It only looks whether governance.woo_published is true; what must be published
#       and what the Woo may withhold it does not check. Transition: an existing service (service.start_date before
#       2026-07-03) is checked only from 2030-07-03, or after the end of a contract that began before 2026-07-03 if
#       that ends later (four-year transition, secondary sources); a service without a start date counts as new. Until
#       then such services are not a subject of the rule: a finding's enforcement follows from the rule's metadata and
#       cannot be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier in migratie, in gebruik of in uitfasering, nieuw of na de overgangstermijn
#     en: materieel cloud services of an external supplier that are migrating, in use or exiting, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.woo

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

decided := {"migrating", "in_use", "exiting"}

subject contains i if {
	some i, svc in input.services
	cb26.materieel_in_force(svc)
	svc.service.status in decided
}

deny contains result.fail(i, ["governance", "woo_published"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["governance", "woo_published"])
}
