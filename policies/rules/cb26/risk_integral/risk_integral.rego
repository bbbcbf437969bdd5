# METADATA
# scope: package
# custom:
#   id: CB26-RISK-INTEGRAL
#   severity: high
#   title:
#     nl: Een vastgestelde integrale risicobeoordeling volgens het implementatiekader, met de voorgeschreven aspecten
#     en: An approved integral risk assessment under the implementatiekader, covering the prescribed aspects
#   description:
#     nl: >-
#       Voor materieel cloudgebruik vraagt het herziene cloudbeleid (2026) een integrale risicobeoordeling volgens het
#       (te herziene) Implementatiekader Risicoafweging Cloudgebruik, op basis van de BIV- of TBB-classificatie. Naast
#       beveiliging, continuïteit en privacy gaat zij in op de leverancier en onderaannemers, het type cloud, de regio
#       van opslag en verwerking, de rol van de leverancier in beveiliging en continuïteit, controle- en
#       auditmogelijkheden, inmenging door een buitenlandse overheid en misbruik van leveranciersafhankelijkheid.
#     en: >-
#       For materieel cloud use the revised cloud policy (2026) requires an integral risk assessment under the (to be
#       revised) Implementatiekader Risicoafweging Cloudgebruik, based on the BIV or TBB classification. Besides
#       security, continuity and privacy it covers the supplier and subcontractors, the cloud type, the region of
#       storage and processing, the supplier's role in security and continuity, control and audit options,
#       interference by a foreign government and abuse of supplier dependency.
#   messages:
#     default:
#       nl: "Er is geen vastgestelde integrale risicobeoordeling voor dit materiële cloudgebruik (status: {status})."
#       en: "There is no approved integral risk assessment for this materieel cloud use (status: {status})."
#     method:
#       nl: "De risicobeoordeling volgt niet de integrale methode of het implementatiekader (methode: {method})."
#       en: "The risk assessment does not follow the integral method or the implementatiekader (method: {method})."
#     aspects:
#       nl: "De risicobeoordeling gaat niet in op: {missing}."
#       en: "The risk assessment does not cover: {missing}."
#     unclassified:
#       nl: "De gegevens hebben geen BIV-classificatie (data.biv) en geen TBB-niveau (data.tbb_level), de basis van de risicobeoordeling."
#       en: "The data have no BIV classification (data.biv) and no TBB level (data.tbb_level), the basis of the risk assessment."
#   remediation:
#     nl: >-
#       Stel een integrale risicobeoordeling vast (assessments.risk_assessment, status approved, methode cb26_integraal
#       of implementatiekader_2023) op basis van de BIV- of TBB-classificatie, en leg de behandelde aspecten vast in
#       aspects: continuity, foreign_jurisdiction, supplier_dependency, subcontractors, data_location en audit.
#     en: >-
#       Approve an integral risk assessment (assessments.risk_assessment, status approved, method cb26_integraal or
#       implementatiekader_2023) based on the BIV or TBB classification, and record the aspects covered in aspects:
#       continuity, foreign_jurisdiction, supplier_dependency, subcontractors, data_location and audit.
#   sources:
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         een integrale risicobeoordeling volgens het implementatiekader, dat wordt herzien … De Herziening
#         Rijksbreed Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de Hoge Colleges van Staat en
#         Defensie. Zelfstandige bestuursorganen volgen het beleid, andere overheden krijgen het advies dat te
#         doen. … Bestaand gebruik heeft een overgangstermijn van vier jaar. Het exitplan moet er binnen twaalf
#         maanden zijn.
#       status: secondary
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       section: de aspecten van de integrale risicoanalyse
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§3.1"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§3.1 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§3.1) komt uit een communitybron (ArcKit). Als methode
#       telt cb26_integraal of implementatiekader_2023 (het kader wordt herzien; tot dan geldt het bestaande). De
#       aspecten leest de checker als de waarden van assessments.risk_assessment.aspects: leverancier en
#       onderaannemers (subcontractors), regio van opslag en verwerking (data_location), rol van de leverancier in
#       continuïteit (continuity), controle en audit (audit), inmenging door een buitenlandse overheid
#       (foreign_jurisdiction) en misbruik van afhankelijkheid (supplier_dependency). Het type cloud heeft geen
#       waarde in de lijst en wordt niet getoetst. Methode en aspecten toetst de checker zodra er een risicobeoordeling
#       is vastgelegd; de actualiteit laat hij aan CB22-RISK-ASSESSMENT-CURRENT. Overgang: een bestaande dienst
#       (service.start_date vóór 2026-07-03) toetst de checker pas vanaf 2030-07-03, of na het einde van een contract
#       dat vóór 2026-07-03 begon als dat later afloopt (overgangstermijn van vier jaar, secundaire bronnen); een
#       dienst zonder ingangsdatum geldt als nieuw. Zulke diensten zijn tot dan geen onderwerp van de regel: de
#       verplichting van een bevinding volgt uit de regelgegevens en kan per dienst niet dalen.
#       De overgangstermijnen lopen vanaf de ingangsdatum van het beleid zelf; die is niet bekend (het
#       beleidsdocument is niet gelezen), dus de checker neemt de datum van de Kamerbrief, 3 juli 2026, tenzij
#       thresholds.cb26_policy_start iets anders zegt. Een zbo bindt de herziening alleen via een beleidsregel
#       (art. 21 Kaderwet zbo, minister_beleidsregel_cloud_2026) of art. 21a (shared_voorziening_art21a); anders
#       is de bevinding voor een zbo een advies.
#     en: >-
#       Not verified: the text of the policy document (Tweede Kamer 2026D35295) was not seen; the rule rests on
#       secondary summaries, and the clause number (§3.1) comes from a community source (ArcKit). The method counts if
#       it is cb26_integraal or implementatiekader_2023 (the framework is being revised; until then the existing one
#       holds). The aspects the checker reads as the values of assessments.risk_assessment.aspects: supplier and
#       subcontractors (subcontractors), region of storage and processing (data_location), the supplier's role in
#       continuity (continuity), control and audit (audit), interference by a foreign government
#       (foreign_jurisdiction) and abuse of dependency (supplier_dependency). The cloud type has no value in the list
#       and is not checked. Method and aspects are checked once a risk assessment is recorded; currency is left to
#       CB22-RISK-ASSESSMENT-CURRENT. Transition: an existing service (service.start_date before 2026-07-03) is checked
#       only from 2030-07-03, or after the end of a contract that began before 2026-07-03 if that ends later
#       (four-year transition, secondary sources); a service without a start date counts as new. Until then such
#       services are not a subject of the rule: a finding's enforcement follows from the rule's metadata and cannot
#       be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: materiële clouddiensten van een externe leverancier, nieuw of na de overgangstermijn
#     en: materieel cloud services of an external supplier, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.risk_integral

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

methods := {"cb26_integraal", "implementatiekader_2023"}

required_aspects := ["audit", "continuity", "data_location", "foreign_jurisdiction", "subcontractors", "supplier_dependency"]

path := ["assessments", "risk_assessment"]

subject contains i if {
	some i, svc in input.services
	cb26.materieel_in_force(svc)
}

deny contains result.fail(i, array.concat(path, ["status"]), "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "risk_assessment")
	params := {"status": assessment.status(svc, "risk_assessment")}
}

deny contains result.fail(i, array.concat(path, ["method"]), "method", {"method": method}) if {
	some i in subject
	svc := input.services[i]
	svc.assessments.risk_assessment
	method := service.recorded(svc, array.concat(path, ["method"]))
	not method in methods
}

deny contains result.fail(i, array.concat(path, ["aspects"]), "aspects", {"missing": missing}) if {
	some i in subject
	svc := input.services[i]
	svc.assessments.risk_assessment
	covered := object.get(svc, array.concat(path, ["aspects"]), [])
	missing := [aspect | some aspect in required_aspects; not aspect in covered]
	count(missing) > 0
}

deny contains result.fail(i, ["data", "biv"], "unclassified", {}) if {
	some i in subject
	svc := input.services[i]
	not svc.data.biv
	not svc.data.tbb_level
}
