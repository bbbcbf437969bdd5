# METADATA
# scope: package
# custom:
#   id: CB22-RISK-METHOD-IMPLEMENTATIEKADER
#   severity: medium
#   title:
#     nl: De risicoafweging volgt het Implementatiekader Risicoafweging Cloudgebruik
#     en: The risk assessment follows the Implementatiekader Risicoafweging Cloudgebruik
#   description:
#     nl: >-
#       Voor de risicoafweging van publiek cloudgebruik heeft CIO Rijk met de departementen een implementatierichtlijn opgesteld: het Implementatiekader Risicoafweging Cloudgebruik (januari 2023). Bij de uitvoering van het cloudbeleid is het toepassen ervan verplicht; het richt zich op informatiebeveiliging en de AVG.
#     en: >-
#       For the risk assessment of public cloud use CIO Rijk drew up an implementation guideline with the departments: the Implementatiekader Risicoafweging Cloudgebruik (January 2023). Applying it is mandatory when carrying out the cloud policy; it focuses on information security and the GDPR.
#   messages:
#     default:
#       nl: "De risicoafweging volgt niet het Implementatiekader Risicoafweging Cloudgebruik (methode: {method})."
#       en: "The risk assessment does not follow the Implementatiekader Risicoafweging Cloudgebruik (method: {method})."
#     not_shown:
#       nl: "De beschrijving vermeldt geen risicoafweging; zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not show a risk assessment; without it the rule cannot be met."
#   remediation:
#     nl: >-
#       Voer de risicoafweging uit volgens het Implementatiekader Risicoafweging Cloudgebruik (of de integrale
#       risicobeoordeling van het herziene cloudbeleid die het opvolgt) en leg dat vast in
#       assessments.risk_assessment.method.
#     en: >-
#       Carry out the risk assessment following the Implementatiekader Risicoafweging Cloudgebruik (or the integral risk
#       assessment of the revised cloud policy that succeeds it) and record it in assessments.risk_assessment.method.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: Voor die risicoafweging zal door de CIO Rijk met de d[epartementen] …
#       status: partly_verified
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: implementatierichtlijn risicoafweging cloudgebruik
#       status: secondary
#     - document: SSC-ICT, 'In de wolken' (2024)
#       url: https://ssc-ictspecials.nl/connect/2024/02/in-de-wolken-2
#       quote: Bij de uitvoering van het rijksbrede cloudbeleid is het toepassen van het implementatiekader verplicht.
#       status: secondary
#     - document: Implementatiekader Risicoafweging Cloudgebruik (5 januari 2023)
#       url: https://open.overheid.nl/documenten/ronl-734f947ec6465e4f75a56bed82fe64a1135f71a8/pdf
#       status: memory
#   interpretation:
#     nl: >-
#       Het Kamerbriefdeel is afgebroken; dat het Implementatiekader verplicht is, komt alleen uit secundaire bronnen.
#       De checker aanvaardt de methode implementatiekader_2023 en, als opvolger, cb26_integraal (de integrale
#       risicobeoordeling van het herziene cloudbeleid 2026; dat die het Implementatiekader opvolgt is een aanname).
#       Een risicoafweging volgens alleen de BIO2 of een eigen methode, of zonder methode, volstaat niet. Of er een
#       vastgestelde en actuele risicoafweging is, toetst CB22-RISK-ASSESSMENT-CURRENT; deze regel kijkt alleen naar
#       de methode van een vastgelegde risicoafweging.
#     en: >-
#       The Kamerbrief passage is cut off; that the Implementatiekader is mandatory comes from secondary sources only.
#       The checker accepts the method implementatiekader_2023 and, as its successor, cb26_integraal (the integral risk
#       assessment of the revised cloud policy 2026; that it succeeds the Implementatiekader is an assumption). A risk
#       assessment following only BIO2 or an own method, or naming no method, does not suffice. Whether an approved and
#       current risk assessment exists is checked by CB22-RISK-ASSESSMENT-CURRENT; this rule looks only at the method of
#       a recorded risk assessment.
#   subject:
#     nl: publieke clouddiensten met een vastgelegde risicoafweging
#     en: public cloud services with a recorded risk assessment
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2023-01-05"
#   waivable: true
package cloudbeleid.rules.cb22.risk_method

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# The Implementatiekader, and the integral assessment of the revised policy as its successor.
methods := {"implementatiekader_2023", "cb26_integraal"}

path := ["assessments", "risk_assessment", "method"]

subject contains i if some i in cloud.public_clouds

# Unknown is not none: without a risk assessment its method cannot be the Implementatiekader.
deny contains result.fail(i, ["assessments", "risk_assessment"], "not_shown", {}) if {
	some i in subject
	not input.services[i].assessments.risk_assessment
}

deny contains result.fail(i, path, "default", {"method": method}) if {
	some i in subject
	svc := input.services[i]
	svc.assessments.risk_assessment
	method := service.recorded(svc, path)
	not method in methods
}
