# METADATA
# scope: package
# custom:
#   id: CB26-LOCATION-EEA-CH
#   severity: high
#   title:
#     nl: Gegevens worden alleen binnen de EER en Zwitserland opgeslagen en verwerkt
#     en: Data are stored and processed only inside the EER and Switzerland
#   description:
#     nl: >-
#       Voor al het cloudgebruik vraagt het herziene cloudbeleid (2026) opslag en verwerking binnen de Europese
#       Economische Ruimte en Zwitserland. Caribisch Nederland valt daar niet onder.
#     en: >-
#       For all cloud use the revised cloud policy (2026) requires storage and processing inside the European Economic
#       Area and Switzerland. Caribisch Nederland is not included.
#   messages:
#     default:
#       nl: "'{country}' in {field} ligt buiten de EER en Zwitserland."
#       en: "'{country}' in {field} lies outside the EER and Switzerland."
#     remote:
#       nl: "Vanuit '{country}' ({field}), buiten de EER en Zwitserland, zijn de gegevens bereikbaar: de checker telt dat als verwerking."
#       en: "The data can be reached from '{country}' ({field}), outside the EER and Switzerland: the checker counts that as processing."
#   remediation:
#     nl: >-
#       Laat opslag, verwerking en back-up alleen binnen de EER en Zwitserland plaatsvinden, en sluit supporttoegang,
#       telemetrie en subverwerkers van buiten dat gebied uit (hosting.*_locations, provider.subprocessors).
#     en: >-
#       Keep storage, processing and backup inside the EER and Switzerland only, and exclude support access, telemetry
#       and subprocessors from outside that area (hosting.*_locations, provider.subprocessors).
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
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.6 (niet Caribisch Nederland)"
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
#       op secundaire samenvattingen, en het clausulenummer (§4.6) komt uit een communitybron (ArcKit). Het gebied is
#       countries.eer_plus_ch (de EER plus CH, zonder BQ, Caribisch Nederland; instelbaar via
#       reference_data.eer_plus_ch). Opslag omvat ook back-up (hosting.backup_locations). Supporttoegang, telemetrie en
#       subverwerkers telt de checker als verwerking, omdat toegang op afstand en het doorsturen van diagnosegegevens
#       verwerking is (zoals de AVG-regels van de checker); dat is de lezing van de checker, de samenvattingen noemen
#       alleen opslag en verwerking, en het onderzoek beveelt die velden aan. Geldt voor al het cloudgebruik van een
#       externe leverancier, niet alleen materieel. Overgang: een bestaande dienst (service.start_date vóór
#       2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde van een contract dat vóór 2026-07-03 begon
#       als dat later afloopt (overgangstermijn van vier jaar, secundaire bronnen); een dienst zonder ingangsdatum
#       geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de regel: de verplichting van een bevinding
#       volgt uit de regelgegevens en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§4.6) comes from a community source (ArcKit). The area is
#       countries.eer_plus_ch (the EER plus CH, without BQ, Caribisch Nederland; configurable through
#       reference_data.eer_plus_ch). Storage includes backup (hosting.backup_locations). Support access, telemetry and
#       subprocessors the checker counts as processing, because remote access and sending diagnostic data is
#       processing (as in the checker's AVG rules); that is the checker's reading, the summaries name only storage and
#       processing, and the research recommends those fields. Applies to all cloud use of an external supplier, not
#       only materieel use. Transition: an existing service (service.start_date before 2026-07-03) is checked only
#       from 2030-07-03, or after the end of a contract that began before 2026-07-03 if that ends later (four-year
#       transition, secondary sources); a service without a start date counts as new. Until then such services are not
#       a subject of the rule: a finding's enforcement follows from the rule's metadata and cannot be lowered per
#       service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: clouddiensten van een externe leverancier, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.location_eea_ch

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Where the data are: the default message. The other fields are places the data are reachable from.
stored := {"storage_locations", "processing_locations", "backup_locations"}

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
}

kind(field) := "default" if field in stored

kind(field) := "remote" if not field in stored

deny contains result.fail(i, location.path, kind(location.field), {"country": location.country, "field": location.field}) if {
	some i in subject
	some location in service.locations[i]
	not location.country in countries.eer_plus_ch
}
