# METADATA
# scope: package
# custom:
#   id: BIO2-5-20-06-DEPENDENCY-ASSESSMENT
#   severity: medium
#   title:
#     nl: De risicoafweging bepaalt of de afhankelijkheid van de leverancier beheersbaar is
#     en: The risk assessment decides whether the dependency on the supplier is manageable
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.20.06: voordat een contract wordt afgesloten, bepaalt een risicoafweging of de
#       afhankelijkheid van de leverancier beheersbaar is; de exitstrategie is een vast onderdeel van het contract.
#       Deze regel toetst het eerste deel; CB22-EXIT-STRATEGY toetst de exitstrategie in het contract.
#     en: >-
#       BIO2 government measure 5.20.06: before a contract is concluded, a risk assessment decides whether the
#       dependency on the supplier is manageable; the exit strategy is a fixed part of the contract. This rule checks
#       the first part; CB22-EXIT-STRATEGY checks the exit strategy in the contract.
#   messages:
#     default:
#       nl: "De risicoafweging weegt de afhankelijkheid van de leverancier niet (supplier_dependency ontbreekt in assessments.risk_assessment.aspects)."
#       en: "The risk assessment does not weigh the dependency on the supplier (supplier_dependency is missing from assessments.risk_assessment.aspects)."
#   remediation:
#     nl: >-
#       Bepaal in de risicoafweging, voordat het contract wordt afgesloten, of de afhankelijkheid van de leverancier
#       beheersbaar is, en neem supplier_dependency op in assessments.risk_assessment.aspects.
#     en: >-
#       Decide in the risk assessment, before the contract is concluded, whether the dependency on the supplier is
#       manageable, and add supplier_dependency to assessments.risk_assessment.aspects.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 5.20.06
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Voordat een contract wordt afgesloten, wordt in een risicoafweging bepaald of de afhankelijkheid van
#         een leverancier beheersbaar is. Een vast onderdeel van het contract is een expliciete uitwerking van
#         de exit-strategie.
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
#       De checker leest "in een risicoafweging bepaald" als: de risicoafweging noemt het aspect supplier_dependency.
#       Of zij dat deed vóór het afsluiten van het contract, is uit de beschrijving niet af te leiden (alleen de datum
#       van de laatste versie staat erin). De exitstrategie in het contract toetst CB22-EXIT-STRATEGY, dat deze
#       maatregel als bron noemt. Dat art. 41 Kaderwet zbo de BIO2 ook voor zbo's verplicht maakt, is de lezing van
#       de checker.
#       Deze maatregel gaat over de leverancier, dus de regel kijkt naar clouddiensten van een externe
#       leverancier. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht, ook voor een zbo zonder art. 41; welke maatregelen versie 1.3 grijs (buiten
#       de Cbw-reikwijdte) markeert, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The checker reads "decided in a risk assessment" as: the risk assessment names the aspect supplier_dependency.
#       Whether it did so before the contract was concluded cannot be told from the descriptor (it holds only the date
#       of the latest version). CB22-EXIT-STRATEGY, which cites this measure, checks the exit strategy in the contract.
#       That art. 41 Kaderwet zbo makes BIO2 binding on zbo's too is the checker's reading.
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
package cloudbeleid.rules.bio2.supplier_dependency

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result

path := ["assessments", "risk_assessment", "aspects"]

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, path, "default", {}) if {
	some i in subject
	not "supplier_dependency" in object.get(input.services[i], path, [])
}
