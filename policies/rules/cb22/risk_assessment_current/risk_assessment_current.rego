# METADATA
# scope: package
# custom:
#   id: CB22-RISK-ASSESSMENT-CURRENT
#   severity: high
#   title:
#     nl: Een vastgestelde en actuele risicoafweging voor publiek cloudgebruik
#     en: An approved and current risk assessment for public cloud use
#   description:
#     nl: >-
#       Elk departement moet de risico's van publiek cloudgebruik vooraf in beeld hebben en tijdens het gebruik in beeld houden; risicoanalyses worden geactualiseerd wanneer daar aanleiding toe is.
#     en: >-
#       Every department must know the risks of public cloud use beforehand and keep them in view during use; risk analyses are updated when there is cause.
#   messages:
#     default:
#       nl: "Er is geen vastgestelde risicoafweging voor deze publieke clouddienst (status: {status})."
#       en: "There is no approved risk assessment for this public cloud service (status: {status})."
#     undated:
#       nl: "De risicoafweging heeft geen datum; de actualiteit is niet aan te tonen."
#       en: "The risk assessment has no date, so it cannot be shown to be current."
#     future:
#       nl: "De risicoafweging is gedateerd {date}, na de peildatum {as_of}."
#       en: "The risk assessment is dated {date}, after the reference date {as_of}."
#     not_shown:
#       nl: "De beschrijving vermeldt niet wanneer de dienst voor het laatst significant is gewijzigd (service.last_significant_change; de ingangsdatum als er sindsdien niets is gewijzigd); zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not say when the service last changed significantly (service.last_significant_change; the start date if nothing changed since); without that fact the rule cannot pass."
#     changed:
#       nl: "De dienst is op {changed} significant gewijzigd, na de risicoafweging van {date}."
#       en: "The service changed significantly on {changed}, after the risk assessment of {date}."
#   remediation:
#     nl: >-
#       Stel een risicoafweging vast (Implementatiekader Risicoafweging Cloudgebruik), leg status en datum vast
#       in assessments.risk_assessment, en actualiseer haar wanneer daar aanleiding toe is, in elk geval na een
#       significante wijziging (service.last_significant_change). Hoe oud een afweging mag worden, adviseert
#       CB22-RISK-ASSESSMENT-AGE.
#     en: >-
#       Approve a risk assessment (Implementatiekader Risicoafweging Cloudgebruik), record status and date in
#       assessments.risk_assessment, and update it when there is cause, at least after a significant change
#       (service.last_significant_change). How old an assessment may grow is advised by
#       CB22-RISK-ASSESSMENT-AGE.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Elk departement is zelf verantwoordelijk om de relevante risico's van het gebruik maken van een publieke
#         cloud toepassing in beeld te hebben en tijdens het gebruik in beeld te houden.
#       status: verified
#     - document: Antwoord op Kamervragen Kathmann en Six Dijkstra (2025Z10397), antwoord 2
#       url: https://www.openkamer.org/kamervraag/2025Z10397
#       quote: >-
#         Ook dienen beveiligingsmaatregelen genomen te worden en risicoanalyses geactualiseerd te worden wanneer daar
#         aanleiding toe is.
#       status: verified
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203)
#       section: "overheidsmaatregel 5.08.01 (de aanleiding: een significante wijziging)"
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Bij nieuwe informatiesystemen en bij significante wijzigingen op bestaande informatiesystemen wordt
#         een expliciete risicoafweging op basis van een vastgestelde risicomanagementmethodiek uitgevoerd …
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), kopie van wetten.overheid.nl in MinBZK/regelrecht-corpus (2022-07-01)
#       section: art. 21 (beleidsregels; de route die een zbo aan het hele cloudbeleid bindt)
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel21
#       quote: >-
#         Onze Minister kan beleidsregels vaststellen met betrekking tot de taakuitoefening door een zelfstandig
#         bestuursorgaan.
#       status: verified
#   interpretation:
#     nl: >-
#       De bronnen vragen de risico's 'tijdens het gebruik in beeld te houden' en risicoanalyses te actualiseren
#       'wanneer daar aanleiding toe is'; geen bron noemt een vaste maximale ouderdom. Deze regel toetst daarom
#       alleen wat de tekst draagt: een vastgestelde, gedateerde afweging die niet van na de peildatum is, en
#       een nieuwe afweging na een significante wijziging (service.last_significant_change, de aanleiding die
#       een beschrijving kan tonen). Onbekend is geen 'geen wijziging': een dienst in gebruik (migrating, in_use,
#       exiting) moet die datum vermelden. De maximale ouderdom (standaard twaalf maanden) is de lezing van de checker
#       en staat als advies in CB22-RISK-ASSESSMENT-AGE. Art. 41 Kaderwet zbo: het cloudbeleid is geen
#       beveiligingsvoorschrift van de Rijksdienst; het beveiligingsvoorschrift dat er wel is, een nieuwe
#       risicoafweging bij een significante wijziging (BIO2 5.08.01), bindt een zbo via
#       BIO2-5-08-01-RISK-ON-CHANGE. Voor een zbo geldt deze regel daarom als advies; een zbo met een
#       beleidsregel van de minister (art. 21) blijft aan de hele regel gebonden.
#     en: >-
#       The sources ask to keep the risks 'in view during use' and to update risk analyses 'when there is
#       cause'; no source names a fixed maximum age. So this rule tests only what the text carries: an approved,
#       dated assessment not dated after the reference date, and a new assessment after a significant change
#       (service.last_significant_change, the cause a descriptor can show). Unknown is not 'no change': a service
#       in use (migrating, in_use, exiting) must state that date. The maximum age (default twelve
#       months) is the checker's reading and is advice in CB22-RISK-ASSESSMENT-AGE. Art. 41 Kaderwet zbo: the
#       cloud policy is no security rule of the Rijksdienst; the security rule that does exist, a new risk
#       assessment after a significant change (BIO2 5.08.01), binds a zbo through BIO2-5-08-01-RISK-ON-CHANGE.
#       For a zbo this rule is therefore advice; a zbo with a ministerial beleidsregel (art. 21) stays bound to
#       the whole rule.
#   subject:
#     nl: publieke clouddiensten (public of hybrid)
#     en: public cloud services (public or hybrid)
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.risk_assessment_current

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if some i in cloud.public_clouds

deny contains result.fail(i, ["assessments", "risk_assessment", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "risk_assessment")
	params := {"status": assessment.status(svc, "risk_assessment")}
}

deny contains result.fail(i, ["assessments", "risk_assessment", "date"], "undated", {}) if {
	some i in subject
	svc := input.services[i]
	assessment.approved(svc, "risk_assessment")
	not svc.assessments.risk_assessment.date
}

deny contains violation if {
	some i in subject
	violation := assessment.approved_after_reference(i, "risk_assessment")
}

deny contains result.fail(i, ["service", "last_significant_change"], "changed", params) if {
	some i in subject
	svc := input.services[i]
	assessment.approved(svc, "risk_assessment")
	params := assessment.changed_after(svc, "risk_assessment")
}

deny contains result.fail(i, ["service", "last_significant_change"], "not_shown", {}) if {
	some i in subject
	assessment.change_unrecorded(input.services[i])
}
