# METADATA
# scope: package
# custom:
#   id: CB22-MAX-DEP-VERTROUWELIJK
#   severity: high
#   title:
#     nl: De minister besluit, op basis van een risicoafweging, over Departementaal Vertrouwelijk in de publieke cloud
#     en: The minister decides, on a risk assessment, on Departementaal Vertrouwelijk in a public cloud
#   description:
#     nl: >-
#       Tot en met Departementaal Vertrouwelijk gerubriceerde informatie mag in de publieke cloud als de betreffende minister daartoe besluit op basis van een risicoafweging. Dep. V is de bovengrens van wat de minister kan toestaan; staatsgeheimen blijven uitgesloten.
#     en: >-
#       Information classified up to and including Departementaal Vertrouwelijk may go to a public cloud when the responsible minister so decides on the basis of a risk assessment. Dep. V is the ceiling of what the minister can allow; state secrets stay excluded.
#   messages:
#     default:
#       nl: "Departementaal Vertrouwelijk in een publieke cloud zonder besluit van de minister (besluit door: {decision_by})."
#       en: "Departementaal Vertrouwelijk in a public cloud without a decision of the minister (decided by: {decision_by})."
#     undated:
#       nl: "Het besluit van de minister over Departementaal Vertrouwelijk in de publieke cloud heeft geen datum."
#       en: "The minister's decision on Departementaal Vertrouwelijk in a public cloud has no date."
#     future:
#       nl: "Het besluit van de minister is gedateerd {date}, na de peildatum {as_of}."
#       en: "The minister's decision is dated {date}, after the reference date {as_of}."
#     no_assessment:
#       nl: "Het besluit van de minister berust niet op een vastgestelde risicoafweging (status: {status})."
#       en: "The minister's decision does not rest on an approved risk assessment (status: {status})."
#   remediation:
#     nl: >-
#       Laat de minister (of een ambtenaar namens de minister, in mandaat) op basis van een vastgestelde risicoafweging
#       besluiten over het gebruik van de publieke cloud voor deze informatie, en leg dat vast in
#       governance.decision_by (minister), governance.decision_date en governance.decision_ref.
#     en: >-
#       Have the minister (or an official on the minister's behalf, under mandate) decide, on an approved risk
#       assessment, on the use of the public cloud for this information, and record it in governance.decision_by
#       (minister), governance.decision_date and governance.decision_ref.
#   sources:
#     - document: Kamerbrief Rijksbreed cloudbeleid 2022 (Kamerstuk 26 643, nr. 904)
#       url: https://zoek.officielebekendmakingen.nl/kst-26643-904.html
#       quote: >-
#         Op basis van deze risicoafweging kan de betreffende Minister voor tot en met departementaal vertrouwelijk
#         gerubriceerde informatie besluiten tot gebruik van de publieke cloud.
#       status: verified
#   interpretation:
#     nl: >-
#       De checker vraagt het besluit van de minister alleen bij rubricering Departementaal Vertrouwelijk, de
#       bovengrens van de ministeriële bevoegdheid; wie over lagere rubriceringen besluit, laat hij aan het
#       departement. Een besluit in mandaat namens de minister geldt als besluit van de minister (leg het vast als
#       decision_by: minister); dat mandaat volstaat is een aanname (geheugen, niet geverifieerd). 'Op basis van een
#       risicoafweging' leest de checker als: er is een vastgestelde risicoafweging; haar actualiteit toetst
#       CB22-RISK-ASSESSMENT-CURRENT.
#     en: >-
#       The checker asks for the minister's decision only for rubricering Departementaal Vertrouwelijk, the ceiling of
#       the minister's power; who decides on lower levels it leaves to the department. A decision under mandate on the
#       minister's behalf counts as the minister's decision (record it as decision_by: minister); that a mandate
#       suffices is an assumption (memory, not verified). 'On the basis of a risk assessment' the checker reads as: an
#       approved risk assessment exists; whether it is current is checked by CB22-RISK-ASSESSMENT-CURRENT.
#   subject:
#     nl: publieke clouddiensten met informatie gerubriceerd als Departementaal Vertrouwelijk
#     en: public cloud services with information classified Departementaal Vertrouwelijk
#   applies_to: [cloudbeleid]
#   stages: [procurement, implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.max_dep_vertrouwelijk

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	svc.data.rubricering == "dep_vertrouwelijk"
}

by_minister(svc) if svc.governance.decision_by == "minister"

deny contains result.fail(i, ["governance", "decision_by"], "default", params) if {
	some i in subject
	svc := input.services[i]
	not by_minister(svc)
	params := {"decision_by": service.recorded(svc, ["governance", "decision_by"])}
}

deny contains result.fail(i, ["governance", "decision_date"], "undated", {}) if {
	some i in subject
	svc := input.services[i]
	by_minister(svc)
	not svc.governance.decision_date
}

deny contains result.fail(i, ["governance", "decision_date"], "future", params) if {
	some i in subject
	svc := input.services[i]
	by_minister(svc)
	params := dates.after_reference(svc.governance.decision_date)
}

deny contains result.fail(i, ["assessments", "risk_assessment", "status"], "no_assessment", params) if {
	some i in subject
	svc := input.services[i]
	by_minister(svc)
	not assessment.approved(svc, "risk_assessment")
	params := {"status": assessment.status(svc, "risk_assessment")}
}
