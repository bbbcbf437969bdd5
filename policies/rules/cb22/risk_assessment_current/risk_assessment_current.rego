# METADATA
# title: Actuele risicoafweging voor publiek cloudgebruik
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
#   message:
#     nl: "Er is geen vastgestelde risicoafweging voor deze publieke clouddienst (status: {status})."
#     en: "There is no approved risk assessment for this public cloud service (status: {status})."
#   messages:
#     undated:
#       nl: "De risicoafweging heeft geen datum; de actualiteit is niet aan te tonen."
#       en: "The risk assessment has no date, so it cannot be shown to be current."
#     future:
#       nl: "De risicoafweging is gedateerd {date}, na de peildatum {as_of}."
#       en: "The risk assessment is dated {date}, after the reference date {as_of}."
#     stale:
#       nl: "De risicoafweging van {date} is op {as_of} ouder dan {months} maanden."
#       en: "The risk assessment of {date} is older than {months} months on {as_of}."
#     changed:
#       nl: "De dienst is op {changed} significant gewijzigd, na de risicoafweging van {date}."
#       en: "The service changed significantly on {changed}, after the risk assessment of {date}."
#   remediation:
#     nl: >-
#       Stel een risicoafweging vast (Implementatiekader Risicoafweging Cloudgebruik) en actualiseer haar periodiek en
#       na elke significante wijziging; leg status en datum vast in assessments.risk_assessment.
#     en: >-
#       Approve a risk assessment (Implementatiekader Risicoafweging Cloudgebruik) and update it periodically and after
#       every significant change; record status and date in assessments.risk_assessment.
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
#       Geen bron noemt een vaste maximale ouderdom. De checker gebruikt een instelbare drempel
#       (thresholds.risk_assessment_max_age_months, standaard 12 maanden, in lijn met de jaarlijkse beoordeling van
#       BIO2 5.22.01) en ziet een significante wijziging na de risicoafweging (service.last_significant_change) als
#       aanleiding tot actualisatie.
#       Art. 41 Kaderwet zbo: De maximale ouderdom van twaalf maanden is de lezing van de checker, geen
#       voorschrift; het beveiligingsvoorschrift dat er wel is, een nieuwe risicoafweging bij een significante
#       wijziging (BIO2 5.08.01), bindt een zbo via KWZBO-41-RIJKSDIENST-SECURITY en de BIO2. Voor een zbo geldt
#       deze regel als advies, niet via art. 41 Kaderwet zbo. Art. 41 verplicht een zbo tot
#       beveiligingsmaatregelen 'op de voet van de ter zake voor de Rijksdienst geldende voorschriften'
#       (gegevens beschermd tegen verlies, onbevoegde kennisneming, wijziging en verstrekking); het is geen
#       route voor het hele cloudbeleid, dat zbo's volgens het antwoord van de regering uit 2025 niet verplicht
#       hoeven te volgen. Een zbo met een beleidsregel van de minister (art. 21) blijft aan de hele regel
#       gebonden.
#     en: >-
#       No source gives a fixed maximum age. The checker uses a configurable threshold
#       (thresholds.risk_assessment_max_age_months, default 12 months, in line with the yearly review of BIO2 5.22.01)
#       and treats a significant change after the assessment (service.last_significant_change) as reason to update it.
#       Art. 41 Kaderwet zbo: The 12-month maximum age is the checker's reading, not a rule; the security rule
#       that does exist, a new risk assessment after a significant change (BIO2 5.08.01), binds a zbo through
#       KWZBO-41-RIJKSDIENST-SECURITY and BIO2. For a zbo this rule is advice, not binding through art. 41
#       Kaderwet zbo. Art. 41 obliges a zbo to security measures 'on the footing of the rules that apply to the
#       Rijksdienst in that matter' (data protected against loss, unauthorised access, change and disclosure);
#       it is no route for the whole cloud policy, which according to the government's 2025 answer zbo's are not
#       obliged to follow. A zbo with a ministerial beleidsregel (art. 21) stays bound to the whole rule.
#   subject:
#     nl: publieke clouddiensten (public of hybrid)
#     en: public cloud services (public or hybrid)
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.risk_assessment_current

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

path := ["assessments", "risk_assessment"]

subject contains i if {
	some i, svc in input.services
	cloud.public_cloud(svc)
}

assessment(i) := object.get(input.services[i], path, {})

approved(i) if assessment(i).status == "approved"

deny contains result.fail(i, array.concat(path, ["status"]), {"status": status}) if {
	some i in subject
	status := object.get(assessment(i), "status", "none")
	status != "approved"
}

deny contains result.fail_kind(i, array.concat(path, ["date"]), "undated", {}) if {
	some i in subject
	approved(i)
	not assessment(i).date
}

deny contains result.fail_kind(i, array.concat(path, ["date"]), "future", {"date": date, "as_of": input.as_of}) if {
	some i in subject
	approved(i)
	date := assessment(i).date
	date > input.as_of
}

deny contains violation if {
	some i in subject
	approved(i)
	date := assessment(i).date
	months := input.settings.risk_assessment_max_age_months
	dates.older_than_months(date, input.as_of, months)
	params := {"date": date, "as_of": input.as_of, "months": months}
	violation := result.fail_kind(i, array.concat(path, ["date"]), "stale", params)
}

deny contains violation if {
	some i in subject
	approved(i)
	date := assessment(i).date
	changed := input.services[i].service.last_significant_change
	changed > date
	changed <= input.as_of
	violation := result.fail_kind(i, ["service", "last_significant_change"], "changed", {"date": date, "changed": changed})
}
