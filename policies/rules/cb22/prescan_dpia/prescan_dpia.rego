# METADATA
# scope: package
# custom:
#   id: CB22-PRESCAN-DPIA
#   severity: high
#   title:
#     nl: Goedgekeurde pre-scan DPIA voor persoonsgegevens in de publieke cloud
#     en: Approved pre-scan DPIA for personal data in a public cloud
#   description:
#     nl: >-
#       Wie persoonsgegevens in een publieke clouddienst verwerkt, heeft eerst een goedgekeurde pre-scan DPIA nodig: die bepaalt of een volledige DPIA nodig is.
#     en: >-
#       Processing personal data in a public cloud service first needs an approved pre-scan DPIA, which decides whether a full DPIA is needed.
#   messages:
#     default:
#       nl: "Persoonsgegevens in een publieke cloud zonder goedgekeurde pre-scan DPIA (status: {status})."
#       en: "Personal data in a public cloud without an approved pre-scan DPIA (status: {status})."
#     future:
#       nl: "De pre-scan DPIA is pas op {date} goedgekeurd, na de peildatum {as_of}."
#       en: "The pre-scan DPIA was approved only on {date}, after the reference date {as_of}."
#   remediation:
#     nl: >-
#       Voer de pre-scan DPIA (model Rijksdienst) uit, laat hem goedkeuren en leg status approved en de datum vast in
#       assessments.prescan_dpia.
#     en: >-
#       Carry out the pre-scan DPIA (Rijksdienst model), have it approved, and record status approved and the date in
#       assessments.prescan_dpia.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         In de eerste plaats gelden voorwaarden voor de verwerking van persoonsgegevens in publieke clouddiensten. Dit
#         vergt een goedgekeurde pre-scan gegevens-beschermingseffectbeoordeling (ook wel pre-scan DPIA genoemd).
#       status: verified
#   subject:
#     nl: publieke clouddiensten die persoonsgegevens verwerken
#     en: public cloud services that process personal data
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.prescan_dpia

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

subject contains i if {
	some i in cloud.public_clouds
	i in cloud.personal_data_services
}

deny contains result.fail(i, ["assessments", "prescan_dpia", "status"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not assessment.approved(svc, "prescan_dpia")
	params := {"status": assessment.status(svc, "prescan_dpia")}
}

deny contains violation if {
	some i in subject
	violation := assessment.approved_after_reference(i, "prescan_dpia")
}
