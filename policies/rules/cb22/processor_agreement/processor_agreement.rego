# METADATA
# scope: package
# custom:
#   id: CB22-PROCESSOR-AGREEMENT
#   severity: high
#   title:
#     nl: Een verwerkersovereenkomst voor persoonsgegevens in de publieke cloud
#     en: A processor agreement for personal data in a public cloud
#   description:
#     nl: >-
#       Opslag en verwerking van persoonsgegevens in de publieke cloud moeten in lijn zijn met de AVG. Verwerkt de clouddienstverlener persoonsgegevens namens de organisatie, dan is een verwerkersovereenkomst nodig (AVG art. 28).
#     en: >-
#       Storage and processing of personal data in a public cloud must be in line with the GDPR. Where the cloud provider processes personal data on the organisation's behalf, a processor agreement is needed (GDPR art. 28).
#   messages:
#     default:
#       nl: "Persoonsgegevens in een publieke cloud zonder verwerkersovereenkomst (AVG art. 28)."
#       en: "Personal data in a public cloud without a processor agreement (GDPR art. 28)."
#   remediation:
#     nl: >-
#       Sluit met de clouddienstverlener een verwerkersovereenkomst die voldoet aan AVG art. 28 lid 3 (onderwerp, duur,
#       instructies, beveiliging, subverwerkers, bijstand, teruggave of vernietiging, audits) en zet
#       contract.processor_agreement op true.
#     en: >-
#       Conclude a processor agreement with the cloud provider that meets GDPR art. 28(3) (subject matter, duration,
#       instructions, security, subprocessors, assistance, return or deletion, audits) and set
#       contract.processor_agreement to true.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: Opslag en verwerking van persoonsgegevens moet in lijn zijn met de AVG.
#       status: secondary
#     - document: Algemene verordening gegevensbescherming, art. 28
#       url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#       status: memory
#   interpretation:
#     nl: >-
#       De voorwaarde 'in lijn met de AVG' is breed; de checker toetst hiervan alleen de verwerkersovereenkomst
#       (contract.processor_agreement). Dat de leverancier verwerker is, neemt hij aan. Doorgifte buiten de EER
#       (AVG hoofdstuk V) en de DPIA vallen onder andere regels. AVG-28-PROCESSOR-AGREEMENT toetst de
#       verwerkersovereenkomst op grond van de AVG voor elke externe clouddienst; deze regel is de voorwaarde van het
#       cloudbeleid voor de publieke cloud.
#     en: >-
#       The condition 'in line with the GDPR' is broad; of it the checker checks only the processor agreement
#       (contract.processor_agreement). It assumes the provider is a processor. Transfers outside the EER (GDPR chapter
#       V) and the DPIA fall under other rules. AVG-28-PROCESSOR-AGREEMENT checks the processor agreement under the
#       GDPR for every external cloud service; this rule is the cloud policy's condition for the public cloud.
#   subject:
#     nl: publieke clouddiensten met persoonsgegevens
#     en: public cloud services with personal data
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.processor_agreement

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i in cloud.public_clouds
	i in cloud.personal_data_services
}

deny contains result.fail(i, ["contract", "processor_agreement"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["contract", "processor_agreement"])
}
