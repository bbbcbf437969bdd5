# METADATA
# scope: package
# custom:
#   id: CB22-RISK-ASSESSMENT-AGE
#   severity: medium
#   title:
#     nl: "Advies: de risicoafweging voor publiek cloudgebruik is niet ouder dan de ingestelde termijn"
#     en: "Advice: the risk assessment for public cloud use is not older than the configured term"
#   description:
#     nl: >-
#       Het cloudbeleid vraagt de risico's van publiek cloudgebruik tijdens het gebruik in beeld te houden, maar noemt
#       geen termijn. De checker adviseert een afweging die niet ouder is dan een instelbare termijn (standaard twaalf
#       maanden, zoals de jaarlijkse leveranciersbeoordeling van de BIO2). Omdat die termijn niet uit de tekst komt, is
#       de bevinding een advies.
#     en: >-
#       The cloud policy asks to keep the risks of public cloud use in view during use, but names no term. The checker
#       advises an assessment not older than a configurable term (default twelve months, like BIO2's yearly supplier
#       review). Because that term does not come from the text, the finding is advice.
#   messages:
#     default:
#       nl: "Advies: de risicoafweging van {date} is op {as_of} ouder dan {months} maanden (de termijn is de lezing van de checker)."
#       en: "Advice: the risk assessment of {date} is older than {months} months on {as_of} (the term is the checker's reading)."
#     not_shown:
#       nl: "Advies: de beschrijving toont geen vastgestelde, gedateerde risicoafweging (assessments.risk_assessment); zonder dat gegeven is haar ouderdom niet te beoordelen."
#       en: "Advice: the descriptor shows no approved, dated risk assessment (assessments.risk_assessment); without that fact its age cannot be judged."
#   remediation:
#     nl: >-
#       Beoordeel of de risicoafweging nog actueel is en actualiseer haar zo nodig; of stel een andere termijn in
#       (thresholds.risk_assessment_max_age_months) als de organisatie het beleid anders leest.
#     en: >-
#       Judge whether the risk assessment is still current and update it where needed; or set another term
#       (thresholds.risk_assessment_max_age_months) where the organisation reads the policy otherwise.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Elk departement is zelf verantwoordelijk om de relevante risico's van het gebruik maken van een publieke
#         cloud toepassing in beeld te hebben en tijdens het gebruik in beeld te houden.
#       status: verified
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203)
#       section: overheidsmaatregel 5.22.01 (de jaarlijkse termijn waaraan de standaard zich spiegelt)
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: het jaarlijks beoordelen dat de leverancier voldoet aan de gestelde informatiebeveiligingseisen
#       status: verified
#   interpretation:
#     nl: >-
#       De termijn is de lezing van de checker, niet van de tekst: het cloudbeleid zegt 'in beeld houden' en het
#       antwoord van 2025 'wanneer daar aanleiding toe is'. Daarom is de grondslag cloudbeleid_reading, die een advies
#       geeft waar het cloudbeleid geldt en niets voor Defensie. De termijn is instelbaar
#       (thresholds.risk_assessment_max_age_months, standaard 12). Een afweging na een significante wijziging toetsen
#       CB22-RISK-ASSESSMENT-CURRENT en BIO2-5-08-01-RISK-ON-CHANGE, die wel op een tekst steunen.
#     en: >-
#       The term is the checker's reading, not the text's: the cloud policy says 'keep in view' and the 2025 answer 'when
#       there is cause'. So the basis is cloudbeleid_reading, which gives advice wherever the cloud policy applies and
#       nothing for Defence. The term is configurable (thresholds.risk_assessment_max_age_months, default 12). An
#       assessment after a significant change is checked by CB22-RISK-ASSESSMENT-CURRENT and
#       BIO2-5-08-01-RISK-ON-CHANGE, which do rest on a text.
#   subject:
#     nl: publieke clouddiensten
#     en: public cloud services
#   applies_to: [cloudbeleid_reading]
#   stages: [implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.risk_assessment_age

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

path := ["assessments", "risk_assessment", "date"]

subject contains i if some i in cloud.public_clouds

dated(svc) if {
	svc.assessments.risk_assessment.status == "approved"
	is_string(svc.assessments.risk_assessment.date)
}

max_age := input.settings.risk_assessment_max_age_months

# Unknown is not current: without an approved, dated assessment its age cannot be judged (CB22-RISK-ASSESSMENT-CURRENT
# reports the missing assessment itself).
deny contains result.fail(i, ["assessments"], "not_shown", {}) if {
	some i in subject
	not dated(input.services[i])
}

deny contains result.fail(i, path, "default", {"date": date, "as_of": input.as_of, "months": max_age}) if {
	some i in subject
	dated(input.services[i])
	date := input.services[i].assessments.risk_assessment.date
	date <= input.as_of
	dates.older_than_months(date, input.as_of, max_age)
}
