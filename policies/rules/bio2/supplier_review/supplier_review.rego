# METADATA
# scope: package
# custom:
#   id: BIO2-5-22-01-SUPPLIER-REVIEW
#   severity: medium
#   title:
#     nl: De proceseigenaar beoordeelt jaarlijks of de leverancier aan de eisen voldoet
#     en: The process owner assesses every year whether the supplier meets the requirements
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.22.01: de proceseigenaar beoordeelt jaarlijks of de leverancier aan de afgesproken
#       eisen voldoet.
#     en: >-
#       BIO2 government measure 5.22.01: every year the process owner assesses whether the supplier meets the agreed
#       requirements.
#   messages:
#     default:
#       nl: "Er is geen beoordeling van de leverancier vastgelegd (governance.supplier_review_on)."
#       en: "No review of the supplier is recorded (governance.supplier_review_on)."
#     stale:
#       nl: "De laatste beoordeling van de leverancier ({date}) is op {as_of} ouder dan {months} maanden."
#       en: "The last review of the supplier ({date}) is older than {months} months on {as_of}."
#     future:
#       nl: "De beoordeling van de leverancier is gedateerd {date}, na de peildatum {as_of}."
#       en: "The review of the supplier is dated {date}, after the reference date {as_of}."
#   remediation:
#     nl: >-
#       Laat de proceseigenaar elk jaar beoordelen of de leverancier aan de eisen voldoet (bijvoorbeeld aan de hand
#       van de assurance-rapporten en de incidentmeldingen) en leg de datum vast in governance.supplier_review_on.
#     en: >-
#       Have the process owner assess every year whether the supplier meets the requirements (for example from the
#       assurance reports and the incident reports) and record the date in governance.supplier_review_on.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 5.22.01
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         … is de proceseigenaar verantwoordelijk voor: het jaarlijks beoordelen dat de leverancier voldoet aan
#         de gestelde informatiebeveiligingseisen; het vaststellen van eventuele beveiligingsrisico's; het
#         (laten) nemen van mitigerende maatregelen en het accepteren van rest-risico's.
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
#       Het onderzoek gaf van deze maatregel alleen een samenvatting, geen letterlijke tekst. "Jaarlijks" leest de
#       checker als: de laatste beoordeling is niet ouder dan supplier_review_max_age_months (standaard 12 maanden)
#       op de peildatum. Dat art. 41 Kaderwet zbo de BIO2 ook voor zbo's verplicht maakt, is de lezing van de checker.
#       Deze maatregel gaat over de leverancier, dus de regel kijkt naar clouddiensten van een externe
#       leverancier. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht, ook voor een zbo zonder art. 41; welke maatregelen versie 1.3 grijs (buiten
#       de Cbw-reikwijdte) markeert, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The research gave only a summary of this measure, not its wording. The checker reads "every year" as: the last
#       review is not older than supplier_review_max_age_months (default 12 months) on the reference date. That art.
#       41 Kaderwet zbo makes BIO2 binding on zbo's too is the checker's reading.
#       This measure concerns the supplier, so the rule looks at cloud services of an external supplier. For an
#       essential or important entity under the Cyberbeveiligingswet (cbw_entity) BIO2 is statutory, also for a
#       zbo without art. 41; which measures version 1.3 marks grey (outside the Cbw's scope) is not visible in
#       the copy that was read.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.supplier_review

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

path := ["governance", "supplier_review_on"]

subject contains i if some i in cloud.external_clouds

# "Yearly": not older than the configured maximum age on the reference date.
max_age := input.settings.supplier_review_max_age_months

deny contains result.fail(i, path, "default", {}) if {
	some i in subject
	not input.services[i].governance.supplier_review_on
}

deny contains result.fail(i, path, kind, dates.term_params(date, max_age)) if {
	some i in subject
	date := input.services[i].governance.supplier_review_on
	kind := dates.term_problem(date, max_age)
}
