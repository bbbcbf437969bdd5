# METADATA
# scope: package
# custom:
#   id: BIO2-8-13-BACKUP
#   severity: high
#   title:
#     nl: Back-upbeleid met RPO/RTO, een back-up op een gescheiden locatie en een jaarlijkse hersteltest
#     en: A backup policy with RPO/RTO, a backup at a separate location and a yearly restore test
#   description:
#     nl: >-
#       BIO2-overheidsmaatregelen 8.13.01 tot en met 8.13.04: er is een back-upbeleid (ook tegen ransomware), RPO en
#       RTO volgen uit de risicoafweging, een back-up staat op een locatie waarbij een incident op de ene locatie niet
#       kan leiden tot schade op de andere, en het terugzetten van een back-up wordt jaarlijks getest.
#     en: >-
#       BIO2 government measures 8.13.01 to 8.13.04: there is a backup policy (ransomware included), RPO and RTO
#       follow from the risk assessment, a backup is kept at a location where an incident at one location cannot
#       damage the other, and restoring a backup is tested every year.
#   messages:
#     default:
#       nl: "De back-up is niet geregeld: {field} is niet true."
#       en: "The backup is not arranged: {field} is not true."
#     backup_policy:
#       nl: "Er is geen back-upbeleid voor deze dienst (continuity.backup_policy is niet true)."
#       en: "There is no backup policy for this service (continuity.backup_policy is not true)."
#     rpo_rto:
#       nl: "RPO en RTO zijn niet op basis van de risicoafweging vastgesteld (continuity.rpo_rto_defined is niet true)."
#       en: "RPO and RTO are not set from the risk assessment (continuity.rpo_rto_defined is not true)."
#     separate_location:
#       nl: "Niet aangetoond dat een incident op de ene locatie geen schade kan doen op de andere: de back-uplocatie is niet als onafhankelijk vastgelegd (continuity.backup_location_independent), staat niet buiten de leverancier en niet in een ander land dan de opslag."
#       en: "Not shown that an incident at one location cannot damage the other: the backup location is not recorded as independent (continuity.backup_location_independent), is not outside the provider and not in another country than the storage."
#     restore_untested:
#       nl: "Het terugzetten van een back-up is niet getest (continuity.restore_tested_on ontbreekt)."
#       en: "Restoring a backup has not been tested (continuity.restore_tested_on is missing)."
#     restore_stale:
#       nl: "De laatste hersteltest ({date}) is op {as_of} ouder dan {months} maanden."
#       en: "The last restore test ({date}) is older than {months} months on {as_of}."
#     restore_before_change:
#       nl: "De laatste hersteltest ({date}) is van vóór de grote wijziging van {change}; 8.13.04 vraagt ook een hersteltest na een grote wijziging."
#       en: "The last restore test ({date}) predates the major change of {change}; 8.13.04 also asks for a restore test after a major change."
#     not_shown:
#       nl: "De beschrijving vermeldt niet wanneer de dienst voor het laatst significant is gewijzigd (service.last_significant_change; de ingangsdatum als er sindsdien niets is gewijzigd); zonder dat gegeven is een hersteltest na een grote wijziging niet aan te tonen."
#       en: "The descriptor does not say when the service last changed significantly (service.last_significant_change; the start date if nothing changed since); without that fact a restore test after a major change cannot be shown."
#     restore_future:
#       nl: "De hersteltest is gedateerd {date}, na de peildatum {as_of}."
#       en: "The restore test is dated {date}, after the reference date {as_of}."
#   remediation:
#     nl: >-
#       Stel een back-upbeleid vast (continuity.backup_policy), bepaal RPO en RTO uit de risicoafweging
#       (continuity.rpo_rto_defined), bewaar een back-up buiten de leverancier (exit.backup_outside_provider) of op een
#       andere locatie dan de opslag (hosting.backup_locations), en test het herstel elk jaar
#       (continuity.restore_tested_on).
#     en: >-
#       Set a backup policy (continuity.backup_policy), derive RPO and RTO from the risk assessment
#       (continuity.rpo_rto_defined), keep a backup outside the provider (exit.backup_outside_provider) or at another
#       location than the storage (hosting.backup_locations), and test restoring every year
#       (continuity.restore_tested_on).
#   sources:
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2) v1.3, kopie in de repository van MinBZK (HEAD 270c203, docs/maatregelen/index.md; volgens de repository zonder formele status, v1.2 vastgesteld door het OBDO op 24-09-2025)
#       section: overheidsmaatregelen 8.13.01 tot en met 8.13.04
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: >-
#         Er is een back-upbeleid … Er is speciale aandacht voor het beschermen van de back-up tegen
#         ransomware-aanvallen … Op basis van een expliciete risicoafweging is bepaald wat het maximaal
#         toegestane dataverlies is en wat de maximale hersteltijd is na een incident. … Het back-upproces
#         voorziet in de opslag van de back-up op een locatie, waarbij een incident op de ene locatie niet kan
#         leiden tot schade op de andere. … De herstelprocedure wordt minimaal jaarlijks getest of na een grote
#         wijziging …
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
#       8.13.03 vraagt dat een incident op de ene locatie geen schade kan doen op de andere, niet een ander land
#       of een andere leverancier. De checker ziet dat in continuity.backup_location_independent: true
#       (bijvoorbeeld twee gescheiden datacentra in één land), en neemt een back-up buiten de leverancier
#       (exit.backup_outside_provider) of in een land buiten de opslaglanden als bewijs. Of het back-upbeleid
#       ransomware afdekt, ziet de checker niet. 'Minimaal jaarlijks' leest de checker als: de laatste
#       hersteltest is niet ouder dan supplier_review_max_age_months (standaard 12 maanden); 'of na een grote
#       wijziging' als: niet ouder dan service.last_significant_change; een dienst in gebruik (migrating, in_use,
#       exiting) zonder die datum faalt, want onbekend is geen 'geen wijziging'. De BIO2 gaat over informatiesystemen,
#       niet alleen over externe leveranciers: de regel geldt voor elke dienst, ook in een soevereine
#       overheidscloud of een eigen datacentrum. Voor een essentiële of belangrijke entiteit onder de
#       Cyberbeveiligingswet (cbw_entity) is de BIO2 wettelijk verplicht (BIO2-inleiding: 'de BIO is via de Cbw
#       verplicht voor alle organisaties die vallen onder de sector Overheid'); welke maatregelen in versie 1.3
#       grijs (buiten de Cbw-reikwijdte, 'verplichtende zelfregulering') zijn gemarkeerd, is in de gelezen kopie
#       niet zichtbaar.
#     en: >-
#       8.13.03 asks that an incident at one location cannot damage the other, not another country or provider.
#       The checker sees that in continuity.backup_location_independent: true (for example two separate data
#       centres in one country), and takes a backup outside the provider (exit.backup_outside_provider) or in a
#       country outside the storage countries as evidence. Whether the backup policy covers ransomware is beyond
#       the checker. It reads 'at least yearly' as: the last restore test is not older than
#       supplier_review_max_age_months (default 12 months); 'or after a major change' as: not older than
#       service.last_significant_change; a service in use (migrating, in_use, exiting) without that date fails,
#       since unknown is not 'no change'. BIO2 concerns information systems, not only external suppliers: the
#       rule applies to every service, a sovereign government cloud or an own data centre included. For an
#       essential or important entity under the Cyberbeveiligingswet (cbw_entity) BIO2 is statutory (BIO2
#       introduction: BIO is mandatory through the Cbw for every organisation of the sector Overheid); which
#       measures version 1.3 marks grey (outside the Cbw's scope, 'binding self-regulation') is not visible in
#       the copy that was read.
#   subject:
#     nl: >-
#       alle diensten, waar ze ook draaien (publieke cloud, soevereine overheidscloud of eigen datacentrum)
#     en: >-
#       every service, wherever it runs (public cloud, sovereign government cloud or own data centre)
#   applies_to: [bio2, kaderwet_zbo_art41, cbw_entity]
#   stages: [implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.backup

import data.cloudbeleid.lib.assessment
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# Each demand on the continuity block: the field and the kind of its finding.
flags := {"backup_policy": "backup_policy", "rpo_rto_defined": "rpo_rto"}

# Every service: BIO2 concerns the system wherever it runs, not only a supplier's cloud.
subject contains i if some i, _ in input.services

# 8.13.03 asks that one incident cannot damage both locations; another provider or country is evidence, not the demand.
separate(svc) if svc.continuity.backup_location_independent == true

separate(svc) if svc.exit.backup_outside_provider == true

separate(svc) if {
	some country in object.get(svc, ["hosting", "backup_locations"], [])
	not country in object.get(svc, ["hosting", "storage_locations"], [])
}

# "Yearly": not older than the configured maximum age on the reference date.
max_age := input.settings.supplier_review_max_age_months

deny contains result.fail(i, ["continuity", field], kind, {"field": concat(".", ["continuity", field])}) if {
	some i in subject
	some field, kind in flags
	service.unconfirmed(input.services[i], ["continuity", field])
}

deny contains result.fail(i, ["continuity", "backup_location_independent"], "separate_location", {}) if {
	some i in subject
	not separate(input.services[i])
}

deny contains result.fail(i, ["continuity", "restore_tested_on"], "restore_untested", {}) if {
	some i in subject
	not input.services[i].continuity.restore_tested_on
}

deny contains result.fail(i, ["continuity", "restore_tested_on"], kind, dates.term_params(date, max_age)) if {
	some i in subject
	date := input.services[i].continuity.restore_tested_on
	kind := concat("_", ["restore", dates.term_problem(date, max_age)])
}

# 8.13.04: "minimaal jaarlijks getest of na een grote wijziging": a restore test older than the last significant change.
deny contains result.fail(i, ["continuity", "restore_tested_on"], "restore_before_change", params) if {
	some i in subject
	svc := input.services[i]
	date := svc.continuity.restore_tested_on
	change := svc.service.last_significant_change
	date < change
	change <= input.as_of
	params := {"date": date, "change": change}
}

deny contains result.fail(i, ["service", "last_significant_change"], "not_shown", {}) if {
	some i in subject
	assessment.change_unrecorded(input.services[i])
}
