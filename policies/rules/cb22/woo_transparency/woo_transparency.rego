# METADATA
# scope: package
# custom:
#   id: CB22-WOO-TRANSPARENCY
#   severity: low
#   title:
#     nl: De besluitvorming over het cloudgebruik is openbaar gemaakt volgens de Wet open overheid
#     en: The decision-making on the cloud use is made public under the Wet open overheid
#   description:
#     nl: >-
#       De besluitvorming over het gebruik van publieke clouddiensten wordt openbaar gemaakt in lijn met de Wet open overheid (Woo). Een gerubriceerde risicoafweging of een exitplan kan daarbij (deels) worden uitgezonderd.
#     en: >-
#       The decision-making on the use of public cloud services is made public in line with the Wet open overheid (Woo). A classified risk assessment or an exit plan may be withheld (in part).
#   messages:
#     default:
#       nl: "De besluitvorming over deze publieke clouddienst is niet aantoonbaar openbaar gemaakt volgens de Woo."
#       en: "The decision-making on this public cloud service has not been shown to be published under the Woo."
#   remediation:
#     nl: >-
#       Maak het besluit over het cloudgebruik en de onderbouwing openbaar volgens de Wet open overheid (met weglating
#       van wat de Woo uitzondert, zoals gerubriceerde delen) en zet governance.woo_published op true.
#     en: >-
#       Publish the decision on the cloud use and its grounds under the Wet open overheid (leaving out what the Woo
#       exempts, such as classified parts) and set governance.woo_published to true.
#   sources:
#     - document: Onderzoek cloudstandaarden voor Forum Standaardisatie (brienen/onderzoek-cloudstandaarden), bijlage 5, summary of Kamerstuk 26 643, nr. 904
#       url: https://github.com/brienen/onderzoek-cloudstandaarden
#       quote: Besluitvorming moet openbaar zijn volgens de Wet Open Overheid.
#       status: secondary
#   interpretation:
#     nl: >-
#       De checker kijkt alleen of de beschrijving de publicatie aantoont (governance.woo_published), en alleen voor
#       publieke clouddiensten die in migratie, in gebruik of in uitfasering zijn: voor een geplande dienst is er
#       nog geen besluit om openbaar te maken. Wat openbaar moet en wat de Woo mag uitzonderen, toetst hij niet.
#     en: >-
#       The checker only looks whether the descriptor shows the publication (governance.woo_published), and only for
#       public cloud services that are migrating, in use or exiting: a planned service has no decision to publish yet.
#       What must be published and what the Woo may withhold it does not check.
#   subject:
#     nl: publieke clouddiensten in migratie, in gebruik of in uitfasering
#     en: public cloud services that are migrating, in use or exiting
#   applies_to: [cloudbeleid]
#   stages: [implementation, operation]
#   effective_from: "2022-08-29"
#   waivable: true
package cloudbeleid.rules.cb22.woo_transparency

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

decided := {"migrating", "in_use", "exiting"}

subject contains i if {
	some i in cloud.public_clouds
	svc := input.services[i]
	svc.service.status in decided
}

deny contains result.fail(i, ["governance", "woo_published"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["governance", "woo_published"])
}
