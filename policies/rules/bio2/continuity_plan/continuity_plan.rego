# METADATA
# scope: package
# custom:
#   id: BIO2-5-30-CONTINUITY-TEST
#   severity: high
#   title:
#     nl: Het continuïteitsplan van een kritieke clouddienst wordt jaarlijks getest
#     en: The continuity plan of a critical cloud service is tested every year
#   description:
#     nl: >-
#       BIO2-overheidsmaatregelen 5.30.01 en 5.30.02: kritieke systemen zijn geïdentificeerd en hun
#       continuïteitsplannen worden jaarlijks getest.
#     en: >-
#       BIO2 government measures 5.30.01 and 5.30.02: critical systems are identified and their continuity plans are
#       tested every year.
#   messages:
#     default:
#       nl: "Het continuïteitsplan van deze kritieke dienst is niet getest (continuity.continuity_plan_tested_on ontbreekt)."
#       en: "The continuity plan of this critical service has not been tested (continuity.continuity_plan_tested_on is missing)."
#     stale:
#       nl: "De laatste test van het continuïteitsplan ({date}) is op {as_of} ouder dan {months} maanden."
#       en: "The last test of the continuity plan ({date}) is older than {months} months on {as_of}."
#     future:
#       nl: "De test van het continuïteitsplan is gedateerd {date}, na de peildatum {as_of}."
#       en: "The test of the continuity plan is dated {date}, after the reference date {as_of}."
#   remediation:
#     nl: >-
#       Test het continuïteitsplan van de kritieke dienst minstens elk jaar (uitval van de leverancier inbegrepen)
#       en leg de datum vast in continuity.continuity_plan_tested_on.
#     en: >-
#       Test the continuity plan of the critical service at least every year (including loss of the supplier) and
#       record the date in continuity.continuity_plan_tested_on.
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregelen 5.30.01 en 5.30.02
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         De proceseigenaar test jaarlijks continuïteitsplannen op werking, volledigheid en actualiteit, om de
#         plannen te verbeteren. … De proceseigenaar actualiseert dit overzicht ten minste eens per drie jaar.
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
#     - document: Cyberbeveiligingsbesluit, nota van toelichting (opening), over de zorgplicht van art. 21 Cyberbeveiligingswet
#       quote: >-
#         c. bedrijfscontinuïteit, zoals back-upbeheer en noodvoorzieningenplannen, en crisisbeheer
#       status: verified
#   interpretation:
#     nl: >-
#       Het onderzoek gaf van deze maatregelen alleen een samenvatting, geen letterlijke tekst. De checker toetst alleen
#       diensten met continuity.critical: true; een dienst zonder dat veld geldt als niet kritiek, dus of kritieke
#       systemen zijn geïdentificeerd (5.30.02), toetst de checker niet. "Jaarlijks" leest de checker als: de laatste
#       test is niet ouder dan supplier_review_max_age_months (standaard 12 maanden) op de peildatum. Dat art. 41
#       Kaderwet zbo de BIO2 ook voor zbo's verplicht maakt, is de lezing van de checker.
#       5.30.01 geldt voor elk continuïteitsplan, niet alleen voor kritieke diensten. Een kritieke dienst heeft
#       een continuïteitsplan te hebben; voor andere diensten toetst de checker de test alleen als de
#       beschrijving een plan noemt. De BIO2 gaat over informatiesystemen, niet alleen over externe
#       leveranciers: de regel geldt voor elke dienst, ook in een soevereine overheidscloud of een eigen
#       datacentrum. Voor een essentiële of belangrijke entiteit onder de Cyberbeveiligingswet (cbw_entity) is
#       de BIO2 wettelijk verplicht (BIO2-inleiding: 'de BIO is via de Cbw verplicht voor alle organisaties die
#       vallen onder de sector Overheid'); welke maatregelen in versie 1.3 grijs (buiten de Cbw-reikwijdte,
#       'verplichtende zelfregulering') zijn gemarkeerd, is in de gelezen kopie niet zichtbaar.
#     en: >-
#       The research gave only a summary of these measures, not their wording. The checker looks only at services with
#       continuity.critical: true; a service without that field counts as not critical, so whether critical systems
#       are identified (5.30.02) is not checked. The checker reads "every year" as: the last test is not older than
#       supplier_review_max_age_months (default 12 months) on the reference date. That art. 41 Kaderwet zbo makes
#       BIO2 binding on zbo's too is the checker's reading.
#       5.30.01 covers every continuity plan, not only those of critical services. A critical service is taken
#       to have a continuity plan; for other services the checker tests only where the descriptor names a plan.
#       BIO2 concerns information systems, not only external suppliers: the rule applies to every service, a
#       sovereign government cloud or an own data centre included. For an essential or important entity under
#       the Cyberbeveiligingswet (cbw_entity) BIO2 is statutory (BIO2 introduction: BIO is mandatory through the
#       Cbw for every organisation of the sector Overheid); which measures version 1.3 marks grey (outside the
#       Cbw's scope, 'binding self-regulation') is not visible in the copy that was read.
#   subject:
#     nl: >-
#       diensten met een continuïteitsplan (continuity.continuity_plan) of die kritiek zijn
#       (continuity.critical), waar ze ook draaien
#     en: >-
#       services with a continuity plan (continuity.continuity_plan) or that are critical (continuity.critical),
#       wherever they run
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.continuity_plan

import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

path := ["continuity", "continuity_plan_tested_on"]

# Every continuity plan (5.30.01), not only those of critical services, wherever the service runs.
subject contains i if {
	some i, svc in input.services
	has_plan(svc)
}

has_plan(svc) if svc.continuity.critical == true

has_plan(svc) if svc.continuity.continuity_plan == true

# "Yearly": not older than the configured maximum age on the reference date.
max_age := input.settings.supplier_review_max_age_months

deny contains result.fail(i, path, "default", {}) if {
	some i in subject
	not input.services[i].continuity.continuity_plan_tested_on
}

deny contains result.fail(i, path, kind, dates.term_params(date, max_age)) if {
	some i in subject
	date := input.services[i].continuity.continuity_plan_tested_on
	kind := dates.term_problem(date, max_age)
}
