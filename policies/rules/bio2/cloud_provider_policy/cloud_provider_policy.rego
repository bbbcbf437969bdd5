# METADATA
# scope: package
# custom:
#   id: BIO2-5-23-01-CSP-POLICY
#   severity: medium
#   title:
#     nl: Beleid voor het selecteren, beoordelen en beëindigen van cloudleveranciers, en toepassing ervan
#     en: A policy for selecting, assessing and ending cloud service providers, and its application
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.23.01: de organisatie stelt beleid op voor het inventariseren, classificeren,
#       selecteren, beoordelen en managen van cloudleveranciers (CSP's) en het beëindigen van hun dienstverlening, en
#       past dat toe: het contract noemt gronden voor beëindiging en na belangrijke wijzigingen bij de leverancier
#       volgt een nieuwe beoordeling.
#     en: >-
#       BIO2 government measure 5.23.01: the organisation sets a policy for inventorying, classifying, selecting,
#       assessing and managing cloud service providers (CSPs) and for ending their services, and applies it: the
#       contract names grounds for termination, and important changes at the provider lead to a new assessment.
#   messages:
#     default:
#       nl: "De organisatie heeft geen beleid voor cloudleveranciers vastgelegd (organisation.cloud_policy_ref)."
#       en: "The organisation has recorded no policy for cloud service providers (organisation.cloud_policy_ref)."
#     termination_grounds:
#       nl: "Het contract noemt geen gronden om de dienstverlening te beëindigen (contract.termination_grounds is niet true)."
#       en: "The contract names no grounds for ending the service (contract.termination_grounds is not true)."
#     changed:
#       nl: "De dienst of leverancier is op {changed} significant gewijzigd, na de risicoafweging van {date}; een nieuwe beoordeling ontbreekt."
#       en: "The service or provider changed significantly on {changed}, after the risk assessment of {date}; a new assessment is missing."
#     unassessed:
#       nl: "De dienst of leverancier is op {changed} significant gewijzigd, maar de beschrijving vermeldt geen gedateerde risicoafweging (assessments.risk_assessment.date); een nieuwe beoordeling is niet aan te tonen."
#       en: "The service or provider changed significantly on {changed}, but the descriptor records no dated risk assessment (assessments.risk_assessment.date); a new assessment cannot be shown."
#     not_shown:
#       nl: "De beschrijving vermeldt niet wanneer de dienst of leverancier voor het laatst significant is gewijzigd (service.last_significant_change; de ingangsdatum als er sindsdien niets is gewijzigd); zonder dat gegeven kan de regel niet voldoen."
#       en: "The descriptor does not say when the service or provider last changed significantly (service.last_significant_change; the start date if nothing changed since); without that fact the rule cannot pass."
#   remediation:
#     nl: >-
#       Stel beleid voor cloudleveranciers vast en verwijs ernaar met organisation.cloud_policy_ref (in de
#       configuratie of de beschrijving), neem beëindigingsgronden op in het contract (contract.termination_grounds)
#       en actualiseer de risicoafweging na elke belangrijke wijziging bij de leverancier.
#     en: >-
#       Set a policy for cloud service providers and refer to it with organisation.cloud_policy_ref (in the
#       configuration or the descriptor), put grounds for termination in the contract (contract.termination_grounds)
#       and update the risk assessment after every important change at the provider.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 5.23.01
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         De entiteit stelt beleid op dat toeziet op het inventariseren, classificeren, selecteren, beoordelen
#         en managen van Cloud Service Providers (CSP) en het beëindigen van dienstverlening door CSP's en past
#         dat toe. Dit beleid wordt minimaal eens per drie jaar herzien. In de inkoopcontracten wordt opgenomen
#         welke situaties aanleiding kunnen geven tot ontbinding van het contract. Wanneer zich belangrijke
#         wijzigingen bij de leverancier optreden, beoordeel de risico's daarvan en neem passende maatregelen.
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41
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
#     - document: MinBZK Baseline-Informatiebeveiliging-Overheid, pull request #475 (WV #400, WG BIO 21-04-2026), werkversie naar BIO2 v2.0
#       section: 5.23.01
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         De zin 'Dit beleid wordt minimaal eens per drie jaar herzien.' is geschrapt
#       status: verified
#   interpretation:
#     nl: >-
#       Het beleid zelf kan de checker niet lezen: een verwijzing in organisation.cloud_policy_ref (uit de
#       configuratie of uit de beschrijving) geldt als bewijs. De beëindigingsgronden en de herbeoordeling na
#       belangrijke wijzigingen noemt het onderzoek alleen in samenvatting. De checker leest een herbeoordeling als
#       een gedateerde risicoafweging die niet ouder is dan service.last_significant_change (een dienst in gebruik
#       moet die datum vermelden: onbekend is geen 'geen wijziging'); voor publieke cloud toetst
#       CB22-RISK-ASSESSMENT-CURRENT hetzelfde onder het cloudbeleid. De driejaarlijkse herziening van het beleid
#       toetst de checker niet (geen veld; het onderzoek meldt dat die termijn op 21 april 2026 is geschrapt). Dat
#       art. 41 Kaderwet zbo de BIO2 ook voor zbo's verplicht maakt, is de lezing van de checker.
#       De zin over herziening eens per drie jaar staat in v1.3, maar is in de werkversie naar v2.0 geschrapt
#       (PR #475); de checker toetst geen herzieningstermijn.
#       Deze maatregel gaat over de leverancier, dus de regel kijkt naar clouddiensten van een externe
#       leverancier. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht, ook voor een zbo zonder art. 41; welke maatregelen versie 1.3 grijs (buiten
#       de Cbw-reikwijdte) markeert, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The checker cannot read the policy itself: a reference in organisation.cloud_policy_ref (from the
#       configuration or the descriptor) counts as evidence. The research names the termination grounds and the
#       reassessment after important changes only in summary. The checker reads a reassessment as a risk assessment
#       dated risk assessment not older than service.last_significant_change (a service in use must state that date:
#       unknown is not 'no change'); for public cloud CB22-RISK-ASSESSMENT-CURRENT checks the same
#       under the cloud policy. The checker does not check the three-yearly review of the policy (no field; the
#       research reports that this term was dropped on 21 April 2026). That art. 41 Kaderwet zbo makes BIO2 binding
#       on zbo's too is the checker's reading.
#       The sentence on review every three years is in v1.3 but was deleted in the working version towards v2.0
#       (PR #475); the checker tests no review term.
#       This measure concerns the supplier, so the rule looks at cloud services of an external supplier. For an
#       essential or important entity under the Cyberbeveiligingswet (cbw_entity) BIO2 is statutory, also for a
#       zbo without art. 41; which measures version 1.3 marks grey (outside the Cbw's scope) is not visible in
#       the copy that was read.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.cloud_provider_policy

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if some i in cloud.external_clouds

# The organisation profile that applies to a service: the configuration's, overridden by the descriptor's.
organisation(svc) := object.union(object.get(input, "organisation", {}), object.get(svc, "organisation", {}))

deny contains result.fail(i, ["organisation", "cloud_policy_ref"], "default", {}) if {
	some i in subject
	object.get(organisation(input.services[i]), "cloud_policy_ref", "") == ""
}

deny contains result.fail(i, ["contract", "termination_grounds"], "termination_grounds", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["contract", "termination_grounds"])
}

# Whether or not the assessment is approved: the supplier's policy asks for a new one after every significant change.
deny contains result.fail(i, ["service", "last_significant_change"], "changed", params) if {
	some i in subject
	params := assessment.changed_after(input.services[i], "risk_assessment")
}

# A change with no dated assessment at all is no reassessment either.
deny contains result.fail(i, ["assessments", "risk_assessment", "date"], "unassessed", params) if {
	some i in subject
	params := assessment.changed_unassessed(input.services[i], "risk_assessment")
}

deny contains result.fail(i, ["service", "last_significant_change"], "not_shown", {}) if {
	some i in subject
	assessment.change_unrecorded(input.services[i])
}
