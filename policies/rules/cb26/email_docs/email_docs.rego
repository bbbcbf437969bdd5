# METADATA
# scope: package
# custom:
#   id: CB26-EMAIL-DOCS
#   severity: high
#   title:
#     nl: E-mail, documentopslag en de digitale werkplek niet in de publieke cloud, tenzij alle drie de voorwaarden gelden
#     en: E-mail, document storage and the digital workplace not in a public cloud, unless all three conditions hold
#   description:
#     nl: >-
#       Volgens het herziene cloudbeleid (2026) gaan e-mail en documenten niet naar de publieke cloud, tenzij (a)
#       onafhankelijk is vastgesteld dat de continuïteit anders in gevaar komt, (b) risicoanalyse en exitplan volgens
#       het beleid zijn gemaakt en getoetst, en (c) de verantwoordelijke minister heeft ingestemd, in overeenstemming
#       met de bewindspersoon voor digitalisering.
#     en: >-
#       Under the revised cloud policy (2026) e-mail and documents do not go to a public cloud, unless (a) it has been
#       independently established that continuity is otherwise at risk, (b) the risk analysis and exit plan have been
#       made and tested under the policy, and (c) the responsible minister has agreed, in agreement with the
#       bewindspersoon voor digitalisering.
#   messages:
#     default:
#       nl: "Functie {function} in een publieke cloud ({model}) zonder beroep op de uitzondering voor e-mail en documenten (governance.email_docs_exception)."
#       en: "Function {function} in a public cloud ({model}) without relying on the exception for e-mail and documents (governance.email_docs_exception)."
#     not_shown:
#       nl: "De beschrijving vermeldt de functie van de dienst niet (service.function); zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not state the service's function (service.function); without it the rule cannot be met."
#     independent_continuity_finding:
#       nl: "Uitzondering voor e-mail en documenten: niet onafhankelijk vastgesteld dat de continuïteit anders in gevaar komt."
#       en: "Exception for e-mail and documents: it was not independently established that continuity is otherwise at risk."
#     risk_and_exit_tested:
#       nl: "Uitzondering voor e-mail en documenten: risicoanalyse en exitplan zijn niet volgens het beleid gemaakt en getoetst."
#       en: "Exception for e-mail and documents: the risk analysis and exit plan were not made and tested under the policy."
#     minister_and_digitalisering_agreement:
#       nl: "Uitzondering voor e-mail en documenten: geen instemming van de minister in overeenstemming met de bewindspersoon voor digitalisering."
#       en: "Exception for e-mail and documents: no agreement of the minister in agreement with the bewindspersoon voor digitalisering."
#   remediation:
#     nl: >-
#       Houd e-mail, documentopslag en de werkplek buiten de publieke cloud (bijvoorbeeld in een overheidsdatacentrum
#       of een soevereine voorziening), of leg vast dat alle drie de voorwaarden gelden in
#       governance.email_docs_exception (independent_continuity_finding, risk_and_exit_tested,
#       minister_and_digitalisering_agreement).
#     en: >-
#       Keep e-mail, document storage and the workplace out of the public cloud (for instance in a government data
#       centre or a sovereign facility), or record that all three conditions hold in governance.email_docs_exception
#       (independent_continuity_finding, risk_and_exit_tested, minister_and_digitalisering_agreement).
#   sources:
#     - document: >-
#         Beoordelingstekst 'Aanvullende toetsen' over de Herziening rijksbreed cloudbeleid 2026, in een openbare
#         GitHub-repository waarvan de naam niet is vastgesteld (onderzoek S13)
#       quote: >-
#         e-mail en documenten niet in de publieke cloud, tenzij onafhankelijk is vastgesteld dat de continuïteit
#         anders in gevaar komt, risicoanalyse en exitplan getoetst zijn en de minister in overeenstemming met de
#         bewindspersoon voor digitalisering heeft ingestemd
#       status: secondary
#     - document: "MinBZK/NeRDS, richtlijn 'Gebruik cloud verantwoord en blijf wendbaar': samenvatting van de Herziening rijksbreed cloudbeleid 2026, stand oktober 2026"
#       section: e-mail en documenten, drie voorwaarden
#       url: https://github.com/MinBZK/NeRDS/blob/main/docs/richtlijnen/cloud/index.md
#       quote: >-
#         e-mail en documenten niet in de publieke cloud, behalve onder drie voorwaarden waaronder akkoord van
#         de minister … De Herziening Rijksbreed Cloudbeleid 2026 geldt voor de hele Rijksoverheid, behalve de
#         Hoge Colleges van Staat en Defensie. Zelfstandige bestuursorganen volgen het beleid, andere overheden
#         krijgen het advies dat te doen. … Bestaand gebruik heeft een overgangstermijn van vier jaar. Het
#         exitplan moet er binnen twaalf maanden zijn.
#       status: secondary
#     - document: ArcKit NL-overlay (tractorjuice/arc-kit), community-parafrase met clausulenummers
#       section: "§4.5"
#       url: https://github.com/tractorjuice/arc-kit
#       status: secondary
#     - document: >-
#         Herziening rijksbreed cloudbeleid 2026, beleidsdocument (Tweede Kamer 2026D35295), bij de Kamerbrief van 3 juli
#         2026 (2026D35294), gemeld als Kamerstuk 26 643, nr. 1541 (nummer niet tegen de primaire tekst bevestigd); tekst
#         niet ingezien
#       section: "§4.5 (nummer volgens ArcKit, niet bevestigd)"
#       url: https://www.tweedekamer.nl/downloads/document?id=2026D35295
#       status: secondary
#     - document: Kamerbrief over de motie Kathmann en Six Dijkstra over mailverkeer (Kamerstuk 26 643, nr. 1384, 28 augustus 2025; 2025D35903), opening
#       url: https://berthub.eu/tkconv/document.html?nummer=2025D35903
#       quote: >-
#         … verzoekt de motie van de leden Kathmann en Six Dijkstra de regering om … het mailverkeer van alle
#         overheidsorganisaties in eigen beheer te houden. … De motie is door mij als ontijdig aangemerkt
#       status: verified
#   interpretation:
#     nl: >-
#       Niet geverifieerd: de tekst van het beleidsdocument (Tweede Kamer 2026D35295) is niet ingezien; de regel steunt
#       op secundaire samenvattingen, en het clausulenummer (§4.5) komt uit een communitybron (ArcKit). 'E-mail en
#       documenten' leest de checker als service.function email, document_storage, document_management of werkplek
#       (de samenvattingen noemen ook werkplek- en bestandsopslag); samenwerkingsdiensten (collaboration) vallen erbuiten, ook als ze
#       documenten bevatten. Publieke cloud is public of hybrid. Elke voorwaarde telt alleen als het veld in
#       governance.email_docs_exception true is; of de vaststelling werkelijk onafhankelijk was, ziet de checker niet.
#       De uitzondering zit in de regel zelf; een risicoacceptatie (waiver) kan de bevinding daarnaast opheffen, omdat
#       het geen absoluut verbod is. Overgang: een bestaande dienst (service.start_date vóór 2026-07-03) toetst de
#       checker pas vanaf 2030-07-03, of na het einde van een contract dat vóór 2026-07-03 begon als dat later afloopt
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
#       secondary summaries, and the clause number (§4.5) comes from a community source (ArcKit). 'E-mail and
#       documents' the checker reads as service.function email, document_storage, document_management or werkplek
#       (the summaries also name workplace and file storage); collaboration services are outside it, even when they hold documents. Public
#       cloud is public or hybrid. Each condition counts only when its field in governance.email_docs_exception is
#       true; whether the finding really was independent the checker cannot see. The exception is part of the rule; a
#       risk acceptance (waiver) may lift the finding as well, because it is not an absolute ban. Transition: an
#       existing service (service.start_date before 2026-07-03) is checked only from 2030-07-03, or after the end of a
#       contract that began before 2026-07-03 if that ends later (four-year transition, secondary sources); a service
#       without a start date counts as new. Until then such services are not a subject of the rule: a finding's
#       enforcement follows from the rule's metadata and cannot be lowered per service.
#       The transition periods run from the policy's own start date; it is not known (the policy document was
#       not read), so the checker takes the date of the Kamerbrief, 3 July 2026, unless
#       thresholds.cb26_policy_start says otherwise. The revision binds a zbo only through a beleidsregel (art.
#       21 Kaderwet zbo, minister_beleidsregel_cloud_2026) or art. 21a (shared_voorziening_art21a); otherwise
#       the finding is advice for a zbo.
#   subject:
#     nl: publieke clouddiensten voor e-mail, documentopslag of de werkplek, nieuw of na de overgangstermijn
#     en: public cloud services for e-mail, document storage or the workplace, new or past the transition period
#   applies_to: [cloudbeleid_2026]
#   stages: [procurement, implementation, operation]
#   effective_from: "2026-07-03"
#   waivable: true
package cloudbeleid.rules.cb26.email_docs

import data.cloudbeleid.lib.cb26
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

functions := {"email", "document_storage", "document_management", "werkplek"}

conditions := ["independent_continuity_finding", "risk_and_exit_tested", "minister_and_digitalisering_agreement"]

path := ["governance", "email_docs_exception"]

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	cb26.in_force(svc)
	not_other_function(svc)
}

# Unknown is not none: a public cloud service that does not state its function may be e-mail or documents.
not_other_function(svc) if svc.service.function in functions

not_other_function(svc) if not svc.service.function

claimed(svc) if svc.governance.email_docs_exception

deny contains result.fail(i, ["service", "function"], "not_shown", {}) if {
	some i in subject
	not input.services[i].service.function
}

deny contains result.fail(i, ["service", "function"], "default", {"function": svc.service.function, "model": svc.service.deployment_model}) if {
	some i in subject
	svc := input.services[i]
	svc.service.function
	not claimed(svc)
}

deny contains result.fail(i, array.concat(path, [condition]), condition, {}) if {
	some i in subject
	svc := input.services[i]
	svc.service.function
	claimed(svc)
	some condition in conditions
	service.unconfirmed(svc, array.concat(path, [condition]))
}
