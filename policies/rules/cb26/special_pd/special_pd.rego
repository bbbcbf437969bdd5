# METADATA
# scope: package
# custom:
#   id: CB26-SPECIAL-PD
#   severity: low
#   title:
#     nl: "Advies: bijzondere persoonsgegevens in de publieke cloud alleen met een vastgestelde DPIA en privacyverhogende technieken"
#     en: "Advice: special categories of personal data in a public cloud only with an approved DPIA and privacy-enhancing technologies"
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) wil bijzondere persoonsgegevens bij voorkeur niet in de publieke cloud. Moeten
#       ze er toch heen, dan met een DPIA en extra maatregelen zoals privacyverhogende technieken (PETs).
#     en: >-
#       The revised cloud policy (2026) prefers special categories of personal data not to be in a public cloud. If
#       they must go there, then with a DPIA and extra measures such as privacy-enhancing technologies (PETs).
#   messages:
#     default:
#       nl: "Advies: bijzondere persoonsgegevens ({categories}) in een publieke cloud zonder vastgestelde DPIA (status: {status})."
#       en: "Advice: special categories of personal data ({categories}) in a public cloud without an approved DPIA (status: {status})."
#     pets:
#       nl: "Advies: bijzondere persoonsgegevens ({categories}) in een publieke cloud zonder privacyverhogende technieken (data.privacy_enhancing_technologies)."
#       en: "Advice: special categories of personal data ({categories}) in a public cloud without privacy-enhancing technologies (data.privacy_enhancing_technologies)."
#   remediation:
#     nl: >-
#       Verwerk bijzondere persoonsgegevens bij voorkeur buiten de publieke cloud. Zo niet: stel een DPIA vast
#       (assessments.dpia) en bescherm de gegevens met privacyverhogende technieken, zoals pseudonimisering of
#       versleuteling tijdens verwerking (data.privacy_enhancing_technologies: true).
#     en: >-
#       Process special categories of personal data preferably outside the public cloud. If not: approve a DPIA
#       (assessments.dpia) and protect the data with privacy-enhancing technologies, such as pseudonymisation or
#       encryption in use (data.privacy_enhancing_technologies: true).
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         bijzondere persoonsgegevens bij voorkeur niet in de publieke cloud … De Herziening Rijksbreed
#         Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie.
#         Zelfstandige bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te doen. …
#         Bestaand gebruik heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf maanden
#         zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: anders met extra maatregelen zoals privacybevorderende technieken
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.6"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§4.6 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§4.6) komt uit een communitybron (ArcKit). De bron geeft
#       een voorkeur ('bij voorkeur niet'). Via de grondslag cloudbeleid_2026_advice is de bevinding een advies: zij laat de controle niet falen. De
#       checker meldt niet het gebruik van de publieke cloud zelf (dat is toegestaan), alleen het ontbreken van de
#       voorwaarden waaronder het kan: een vastgestelde DPIA (assessments.dpia.status approved; een pre-scan is niet
#       genoeg) en privacyverhogende technieken (data.privacy_enhancing_technologies). Waar de gegevens mogen staan,
#       toetst CB26-LOCATION-EEA-CH. Overgang: een bestaande dienst (service.start_date vóór 2026-07-03) toetst de
#       checker pas vanaf 2030-07-03, of na het einde van een contract dat vóór 2026-07-03 begon als dat later afloopt
#       (overgangstermijn van vier jaar, secundaire bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke
#       diensten zijn tot dan geen onderwerp van de regel.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§4.6) comes from a community source (ArcKit). The source states a
#       preference ('preferably not'). Through the basis cloudbeleid_2026_advice the finding is advice: it does not fail the
#       check. The
#       checker does not report the use of a public cloud itself (that is allowed), only the lack of the conditions
#       under which it can be done: an approved DPIA (assessments.dpia.status approved; a pre-scan is not enough) and
#       privacy-enhancing technologies (data.privacy_enhancing_technologies). Where the data may be is checked by
#       CB26-LOCATION-EEA-CH. Transition: an existing service (service.start_date before 2026-07-03) is checked only
#       from 2030-07-03, or after the end of a contract that began before 2026-07-03 if that ends later (four-year
#       transition, secondary sources); a service without a start date counts as new. Until then such services are not
#       a subject of the rule.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: publieke clouddiensten met bijzondere persoonsgegevens, nieuw of na de overgangstermijn
#     en: public cloud services with special categories of personal data, new or past the transition period
#   applies_to: [cloudbeleid_2026_advice]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.special_pd

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	cloud.special_personal_data(svc)
	cb26.in_force(svc)
}

categories(svc) := sort(svc.data.special_categories)

deny contains result.fail(i, ["assessments", "dpia", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "dpia")
	params := {"categories": categories(svc), "status": assessment.status(svc, "dpia")}
}

deny contains result.fail(i, ["data", "privacy_enhancing_technologies"], "pets", {"categories": categories(svc)}) if {
	some i in subject
	svc := input.services[i]
	service.unconfirmed(svc, ["data", "privacy_enhancing_technologies"])
}
