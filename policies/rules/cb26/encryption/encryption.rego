# METADATA
# scope: package
# custom:
#   id: CB26-ENCRYPTION
#   severity: high
#   title:
#     nl: Gegevens zijn versleuteld bij opslag en tijdens transport
#     en: Data are encrypted at rest and in transit
#   description:
#     nl: >-
#       Voor al het cloudgebruik vraagt het herziene cloudbeleid (2026) dat gegevens versleuteld zijn bij opslag en
#       verzending, en mogelijk ook tijdens verwerking. Openbare gegevens zijn uitgezonderd.
#     en: >-
#       For all cloud use the revised cloud policy (2026) requires data to be encrypted at rest and in transit, and
#       possibly during processing. Public data are exempt.
#   messages:
#     default:
#       nl: "De gegevens zijn niet aantoonbaar versleuteld: {field} is niet true."
#       en: "The data are not shown to be encrypted: {field} is not true."
#     at_rest:
#       nl: "De gegevens zijn niet versleuteld bij opslag (encryption.at_rest)."
#       en: "The data are not encrypted at rest (encryption.at_rest)."
#     in_transit:
#       nl: "De gegevens zijn niet versleuteld tijdens transport (encryption.in_transit)."
#       en: "The data are not encrypted in transit (encryption.in_transit)."
#   remediation:
#     nl: >-
#       Versleutel de gegevens bij opslag en tijdens transport en leg dat vast in encryption.at_rest en
#       encryption.in_transit.
#     en: >-
#       Encrypt the data at rest and in transit and record that in encryption.at_rest and encryption.in_transit.
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
#       section: versleuteling bij opslag en verzending, behalve openbare data
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
#       op secundaire samenvattingen, en het clausulenummer (§4.6) komt uit een communitybron (ArcKit). Openbare
#       gegevens leest de checker als vertrouwelijkheid laag (data.biv.vertrouwelijkheid) zonder persoonsgegevens; die
#       diensten zijn geen onderwerp. Versleuteling tijdens verwerking (encryption.in_use) is 'mogelijk' en toetst de
#       checker niet. Overgang: een bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf
#       2030-07-03, of na het einde van een contract dat vóór 2026-07-03 begon als dat later afloopt
#       (overgangstermijn van vier jaar, secundaire bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke
#       diensten zijn tot dan geen onderwerp van de regel: de verplichting van een bevinding volgt uit de regelgegevens
#       en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§4.6) comes from a community source (ArcKit). Public data the
#       checker reads as confidentiality laag (data.biv.vertrouwelijkheid) without personal data; such services are
#       not a subject. Encryption in use (encryption.in_use) is 'possibly' and is not checked. Transition: an existing
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
#     nl: clouddiensten van een externe leverancier met niet-openbare gegevens, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier with non-public data, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.encryption

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

required := ["at_rest", "in_transit"]

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	not cb26.openbaar(svc)
}

deny contains result.fail(i, ["encryption", part], part, {"field": concat(".", ["encryption", part])}) if {
	some i in subject
	some part in required
	service.unconfirmed(input.services[i], ["encryption", part])
}
