# METADATA
# scope: package
# custom:
#   id: CB22-DEPT-CLOUD-POLICY
#   severity: medium
#   title:
#     nl: Het departement heeft een eigen cloudbeleid
#     en: The department has its own cloud policy
#   description:
#     nl: >-
#       Departementen formuleren hun eigen cloudbeleid binnen het Rijksbreed cloudbeleid. Publiek cloudgebruik van een organisatie hoort te steunen op dat departementale cloudbeleid.
#     en: >-
#       Departments formulate their own cloud policy within the Rijksbreed cloudbeleid. An organisation's public cloud use should rest on that departmental cloud policy.
#   messages:
#     default:
#       nl: "Het organisatieprofiel verwijst niet naar een eigen (departementaal) cloudbeleid."
#       en: "The organisation profile refers to no own (departmental) cloud policy."
#   remediation:
#     nl: >-
#       Stel een departementaal cloudbeleid vast (voor een agentschap: dat van het moederdepartement) en verwijs ernaar
#       in organisation.cloud_policy_ref, in .cloudbeleid.yaml of in de beschrijving.
#     en: >-
#       Adopt a departmental cloud policy (for an agentschap: that of its parent ministry) and refer to it in
#       organisation.cloud_policy_ref, in .cloudbeleid.yaml or in the descriptor.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: Departementen moeten hun eigen cloudbeleid formuleren.
#       status: secondary
#   interpretation:
#     nl: >-
#       Dit is een eis aan de organisatie, niet aan een dienst; de checker toetst haar bij elke publieke clouddienst,
#       op het organisatieprofiel (organisation.cloud_policy_ref uit de beschrijving, anders uit .cloudbeleid.yaml).
#       Een verwijzing is genoeg; de inhoud van het beleid toetst hij niet. Een agentschap of andere dienst kan naar
#       het beleid van zijn departement verwijzen.
#     en: >-
#       This is a demand on the organisation, not on a service; the checker checks it with every public cloud service,
#       on the organisation profile (organisation.cloud_policy_ref from the descriptor, otherwise from
#       .cloudbeleid.yaml). A reference suffices; the content of the policy it does not check. An agentschap or other
#       unit may refer to its ministry's policy.
#   subject:
#     nl: publieke clouddiensten (public of hybrid)
#     en: public cloud services (public or hybrid)
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.dept_cloud_policy

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

path := ["organisation", "cloud_policy_ref"]

subject contains i if some i in cloud.public_clouds

# The descriptor's organisation block overrides the profile of .cloudbeleid.yaml field by field.
policy_ref(svc) := object.get(svc, path, object.get(input, path, ""))

deny contains result.fail(i, path, "default", {}) if {
	some i in subject
	policy_ref(input.services[i]) == ""
}
