# METADATA
# scope: package
# custom:
#   id: BIO2-5-20-05-INCIDENT-NOTIFICATION
#   severity: high
#   title:
#     nl: De leverancier is transparant over kwetsbaarheden en incidenten, ook datalekken
#     en: The supplier is transparent about vulnerabilities and incidents, including data breaches
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.20.05: de leverancier is transparant over kwetsbaarheden en incidenten, datalekken
#       inbegrepen. Het contract verplicht hem die te melden, zodat de organisatie kan ingrijpen en haar eigen
#       meldplichten kan nakomen.
#     en: >-
#       BIO2 government measure 5.20.05: the supplier is transparent about vulnerabilities and incidents, data
#       breaches included. The contract obliges it to report them, so that the organisation can act and meet its own
#       reporting duties.
#   messages:
#     default:
#       nl: "Het contract verplicht de leverancier niet om kwetsbaarheden en incidenten, ook datalekken, te melden (contract.incident_notification is niet true)."
#       en: "The contract does not oblige the supplier to report vulnerabilities and incidents, including data breaches (contract.incident_notification is not true)."
#   remediation:
#     nl: >-
#       Neem in het contract een meldplicht op voor kwetsbaarheden en incidenten, datalekken inbegrepen, met
#       termijnen, en leg dat vast met contract.incident_notification: true.
#     en: >-
#       Put a duty to report vulnerabilities and incidents, data breaches included, with deadlines, in the contract
#       and record it with contract.incident_notification: true.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 5.20.05
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Onderdeel van de afspraken is dat de leverancier transparant is over kwetsbaarheden in de
#         dienstverlening en informatiebeveiligingsincidenten waaronder datalekken.
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
#       Het onderzoek gaf van deze maatregel alleen een samenvatting, geen letterlijke tekst. De checker leest
#       transparantie als een contractuele meldplicht (contract.incident_notification). Dat art. 41 Kaderwet zbo de
#       BIO2 ook voor zbo's verplicht maakt, is de lezing van de checker.
#       Deze maatregel gaat over de leverancier, dus de regel kijkt naar clouddiensten van een externe
#       leverancier. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht, ook voor een zbo zonder art. 41; welke maatregelen versie 1.3 grijs (buiten
#       de Cbw-reikwijdte) markeert, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The research gave only a summary of this measure, not its wording. The checker reads transparency as a
#       contractual duty to report (contract.incident_notification). That art. 41 Kaderwet zbo makes BIO2 binding on
#       zbo's too is the checker's reading.
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
package cloudbeleid.rules.bio2.incident_transparency

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

subject contains i if some i in cloud.external_clouds

deny contains result.fail(i, ["contract", "incident_notification"], "default", {}) if {
	some i in subject
	service.unconfirmed(input.services[i], ["contract", "incident_notification"])
}
