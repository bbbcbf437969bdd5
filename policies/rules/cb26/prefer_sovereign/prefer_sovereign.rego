# METADATA
# scope: package
# custom:
#   id: CB26-PREFER-SOVEREIGN
#   severity: low
#   title:
#     nl: "Advies: waar mogelijk een soevereine of Europese cloudoplossing"
#     en: "Advice: a sovereign or European cloud solution where possible"
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) vraagt waar mogelijk soevereine of Europese cloudoplossingen te gebruiken. Het
#       EU Cloud Sovereignty Framework (SEAL-0 tot en met SEAL-4) wordt genoemd als hulpmiddel bij de
#       leverancierskeuze.
#     en: >-
#       The revised cloud policy (2026) asks to use sovereign or European cloud solutions where possible. The EU Cloud
#       Sovereignty Framework (SEAL-0 to SEAL-4) is named as an aid in choosing a supplier.
#   messages:
#     default:
#       nl: "Advies: de leverancier is niet Europees ({field} {country}) en heeft geen soevereiniteitsniveau SEAL-3 of hoger."
#       en: "Advice: the provider is not European ({field} {country}) and has no sovereignty level SEAL-3 or higher."
#     law:
#       nl: "Advies: de leverancier valt onder niet-Europese wetgeving ({laws}) en heeft geen soevereiniteitsniveau SEAL-3 of hoger."
#       en: "Advice: the provider is subject to non-European law ({laws}) and has no sovereignty level SEAL-3 or higher."
#   remediation:
#     nl: >-
#       Overweeg een soevereine of Europese oplossing (een leverancier met hoofdvestiging en moedermaatschappij in de
#       EER of Zwitserland, zonder extraterritoriale wetgeving, of met SEAL-3 of hoger in provider.seal_level), of leg
#       vast waarom dat hier niet mogelijk is.
#     en: >-
#       Consider a sovereign or European solution (a provider with headquarters and parent in the EER or Switzerland,
#       without extraterritorial law, or with SEAL-3 or higher in provider.seal_level), or record why that is not
#       possible here.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         Het vraagt om waar mogelijk soevereine of Europese cloudoplossingen te gebruiken. … De Herziening
#         Rijksbreed Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en
#         Defensie. Zelfstandige bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te
#         doen. … Bestaand gebruik heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf
#         maanden zijn.
#       status: secondary
#     - document: Europese Commissie, 'Sovereign cloud framework explained' (1 juni 2026), opening
#       url: https://commission.europa.eu/news-and-media/news/sovereign-cloud-framework-explained-2026-06-01_en
#       quote: >-
#         correspond to the highest levels to data sovereignty (SEAL-2), technological autonomy (SEAL-3) and
#         full sovereignty (SEAL-4)
#       status: verified
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#     - document: Visie digitale autonomie en soevereiniteit van de overheid, nieuwsbericht rijksoverheid.nl (12 december 2025)
#       quote: >-
#         Zodat de meest gevoelige data onder Nederlandse of Europese wetgeving valt en publieke waarden …
#         geborgd blijven
#       status: verified
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op een secundaire samenvatting, en de clausulenummers van deze herziening komen uit een communitybron (ArcKit),
#       die voor deze verplichting geen nummer geeft. De bron vraagt 'waar mogelijk'. Via de grondslag cloudbeleid_2026_advice is de bevinding een advies: zij laat de controle niet falen. Europees leest de checker als hoofdvestiging en uiteindelijke
#       moedermaatschappij in de EER of Zwitserland (countries.eer_plus_ch, het gebied van het herziene beleid) en geen
#       niet-Europese wetgeving (provider.subject_to_non_eu_law). Soeverein leest hij als provider.seal_level 3 of
#       hoger; dat SEAL-3 de drempel is, is de lezing van de checker (de niveaus van het framework zijn niet
#       geverifieerd). Een onbekend land telt niet als niet-Europees. Overgang: een bestaande dienst
#       (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde van een contract
#       dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire bronnen); een
#       dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de regel.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on a
#       secondary summary, and the clause numbers of this revision come from a community source (ArcKit), which gives
#       none for this obligation. The source asks 'where possible'. Through the basis cloudbeleid_2026_advice the finding is advice: it never fails the gate. European
#       the checker reads as headquarters and ultimate parent in the EER or Switzerland (countries.eer_plus_ch, the
#       area of the revised policy) and no non-European law (provider.subject_to_non_eu_law). Sovereign it reads as
#       provider.seal_level 3 or higher (thresholds.sovereign_min_seal_level, default 3); that SEAL-3 is the threshold is
#       the checker's reading: the Commission's explainer of 1 June 2026 already calls SEAL-2 'data sovereignty' (SEAL-3
#       'technological autonomy', SEAL-4 'full sovereignty'), so an organisation may set 2. An unknown country does not count as non-European. Transition: an existing service
#       (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract that
#       began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service without a
#       start date counts as new. Until then such services are not a subject of the rule.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: clouddiensten van een externe leverancier, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier, new or past the transition period
#   applies_to: [cloudbeleid_2026_advice]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.prefer_sovereign

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result

provider_fields := ["hq_country", "ultimate_parent_country"]

# The checker's reading, a setting: the Commission already calls SEAL-2 "data sovereignty".
default sovereign_seal_level := 3

sovereign_seal_level := input.settings.sovereign_min_seal_level

sovereign(svc) if svc.provider.seal_level >= sovereign_seal_level

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
}

deny contains result.fail(i, ["provider", field], "default", {"field": concat(".", ["provider", field]), "country": country}) if {
	some i in subject
	not sovereign(input.services[i])
	some field in provider_fields
	country := input.services[i].provider[field]
	not country in countries.eer_plus_ch
}

deny contains result.fail(i, ["provider", "subject_to_non_eu_law"], "law", {"laws": laws}) if {
	some i in subject
	not sovereign(input.services[i])
	laws := sort(object.get(input.services[i], ["provider", "subject_to_non_eu_law"], []))
	count(laws) > 0
}
