# METADATA
# scope: package
# custom:
#   id: CB26-KEY-CUSTODY
#   severity: low
#   title:
#     nl: "Advies: de sleutels zijn in eigen beheer of bij een gecertificeerde derde, niet bij de clouddienstverlener"
#     en: "Advice: the keys are held by the organisation itself or a certified third party, not by the cloud provider"
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) vraagt het sleutelbeheer bij voorkeur in eigen hand te houden, of bij
#       vertrouwelijke gegevens bij een gecertificeerde derde te leggen, en niet bij de clouddienstverlener.
#     en: >-
#       The revised cloud policy (2026) asks to keep key management preferably in one's own hands, or for confidential
#       data with a certified third party, and not with the cloud provider.
#   messages:
#     default:
#       nl: "Advies: de clouddienstverlener beheert de sleutels (encryption.key_custody: provider)."
#       en: "Advice: the cloud provider holds the keys (encryption.key_custody: provider)."
#     unknown:
#       nl: "Advies: niet vastgelegd wie de sleutels beheert (encryption.key_custody)."
#       en: "Advice: it is not recorded who holds the keys (encryption.key_custody)."
#   remediation:
#     nl: >-
#       Beheer de sleutels zelf (customer) of laat een gecertificeerde derde ze beheren (certified_third_party), en
#       leg dat vast in encryption.key_custody; of leg vast waarom de voorkeur niet wordt gevolgd.
#     en: >-
#       Hold the keys yourself (customer) or have a certified third party hold them (certified_third_party), and record
#       that in encryption.key_custody; or record why the preference is not followed.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         opslag en verwerking binnen de EER en Zwitserland, versleuteld, met het sleutelbeheer bij voorkeur in
#         eigen hand … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de
#         Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het beleid, andere overheden
#         krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn van vier jaar. Het
#         exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: bij vertrouwelijke gegevens sleutelbeheer in eigen beheer of bij een gecertificeerde derde
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
#       een voorkeur ('bij voorkeur'). Via de grondslag cloudbeleid_2026_advice is de bevinding een advies: zij laat de controle niet falen.
#       Vertrouwelijke gegevens leest de checker als alle niet-openbare gegevens (openbaar: vertrouwelijkheid laag
#       zonder persoonsgegevens); de samenvatting van MinBZK noemt de voorkeur voor al het cloudgebruik. Overgang: een
#       bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde
#       van een contract dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire
#       bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de
#       regel.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§4.6) comes from a community source (ArcKit). The source states a
#       preference ('preferably'). Through the basis cloudbeleid_2026_advice the finding is advice: it never fails the gate. Confidential data
#       the checker reads as all non-public data (public: confidentiality laag without personal data); the MinBZK
#       summary states the preference for all cloud use. Transition: an existing service (service.start_date before
#       2026-07-03) is checked only from 2030-07-03, or after the end of a contract that began before 2026-07-03 if
#       that ends later (four-year transition, secondary sources); a service without a start date counts as new. Until
#       then such services are not a subject of the rule.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: clouddiensten van een externe leverancier met niet-openbare gegevens, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier with non-public data, new or past the transition period
#   applies_to: [cloudbeleid_2026_advice]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.key_custody

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

path := ["encryption", "key_custody"]

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	not cb26.openbaar(svc)
}

deny contains result.fail(i, path, "default", {}) if {
	some i in subject
	input.services[i].encryption.key_custody == "provider"
}

deny contains result.fail(i, path, "unknown", {}) if {
	some i in subject
	not input.services[i].encryption.key_custody
}
