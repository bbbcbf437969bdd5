# METADATA
# title: Back-upbeleid, RPO/RTO, back-up op een andere locatie en jaarlijkse hersteltest (BIO2 8.13)
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
#   message:
#     nl: "De back-up is niet geregeld: {field} is niet true."
#     en: "The backup is not arranged: {field} is not true."
#   messages:
#     backup_policy:
#       nl: "Er is geen back-upbeleid voor deze dienst (continuity.backup_policy is niet true)."
#       en: "There is no backup policy for this service (continuity.backup_policy is not true)."
#     rpo_rto:
#       nl: "RPO en RTO zijn niet op basis van de risicoafweging vastgesteld (continuity.rpo_rto_defined is niet true)."
#       en: "RPO and RTO are not set from the risk assessment (continuity.rpo_rto_defined is not true)."
#     separate_location:
#       nl: "Er staat geen back-up buiten de leverancier of in een ander land dan de opslag; een incident kan gegevens en back-up samen treffen."
#       en: "No backup is kept outside the provider or in another country than the storage; one incident can hit data and backup together."
#     restore_untested:
#       nl: "Het terugzetten van een back-up is niet getest (continuity.restore_tested_on ontbreekt)."
#       en: "Restoring a backup has not been tested (continuity.restore_tested_on is missing)."
#     restore_stale:
#       nl: "De laatste hersteltest ({date}) is op {as_of} ouder dan {months} maanden."
#       en: "The last restore test ({date}) is older than {months} months on {as_of}."
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
#     - document: Baseline Informatiebeveiliging Overheid 2 (BIO2), werkversie in de repository van MinBZK
#       section: overheidsmaatregelen 8.13.01 tot en met 8.13.04
#       url: https://github.com/MinBZK/Baseline-Informatiebeveiliging-Overheid
#       quote: waarbij een incident op de ene locatie niet kan leiden tot schade op de andere
#       status: verified
#     - document: Kaderwet zelfstandige bestuursorganen (BWBR0020495), art. 41
#       url: https://wetten.overheid.nl/BWBR0020495/2022-07-01#Artikel41
#       quote: >-
#         Een zelfstandig bestuursorgaan draagt op de voet van de ter zake voor de Rijksdienst geldende voorschriften
#         zorg voor de nodige technische en organisatorische voorzieningen ter beveiliging van zijn gegevens tegen
#         verlies of aantasting en tegen onbevoegde kennisneming, wijziging en verstrekking van die gegevens.
#       status: verified
#   interpretation:
#     nl: >-
#       Het onderzoek citeert alleen de zinsnede over de locatie; de rest is een samenvatting. Een gescheiden locatie
#       ziet de checker in exit.backup_outside_provider: true, of in een land in hosting.backup_locations dat niet in
#       hosting.storage_locations staat; gescheiden datacentra binnen één land kan de beschrijving niet tonen. Of het
#       back-upbeleid ransomware afdekt, ziet de checker niet. "Jaarlijks" leest de checker als: de laatste hersteltest
#       is niet ouder dan supplier_review_max_age_months (standaard 12 maanden). Dat art. 41 Kaderwet zbo de BIO2 ook
#       voor zbo's verplicht maakt, is de lezing van de checker.
#     en: >-
#       The research quotes only the phrase on the location; the rest is a summary. The checker sees a separate
#       location in exit.backup_outside_provider: true, or in a country in hosting.backup_locations that is not in
#       hosting.storage_locations; separate data centres within one country cannot be shown in the descriptor. Whether
#       the backup policy covers ransomware is beyond the checker. The checker reads "every year" as: the last restore
#       test is not older than supplier_review_max_age_months (default 12 months). That art. 41 Kaderwet zbo makes
#       BIO2 binding on zbo's too is the checker's reading.
#   subject:
#     nl: clouddiensten van een externe leverancier
#     en: cloud services of an external supplier
#   applies_to: [bio2, kaderwet_zbo_art41]
#   stages: [implementation, operation]
#   effective_from: "2025-09-24"
#   waivable: true
package cloudbeleid.rules.bio2.backup

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result

# Each demand on the continuity block: the field and the kind of its finding.
flags := {"backup_policy": "backup_policy", "rpo_rto_defined": "rpo_rto"}

subject contains i if {
	some i, svc in input.services
	cloud.external_cloud(svc)
}

separate(svc) if svc.exit.backup_outside_provider == true

separate(svc) if {
	some country in object.get(svc, ["hosting", "backup_locations"], [])
	not country in object.get(svc, ["hosting", "storage_locations"], [])
}

deny contains result.fail_kind(i, ["continuity", field], kind, {"field": concat(".", ["continuity", field])}) if {
	some i in subject
	some field, kind in flags
	object.get(input.services[i], ["continuity", field], false) != true
}

deny contains result.fail_kind(i, ["exit", "backup_outside_provider"], "separate_location", {}) if {
	some i in subject
	not separate(input.services[i])
}

deny contains result.fail_kind(i, ["continuity", "restore_tested_on"], "restore_untested", {}) if {
	some i in subject
	not input.services[i].continuity.restore_tested_on
}

# "Yearly": not older than the configured maximum age on the reference date.
max_age := input.settings.supplier_review_max_age_months

params(date) := {"date": date, "as_of": input.as_of, "months": max_age}

deny contains result.fail_kind(i, ["continuity", "restore_tested_on"], "restore_future", params(date)) if {
	some i in subject
	date := input.services[i].continuity.restore_tested_on
	date > input.as_of
}

deny contains result.fail_kind(i, ["continuity", "restore_tested_on"], "restore_stale", params(date)) if {
	some i in subject
	date := input.services[i].continuity.restore_tested_on
	date <= input.as_of
	dates.older_than_months(date, input.as_of, max_age)
}
