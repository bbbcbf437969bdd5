# METADATA
# scope: package
# custom:
#   id: BIO2-5-20-03-ASSURANCE
#   severity: medium
#   title:
#     nl: De leverancier toont jaarlijks met onderzoek door onafhankelijke derden aan dat hij aan de eisen voldoet
#     en: The supplier shows every year, through independent third-party audits, that it meets the requirements
#   description:
#     nl: >-
#       BIO2-overheidsmaatregel 5.20.03: de leverancier toont elk jaar aan dat hij de afgesproken beveiligingseisen
#       naleeft, in opzet, bestaan en werking, op basis van onderzoeken van onafhankelijke derden, zoals een
#       ISAE 3402 type II-verklaring, een SOC 2 Type II-rapport, een ISO/IEC 27001-certificeringsaudit of een
#       BSI C5-attest.
#     en: >-
#       BIO2 government measure 5.20.03: every year the supplier shows that it complies with the agreed security
#       requirements, in design, existence and operation, on the basis of audits by independent third parties, such as
#       an ISAE 3402 type II report, a SOC 2 Type II report, an ISO/IEC 27001 certification audit or a BSI C5
#       attestation.
#   messages:
#     default:
#       nl: "Er is geen assurance-rapport van een onafhankelijke derde over de leverancier vastgelegd, gedateerd op of vóór de peildatum {as_of}."
#       en: "No assurance report of an independent third party on the supplier is recorded, dated on or before the reference date {as_of}."
#     stale:
#       nl: "Het nieuwste assurance-rapport over de leverancier ({type}, {date}) is op {as_of} ouder dan {months} maanden."
#       en: "The newest assurance report on the supplier ({type}, {date}) is older than {months} months on {as_of}."
#   remediation:
#     nl: >-
#       Vraag de leverancier elk jaar om een actueel rapport van een onafhankelijke auditor over de werking van zijn
#       beheersmaatregelen (bijvoorbeeld ISAE 3402 type II of SOC 2 Type II) en leg soort en datum vast in
#       provider.assurance_reports.
#     en: >-
#       Ask the supplier every year for a current report of an independent auditor on the operation of its controls
#       (for example ISAE 3402 type II or SOC 2 Type II) and record kind and date in provider.assurance_reports.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregel 5.20.03
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         In het inkoopcontract wordt opgenomen dat de leverancier aantoont dat hij aan alle gestelde eisen
#         voldoet in opzet, bestaan en werking, op basis van onderzoeken van onafhankelijke derden. Deze
#         onderzoeken hebben een scope die dekkend is voor de gecontracteerde dienstverlening. Hierbij is
#         expliciet aandacht voor de toeleveringsketen … Dit toont de leverancier jaarlijks opnieuw aan.
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
#       Elk rapport in provider.assurance_reports geldt als onderzoek van een onafhankelijke derde; of het de
#       afgesproken eisen dekt, ziet de checker niet. "Jaarlijks" leest de checker als: het nieuwste rapport dat op
#       of vóór de peildatum is gedateerd, is niet ouder dan supplier_review_max_age_months (standaard 12 maanden).
#       Rapporten met een datum na de peildatum tellen niet mee. Dat art. 41 Kaderwet zbo de BIO2 ook voor zbo's
#       verplicht maakt, is de lezing van de checker.
#       Deze maatregel gaat over de leverancier, dus de regel kijkt naar clouddiensten van een externe
#       leverancier. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht, ook voor een zbo zonder art. 41; welke maatregelen versie 1.3 grijs (buiten
#       de Cbw-reikwijdte) markeert, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       Every report in provider.assurance_reports counts as an audit by an independent third party; whether it covers
#       the agreed requirements is beyond the checker. The checker reads "every year" as: the newest report dated on
#       or before the reference date is not older than supplier_review_max_age_months (default 12 months). Reports
#       dated after the reference date do not count. That art. 41 Kaderwet zbo makes BIO2 binding on zbo's too is the
#       checker's reading.
#       This measure concerns the supplier, so the rule looks at cloud services of an external supplier. For an
#       essential or important entity under the Cyberbeveiligingswet (cbw_entity) BIO2 is statutory, also for a
#       zbo without art. 41; which measures version 1.3 marks grey (outside the Cbw's scope) is not visible in
#       the copy that was read.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [procurement, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.supplier_assurance

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

path := ["provider", "assurance_reports"]

subject contains i if some i in cloud.external_clouds

reports(i) := object.get(input.services[i], path, [])

# The indexes of the reports dated on or before the reference date.
dated(i) := {j | some j, report in reports(i); report.date <= input.as_of}

newest(i) := max({listed[j].date | some j in dated(i)}) if {
	count(dated(i)) > 0
	listed := reports(i)
}

# "Yearly": not older than the configured maximum age on the reference date.
max_age := input.settings.supplier_review_max_age_months

deny contains result.fail(i, path, "default", {"as_of": input.as_of}) if {
	some i in subject
	count(dated(i)) == 0
}

deny contains violation if {
	some i in subject
	date := newest(i)
	dates.older_than_months(date, input.as_of, max_age)
	listed := reports(i)
	j := min({k | some k in dated(i); listed[k].date == date})
	params := {"type": listed[j].type, "date": date, "as_of": input.as_of, "months": max_age}
	violation := result.fail(i, array.concat(path, [j, "date"]), "stale", params)
}
