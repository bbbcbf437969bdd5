# METADATA
# scope: package
# custom:
#   id: CB26-CRITICAL-ENTITY-NONEU
#   severity: low
#   title:
#     nl: "Advies: een kritieke of essentiële entiteit gebruikt voor haar primaire proces geen leverancier die (deels) onder een jurisdictie buiten de EU of de EER valt"
#     en: "Advice: a critical or essential entity uses no supplier that falls (partly) under a jurisdiction outside the EU or the EER for its primary process"
#   description:
#     nl: >-
#       Het herziene cloudbeleid (2026) raadt vitale aanbieders, kritieke entiteiten onder de Wet weerbaarheid kritieke
#       entiteiten en essentiële entiteiten onder de Cyberbeveiligingswet af om voor hun primaire proces een
#       leverancier te gebruiken die geheel of gedeeltelijk onder een jurisdictie buiten de EU of de EER valt. Het is
#       een advies, geen verbod.
#     en: >-
#       The revised cloud policy (2026) advises vital providers, critical entities under the Wet weerbaarheid kritieke
#       entiteiten and essential entities under the Cyberbeveiligingswet against using, for their primary process, a
#       supplier that falls wholly or partly under a jurisdiction outside the EU or the EER. It is advice, not a ban.
#   messages:
#     default:
#       nl: "Advies: deze kritieke of essentiële entiteit gebruikt voor haar primaire proces een leverancier met {field} {country}, buiten de EU en de EER."
#       en: "Advice: this critical or essential entity uses, for its primary process, a provider with {field} {country}, outside the EU and the EER."
#     not_shown:
#       nl: "Het organisatieprofiel vermeldt niet of de organisatie een kritieke of essentiële entiteit is (cbw_entity, wwke_critical_entity of vitale_aanbieder); zonder dat gegeven kan de regel niet voldoen."
#       en: "The organisation profile does not say whether the organisation is a critical or essential entity (cbw_entity, wwke_critical_entity or vitale_aanbieder); without it the rule cannot be met."
#     law_not_shown:
#       nl: "De beschrijving vermeldt niet of de leverancier onder niet-Europese wetgeving valt (provider.subject_to_non_eu_law; [] voor geen); zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not say whether the provider is subject to non-European law (provider.subject_to_non_eu_law; [] for none); without that fact the rule cannot pass."
#     law:
#       nl: "Advies: deze kritieke of essentiële entiteit gebruikt voor haar primaire proces een leverancier die onder niet-Europese wetgeving valt ({laws})."
#       en: "Advice: this critical or essential entity uses, for its primary process, a provider subject to non-European law ({laws})."
#   remediation:
#     nl: >-
#       Kies voor het primaire proces een leverancier die niet (ook niet via een moedermaatschappij of extraterritoriale
#       wetgeving) onder een jurisdictie buiten de EU of de EER valt, of leg vast waarom het advies niet wordt gevolgd
#       en hoe het risico wordt beheerst.
#     en: >-
#       For the primary process choose a supplier that does not fall (not even through a parent company or
#       extraterritorial law) under a jurisdiction outside the EU or the EER, or record why the advice is not followed
#       and how the risk is managed.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         kritieke en essentiële entiteiten krijgen het advies om voor hun primaire proces geen leverancier te
#         gebruiken die (deels) onder een jurisdictie buiten de EU of de EER valt … De Herziening Rijksbreed
#         Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en Defensie.
#         Zelfstandige bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te doen. …
#         Bestaand gebruik heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf maanden
#         zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: vitale aanbieders, Wwke-entiteiten en essentiële Cbw-entiteiten ('afgeraden')
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.3"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§4.3 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§4.3) komt uit een communitybron (ArcKit). De bron geeft
#       een advies ('afgeraden'). Via de grondslag cloudbeleid_2026_advice is de bevinding een advies: zij laat de controle niet falen. Een
#       kritieke of essentiële entiteit is: organisation.cbw_entity essentieel, wwke_critical_entity of
#       vitale_aanbieder (uit .cloudbeleid.yaml, per veld overschreven door de beschrijving). Het primaire proces:
#       materieel_reasons bevat primaire_taak, de functie is primaire_applicatie, of materieel is true zonder grond.
#       Onder een jurisdictie buiten de EU of de EER valt de leverancier als de hoofdvestiging of de uiteindelijke
#       moedermaatschappij buiten de EER ligt (ook Zwitserland), of als provider.subject_to_non_eu_law iets noemt;
#       zonder dat veld faalt de regel voor een kritieke entiteit (onbekend is geen 'geen'; [] zegt geen).
#       Overgang: een bestaande dienst (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of
#       na het einde van een contract dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar,
#       secundaire bronnen); een dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen
#       onderwerp van de regel.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§4.3) comes from a community source (ArcKit). The source gives
#       advice ('discouraged'). Through the basis cloudbeleid_2026_advice the finding is advice: it never fails the gate. A critical or essential entity is:
#       organisation.cbw_entity essentieel, wwke_critical_entity or vitale_aanbieder (from .cloudbeleid.yaml,
#       overridden field by field by the descriptor). The primary process: materieel_reasons contains primaire_taak,
#       the function is primaire_applicatie, or materieel is true without a ground. The supplier falls under a
#       jurisdiction outside the EU or the EER when its headquarters or ultimate parent lies outside the EER
#       (Switzerland included), or when provider.subject_to_non_eu_law names anything; without that field the rule
#       fails for a critical entity (unknown is not none; [] says none). Transition: an existing service
#       (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a contract that
#       began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service without a
#       start date counts as new. Until then such services are not a subject of the rule.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: clouddiensten van een externe leverancier voor het primaire proces van een kritieke of essentiële entiteit, nieuw of na de overgangstermijn
#     en: cloud services of an external supplier for the primary process of a critical or essential entity, new or past the transition period
#   applies_to: [cloudbeleid_2026_advice]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.critical_entity_non_eu

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.countries
import data.cloudbeleid.lib.result

provider_fields := ["hq_country", "ultimate_parent_country"]

# The organisation profile: the configuration's, overridden field by field by the descriptor's.
organisation(svc) := object.union(object.get(input, "organisation", {}), object.get(svc, "organisation", {}))

critical_entity(org) if org.cbw_entity == "essentieel"

critical_entity(org) if org.wwke_critical_entity == true

critical_entity(org) if org.vitale_aanbieder == true

primary_process(svc) if "primaire_taak" in object.get(svc, ["service", "materieel_reasons"], [])

primary_process(svc) if svc.service.function == "primaire_applicatie"

primary_process(svc) if {
	svc.service.materieel == true
	count(object.get(svc, ["service", "materieel_reasons"], [])) == 0
}

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	not_other_entity(organisation(svc))
	primary_process(svc)
}

entity_fields := ["cbw_entity", "wwke_critical_entity", "vitale_aanbieder"]

# Unknown is not none: unless one of the three makes it a critical entity, the profile must state all three.
unstated(org) if {
	some field in entity_fields
	not field in object.keys(org)
}

not_other_entity(org) if critical_entity(org)

not_other_entity(org) if unstated(org)

deny contains result.fail(i, ["organisation"], "not_shown", {}) if {
	some i in subject
	org := organisation(input.services[i])
	not critical_entity(org)
	unstated(org)
}

deny contains result.fail(i, ["provider", field], "default", {"field": concat(".", ["provider", field]), "country": country}) if {
	some i in subject
	critical_entity(organisation(input.services[i]))
	some field in provider_fields
	country := input.services[i].provider[field]
	not country in countries.eer
}

deny contains result.fail(i, ["provider", "subject_to_non_eu_law"], "law", {"laws": laws}) if {
	some i in subject
	critical_entity(organisation(input.services[i]))
	laws := sort(object.get(input.services[i], ["provider", "subject_to_non_eu_law"], []))
	count(laws) > 0
}

# Unknown is not none: [] states that no non-European law applies.
deny contains result.fail(i, ["provider", "subject_to_non_eu_law"], "law_not_shown", {}) if {
	some i in subject
	critical_entity(organisation(input.services[i]))
	not is_array(object.get(input.services[i], ["provider", "subject_to_non_eu_law"], null))
}
