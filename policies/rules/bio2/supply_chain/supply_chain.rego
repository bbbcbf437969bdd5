# METADATA
# scope: package
# custom:
#   id: BIO2-5-21-SUPPLY-CHAIN
#   severity: medium
#   title:
#     nl: Inzicht in de keten van onderaannemers, eisen doorgelegd en wijzigingen vooraf gemeld
#     en: Insight into the chain of subcontractors, requirements passed down and changes announced
#   description:
#     nl: >-
#       BIO2-overheidsmaatregelen 5.21.02 tot en met 5.21.05: de organisatie heeft inzicht in de keten van
#       onderaannemers van de leverancier, de leverancier legt de eisen door aan zijn onderaannemers en meldt
#       wijzigingen in die keten.
#     en: >-
#       BIO2 government measures 5.21.02 to 5.21.05: the organisation has insight into the supplier's chain of
#       subcontractors, the supplier passes the requirements on to its subcontractors and reports changes in that
#       chain.
#   messages:
#     default:
#       nl: "De keten van onderaannemers is niet geborgd: {field} is niet true."
#       en: "The chain of subcontractors is not secured: {field} is not true."
#     subprocessors_disclosed:
#       nl: "De leverancier maakt zijn volledige keten van onderaannemers niet inzichtelijk."
#       en: "The supplier does not disclose its full chain of subcontractors."
#     requirements_flow_down:
#       nl: "Het contract verplicht de leverancier niet om dezelfde eisen aan zijn onderaannemers op te leggen."
#       en: "The contract does not oblige the supplier to impose the same requirements on its subcontractors."
#     subprocessor_changes_notified:
#       nl: "Het contract verplicht de leverancier niet om wijzigingen in zijn onderaannemers vooraf te melden."
#       en: "The contract does not oblige the supplier to announce changes in its subcontractors in advance."
#   remediation:
#     nl: >-
#       Laat de leverancier zijn onderaannemers bekendmaken (provider.subprocessors_disclosed), en leg in het contract
#       vast dat hij de eisen doorlegt in de keten (contract.requirements_flow_down) en wijzigingen in onderaannemers
#       vooraf meldt (contract.subprocessor_changes_notified).
#     en: >-
#       Have the supplier disclose its subcontractors (provider.subprocessors_disclosed), and put in the contract that
#       it passes the requirements down the chain (contract.requirements_flow_down) and announces changes in
#       subcontractors in advance (contract.subprocessor_changes_notified).
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregelen 5.21.02 tot en met 5.21.04 (5.21.01 is vervallen)
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Voorafgaand aan het afsluiten van de overeenkomst geeft de leverancier inzicht in de keten van
#         toeleveranciers en eventuele risico's daarin. De entiteit beoordeelt of de risico's acceptabel zijn. …
#         de beveiligingseisen aan de leverancier onverminderd van toepassing zijn op de keten van
#         toeleveranciers … Gedurende de looptijd geeft de leverancier veranderingen in de keten van
#         toeleveranciers door, inclusief risico's daarin.
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
#   interpretation:
#     nl: >-
#       Het onderzoek gaf van deze maatregelen alleen een samenvatting, geen letterlijke tekst, en niet welke
#       deelmaatregel wat eist; de checker toetst de drie onderdelen samen. Dat art. 41 Kaderwet zbo de BIO2 ook voor
#       zbo's verplicht maakt, is de lezing van de checker.
#       Deze maatregel gaat over de leverancier, dus de regel kijkt naar clouddiensten van een externe
#       leverancier. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht, ook voor een zbo zonder art. 41; welke maatregelen versie 1.3 grijs (buiten
#       de Cbw-reikwijdte) markeert, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The research gave only a summary of these measures, not their wording, nor which sub-measure demands what; the
#       checker checks the three parts together. That art. 41 Kaderwet zbo makes BIO2 binding on zbo's too is the
#       checker's reading.
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
package cloudbeleid.rules.bio2.supply_chain

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Each demand: the field that shows it, also the kind of its finding.
required := [
	["provider", "subprocessors_disclosed"],
	["contract", "requirements_flow_down"],
	["contract", "subprocessor_changes_notified"],
]

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, field, field[1], {"field": concat(".", field)}) if {
	some i in subject
	some field in required
	service.unconfirmed(input.services[i], field)
}
