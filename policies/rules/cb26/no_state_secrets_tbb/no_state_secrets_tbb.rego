# METADATA
# scope: package
# custom:
#   id: CB26-NO-STATE-SECRETS-TBB
#   severity: critical
#   title:
#     nl: Geen staatsgeheim gerubriceerde informatie en geen TBB-niveau 1, 2 of 3 in de publieke cloud
#     en: No information classified as state secret and no TBB level 1, 2 or 3 in a public cloud
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) sluit de publieke cloud uit voor staatsgeheim gerubriceerde informatie en voor
#       informatie en processen met TBB-niveau 1, 2 of 3 (Te Beschermen Belangen, VIRBI 2025), ook als die gegevens
#       zelf niet gerubriceerd zijn. Geen risicoacceptatie kan dit opheffen.
#     en: >-
#       The revised cloud policy (2026) excludes public cloud for information classified as state secret and for
#       information and processes at TBB level 1, 2 or 3 (Te Beschermen Belangen, VIRBI 2025), even when the data
#       themselves are not classified. No risk acceptance can lift this.
#   messages:
#     default:
#       nl: "Staatsgeheim gerubriceerde informatie ({level}) in een publieke cloud ({model})."
#       en: "Information classified as state secret ({level}) in a public cloud ({model})."
#     tbb:
#       nl: "Informatie met TBB-niveau {level} in een publieke cloud ({model}); alleen TBB-niveau 4 is toegestaan."
#       en: "Information at TBB level {level} in a public cloud ({model}); only TBB level 4 is allowed."
#     not_shown:
#       nl: "De beschrijving vermeldt het TBB-niveau niet; zonder dat gegeven kan de regel niet voldoen (in een publieke cloud alleen TBB-niveau 4)."
#       en: "The descriptor does not state the TBB level; without it the rule cannot be met (in a public cloud only TBB level 4)."
#   remediation:
#     nl: >-
#       Verwerk staatsgeheime informatie en informatie met TBB-niveau 1 tot en met 3 niet in een publieke cloud, maar in
#       een daarvoor goedgekeurde omgeving (bijvoorbeeld een overheidsdatacentrum). Geen risicoacceptatie kan dit
#       opheffen.
#     en: >-
#       Do not process state secrets or information at TBB level 1 to 3 in a public cloud, but in an environment
#       approved for it (for instance a government data centre). No risk acceptance can lift this.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         geen publieke cloud voor staatsgeheim gerubriceerde informatie, TBB-niveau 1 tot en met 3 en de
#         brondata van basisregistraties … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele
#         Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het
#         beleid, andere overheden krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn
#         van vier jaar. Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: staatsgeheime informatie en TBB-niveau 1, 2 en 3 nooit in de publieke cloud
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§5.2"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§5.2 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§5.2) komt uit een communitybron (ArcKit). Publieke cloud
#       is public of hybrid. Staatsgeheim is data.rubricering stg_confidentieel, stg_geheim of stg_zeer_geheim; het
#       TBB-niveau leest de checker uit data.tbb_level, los van de rubricering. NAVO/EU-rubriceringen noemen de
#       samenvattingen niet; die toetsen CB22-NO-STATE-SECRETS en CB22-IK-ZEER-HOOG. Overgang: een bestaande dienst
#       (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde van een contract
#       dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire bronnen); een
#       dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van deze regel: de
#       verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet dalen. Staatsgeheimen in een
#       bestaande publieke clouddienst meldt in die tijd CB22-NO-STATE-SECRETS (pakket cb22), dat al onder het beleid
#       van 2022 gold.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§5.2) comes from a community source (ArcKit). Public cloud is
#       public or hybrid. State secret is data.rubricering stg_confidentieel, stg_geheim or stg_zeer_geheim; the TBB
#       level the checker reads from data.tbb_level, independently of the classification. NATO/EU markings the
#       summaries do not name; CB22-NO-STATE-SECRETS and CB22-IK-ZEER-HOOG check them. Transition: an existing service
#       (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract that
#       began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service without a
#       start date counts as new. Until then such services are not a subject of this rule: a finding's enforcement
#       follows from the rule's metadata and cannot be lowered per service. State secrets in an existing public cloud
#       service are reported meanwhile by CB22-NO-STATE-SECRETS (cb22 pack), which already held under the 2022 policy.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: publieke clouddiensten (public of hybrid), nieuw of na de overgangstermijn
#     en: public cloud services (public or hybrid), new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: false
package cloudbeleid.rules.cb26.no_state_secrets_tbb

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

state_secret_levels := {"stg_confidentieel", "stg_geheim", "stg_zeer_geheim"}

banned_tbb_levels := {1, 2, 3}

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	cb26.in_force(svc)
}

deny contains result.fail(i, ["data", "rubricering"], "default", {"level": level, "model": svc.service.deployment_model}) if {
	some i in subject
	svc := input.services[i]
	level := svc.data.rubricering
	level in state_secret_levels
}

# Unknown is not none: a public cloud service that does not state its TBB level is not shown to be at level 4.
deny contains result.fail(i, ["data", "tbb_level"], "not_shown", {}) if {
	some i in subject
	not input.services[i].data.tbb_level
}

deny contains result.fail(i, ["data", "tbb_level"], "tbb", {"level": level, "model": svc.service.deployment_model}) if {
	some i in subject
	svc := input.services[i]
	level := svc.data.tbb_level
	level in banned_tbb_levels
}
