# METADATA
# scope: package
# custom:
#   id: CB26-C2000-AIVD-MIVD-ADVICE
#   severity: medium
#   title:
#     nl: Bij dreiging van statelijke actoren is advies ingewonnen bij de AIVD of de MIVD
#     en: Where state actors are a threat, advice was obtained from the AIVD or MIVD
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) houdt de C2000-criteria aan: leveranciers uit landen met een actief
#       cyberprogramma gericht tegen Nederlandse belangen zijn uitgesloten (dat toetst CB22-C2000). Waar statelijke
#       actoren een dreiging vormen, wint de organisatie bovendien advies in bij de AIVD of de MIVD.
#     en: >-
#       The revised cloud policy (2026) keeps the C2000 criteria: suppliers from countries with an active cyber
#       programme aimed at Dutch interests are excluded (CB22-C2000 checks that). Where state actors are a threat, the
#       organisation also obtains advice from the AIVD or the MIVD.
#   messages:
#     default:
#       nl: "Dreigingsprofiel {threat_profile}, maar er is geen advies van de AIVD of MIVD ingewonnen (governance.aivd_mivd_advice_on, op of vóór {as_of})."
#       en: "Threat profile {threat_profile}, but no advice was obtained from the AIVD or MIVD (governance.aivd_mivd_advice_on, on or before {as_of})."
#   remediation:
#     nl: >-
#       Vraag advies aan de AIVD (of, voor defensiebelangen, de MIVD) over de dreiging van statelijke actoren voor deze
#       dienst en leg de datum vast in governance.aivd_mivd_advice_on; verwerk het advies in de risicobeoordeling.
#     en: >-
#       Ask the AIVD (or, for defence interests, the MIVD) for advice on the state-actor threat to this service and
#       record the date in governance.aivd_mivd_advice_on; take the advice into the risk assessment.
#   sources:
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: C2000-criteria en advies van AIVD of MIVD bij dreiging van statelijke actoren
#       quote: >-
#         leveranciers uit landen met een actief cyberprogramma gericht tegen Nederlandse belangen zijn uitgesloten
#         (C2000-criteria)
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.2"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§4.2 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§4.2) komt uit een communitybron (ArcKit). Alleen het
#       adviesdeel is deze regel; de uitsluiting zelf toetst CB22-C2000 (in het pakket cb22), en die regel wordt hier
#       niet herhaald. Dreiging van statelijke actoren leest de checker als data.threat_profile verhoogd (het schema
#       omschrijft dat als statelijke actoren of vergelijkbare dreigers) of hoog. Advies telt als
#       governance.aivd_mivd_advice_on op of vóór de peildatum ligt; de inhoud ziet de checker niet. Overgang: een
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
#       secondary summaries, and the clause number (§4.2) comes from a community source (ArcKit). This rule is only the
#       advice part; the exclusion itself is checked by CB22-C2000 (in the cb22 pack) and is not repeated here. A
#       state-actor threat the checker reads as data.threat_profile verhoogd (the schema describes it as state actors or
#       similar threats) or hoog. Advice counts when governance.aivd_mivd_advice_on lies on or before the reference
#       date; its content the checker does not see. Transition: an existing service (service.start_date before
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
#     nl: clouddiensten van een externe leverancier met een verhoogd of hoog dreigingsprofiel, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier with a raised or high threat profile, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.state_actor_advice

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

state_actor_profiles := {"verhoogd", "hoog"}

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	svc.data.threat_profile in state_actor_profiles
}

advised(svc) if svc.governance.aivd_mivd_advice_on <= input.as_of

deny contains result.fail(i, ["governance", "aivd_mivd_advice_on"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not advised(svc)
	params := {"threat_profile": svc.data.threat_profile, "as_of": input.as_of}
}
