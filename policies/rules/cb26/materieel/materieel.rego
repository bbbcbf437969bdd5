# METADATA
# scope: package
# custom:
#   id: CB26-MATERIEEL
#   severity: medium
#   title:
#     nl: Er is vastgelegd of het cloudgebruik materieel is, en waarom
#     en: Whether the cloud use is materieel is recorded, and why
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) stelt zwaardere eisen aan materieel cloudgebruik: gebruik voor de primaire of
#       kerntaak, voor belangrijke ondersteunende processen of voor grootschalige verwerking van persoonsgegevens.
#       Daarom moet voor elke clouddienst van een externe leverancier zijn bepaald en vastgelegd of het gebruik
#       materieel is.
#     en: >-
#       The revised cloud policy (2026) sets heavier requirements for materieel cloud use: use for the primary or core
#       task, for important support processes or for large-scale processing of personal data. So for every cloud
#       service of an external supplier it must be determined and recorded whether the use is materieel.
#   messages:
#     default:
#       nl: "Niet vastgelegd of het gebruik van deze clouddienst materieel is (service.materieel)."
#       en: "It is not recorded whether the use of this cloud service is materieel (service.materieel)."
#     no_reason:
#       nl: "Het gebruik is materieel, maar de grond ervoor (service.materieel_reasons) is niet vastgelegd."
#       en: "The use is materieel, but its ground (service.materieel_reasons) is not recorded."
#     contradiction:
#       nl: "service.materieel is false, maar er zijn gronden voor materieel gebruik vastgelegd: {reasons}."
#       en: "service.materieel is false, but grounds for materieel use are recorded: {reasons}."
#     large_scale:
#       nl: "service.materieel is false, maar de dienst verwerkt op grote schaal persoonsgegevens (data.large_scale), een grond voor materieel gebruik."
#       en: "service.materieel is false, but the service processes personal data on a large scale (data.large_scale), a ground for materieel use."
#   remediation:
#     nl: >-
#       Bepaal of het gebruik materieel is en leg het vast in service.materieel; noem bij materieel gebruik de grond
#       in service.materieel_reasons (primaire_taak, belangrijk_ondersteunend, grootschalige_persoonsgegevens).
#     en: >-
#       Determine whether the use is materieel and record it in service.materieel; for materieel use name the ground
#       in service.materieel_reasons (primaire_taak, belangrijk_ondersteunend, grootschalige_persoonsgegevens).
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         Bij materieel cloudgebruik (voor de kerntaak van je organisatie, of bij grootschalige verwerking van
#         persoonsgegevens) regel je: … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele
#         Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het
#         beleid, andere overheden krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn
#         van vier jaar. Het exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: materieel cloudgebruik, ook voor belangrijke ondersteunende processen
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.1"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: Antwoord op Kamervragen Kathmann en Six Dijkstra (2025Z10397), definitie van 2025
#       url: https://www.openkamer.org/kamervraag/2025Z10397
#       quote: >-
#         Materieel public cloudgebruik is gebruik van public clouddiensten ten behoeve van het uitvoeren van de
#         primaire taak van een organisatie.
#       status: verified
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§4.1 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 21 en art. 21a lid 1 (de routes die een zbo aan het herziene beleid binden)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel21a
#       quote: >-
#         Onze Minister kan beleidsregels vaststellen met betrekking tot de taakuitoefening door een zelfstandig
#         bestuursorgaan. … Onze Minister van Binnenlandse Zaken en Koninkrijksrelaties kan, op verzoek van een
#         zelfstandig bestuursorgaan dat geen onderdeel uitmaakt van de staat en in overeenstemming met Onze
#         Ministers wie het aangaat, bepalen dat het zelfstandig bestuursorgaan gebruik maakt van een
#         voorziening die in stand wordt gehouden door een ander bestuursorgaan van de centrale overheid …
#       status: verified
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§4.1) komt uit een communitybron (ArcKit). De definitie
#       van 2025 is wel geverifieerd, maar noemt alleen de primaire taak. Vastgelegd betekent: service.materieel is
#       ingevuld, of er staat een grond in service.materieel_reasons. De checker meldt ook tegenspraak: materieel
#       false met gronden, of met grootschalige verwerking van persoonsgegevens (data.large_scale). Overgang: een
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
#       secondary summaries, and the clause number (§4.1) comes from a community source (ArcKit). The 2025 definition
#       is verified, but names only the primary task. Recorded means: service.materieel is filled in, or
#       service.materieel_reasons names a ground. The checker also reports contradictions: materieel false with
#       grounds, or with large-scale processing of personal data (data.large_scale). Transition: an existing service
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
#     nl: clouddiensten van een externe leverancier, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.materieel

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
}

reasons(svc) := object.get(svc, ["service", "materieel_reasons"], [])

deny contains result.fail(i, ["service", "materieel"], "default", {}) if {
	some i in subject
	svc := input.services[i]
	not is_boolean(object.get(svc, ["service", "materieel"], null))
	count(reasons(svc)) == 0
}

deny contains result.fail(i, ["service", "materieel_reasons"], "no_reason", {}) if {
	some i in subject
	svc := input.services[i]
	svc.service.materieel == true
	count(reasons(svc)) == 0
}

deny contains result.fail(i, ["service", "materieel"], "contradiction", {"reasons": reasons(svc)}) if {
	some i in subject
	svc := input.services[i]
	svc.service.materieel == false
	count(reasons(svc)) > 0
}

deny contains result.fail(i, ["service", "materieel"], "large_scale", {}) if {
	some i in subject
	svc := input.services[i]
	svc.service.materieel == false
	svc.data.large_scale == true
	cloud.personal_data(svc)
}
