# METADATA
# scope: package
# custom:
#   id: BIO2-5-08-01-RISK-ON-CHANGE
#   severity: medium
#   title:
#     nl: Een vastgestelde risicoafweging, ook na de laatste significante wijziging
#     en: An approved risk assessment, also after the last significant change
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.08.01: bij nieuwe informatiesystemen en bij significante wijzigingen op bestaande
#       informatiesystemen wordt een expliciete risicoafweging uitgevoerd volgens een vastgestelde methodiek. Dit is
#       het beveiligingsvoorschrift achter 'risicoanalyses actualiseren wanneer daar aanleiding toe is', en geldt voor
#       elk systeem, waar het ook draait.
#     en: >-
#       BIO2 government measure 5.08.01: for new information systems and for significant changes to existing ones an
#       explicit risk assessment is made following an established method. It is the security rule behind 'update risk
#       analyses when there is cause', and holds for every system, wherever it runs.
#   messages:
#     default:
#       nl: "Er is geen vastgestelde risicoafweging voor dit informatiesysteem (status: {status})."
#       en: "There is no approved risk assessment for this information system (status: {status})."
#     not_shown:
#       nl: "De beschrijving vermeldt niet wanneer het systeem voor het laatst significant is gewijzigd (service.last_significant_change; de ingangsdatum als er sindsdien niets is gewijzigd); zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not say when the system last changed significantly (service.last_significant_change; the start date if nothing changed since); without that fact the rule cannot pass."
#     changed:
#       nl: "Het systeem is op {changed} significant gewijzigd, na de risicoafweging van {date}; 5.08.01 vraagt een nieuwe afweging."
#       en: "The system changed significantly on {changed}, after the risk assessment of {date}; 5.08.01 asks for a new assessment."
#   remediation:
#     nl: >-
#       Voer na elke significante wijziging een expliciete risicoafweging uit volgens de vastgestelde methodiek en leg
#       status en datum vast in assessments.risk_assessment.
#     en: >-
#       After every significant change make an explicit risk assessment following the established method and record
#       status and date in assessments.risk_assessment.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 5.08.01
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Bij nieuwe informatiesystemen en bij significante wijzigingen op bestaande informatiesystemen wordt
#         een expliciete risicoafweging op basis van een vastgestelde risicomanagementmethodiek uitgevoerd …
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41 lid 1
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       quote: >-
#         Een zelfstandig bestuursorgaan draagt op de voet van de ter zake voor de Rijksdienst geldende voorschriften
#         zorg voor de nodige technische en organisatorische voorzieningen ter beveiliging van zijn gegevens tegen
#         verlies of aantasting en tegen onbevoegde kennisneming, wijziging en verstrekking van die gegevens.
#       status: verified
#     - document: BIO2 v1.3, inleiding (§21), kopie in de repository van MinBZK (HEAD 270c203, docs/inleiding/index.md)
#       section: Verplichting BIO (Cyberbeveiligingswet)
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         de BIO is via de Cbw verplicht voor alle organisaties die vallen onder de sector 'Overheid'.
#       status: verified
#     - document: Cyberbeveiligingswet (Kamerstuk 36 764), volgens secundaire bronnen in werking op 15 augustus 2026; de wettekst is niet ingezien
#       url: https://zoek.officielebekendmakingen.nl/kst-36764-3.html
#       status: secondary
#   interpretation:
#     nl: >-
#       De maatregel noemt geen maximale ouderdom; de checker toetst alleen dat een vastgestelde risicoafweging
#       bestaat en niet ouder is dan service.last_significant_change. Wat 'significant' is, beslist de organisatie
#       door dat veld te zetten. Art. 41 Kaderwet zbo: dit is een beveiligingsvoorschrift van de Rijksdienst, dus de
#       regel bindt een zbo via art. 41, en een Cbw-entiteit via de Cyberbeveiligingswet. De BIO2 gaat over
#       informatiesystemen: de regel geldt ook in een soevereine overheidscloud of een eigen datacentrum.
#     en: >-
#       The measure names no maximum age; the checker only tests that an approved risk assessment exists and is not
#       older than service.last_significant_change. What is 'significant' the organisation decides by setting that
#       field. Art. 41 Kaderwet zbo: this is a security rule of the Rijksdienst, so the rule binds a zbo through art.
#       41, and a Cbw entity through the Cyberbeveiligingswet. BIO2 concerns information systems: the rule also holds
#       in a sovereign government cloud or an own data centre.
#   subject:
#     nl: alle diensten, waar ze ook draaien
#     en: every service, wherever it runs
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.risk_on_change

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.result

subject contains i if some i, _ in input.services

deny contains result.fail(i, ["assessments", "risk_assessment", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "risk_assessment")
	params := {"status": assessment.status(svc, "risk_assessment")}
}

# Unknown is not "no change": a service in use that does not say when it last changed significantly cannot be
# shown to have a current assessment.
deny contains result.fail(i, ["service"], "not_shown", {}) if {
	some i in subject
	assessment.change_unrecorded(input.services[i])
}

deny contains result.fail(i, ["service", "last_significant_change"], "changed", params) if {
	some i in subject
	svc := input.services[i]
	assessment.approved(svc, "risk_assessment")
	params := assessment.changed_after(svc, "risk_assessment")
}
