# METADATA
# scope: package
# custom:
#   id: KAMER25-EXIT-FOR-MIGRATION
#   severity: high
#   title:
#     nl: Bij een voorgenomen cloudmigratie is een exitstrategie opgesteld
#     en: An exit strategy is drawn up for an intended cloud migration
#   description:
#     nl: >-
#       Het kabinet schrijft dat bij voorgenomen cloudmigraties een exitstrategie wordt opgesteld en een zorgvuldig
#       besluitvormingstraject wordt doorlopen. Een geplande of lopende migratie heeft daarom een gedateerd exitplan
#       en een exitstrategie in de overeenkomst.
#     en: >-
#       The cabinet writes that for intended cloud migrations an exit strategy is drawn up and a careful
#       decision-making process is followed. A planned or running migration therefore has a dated exit plan and an exit
#       strategy in the contract.
#   messages:
#     default:
#       nl: "Voor deze voorgenomen migratie (status {status}) is geen gedateerd exitplan vastgelegd (exit.plan.date)."
#       en: "No dated exit plan is recorded for this intended migration (status {status}) (exit.plan.date)."
#     strategy_in_contract:
#       nl: "Voor deze voorgenomen migratie (status {status}) staat geen exitstrategie in de overeenkomst (exit.strategy_in_contract is niet true)."
#       en: "For this intended migration (status {status}) the contract contains no exit strategy (exit.strategy_in_contract is not true)."
#   remediation:
#     nl: >-
#       Stel vóór de migratie een exitplan op en leg de datum vast in exit.plan.date, en neem de exitstrategie op in
#       de overeenkomst die voor de migratie wordt gesloten (exit.strategy_in_contract).
#     en: >-
#       Draw up an exit plan before the migration and record its date in exit.plan.date, and put the exit strategy in
#       the contract concluded for the migration (exit.strategy_in_contract).
#   sources:
#     - document: >-
#         Antwoord op Kamervragen Kathmann en Six Dijkstra, Financiën (Aanhangsel Handelingen II 2025/26, nr. 6,
#         ontvangen 19 september 2025), antwoord 5, Ministerie van Financiën
#       quote: >-
#         Bij voorgenomen cloudmigraties wordt daarom een exit-strategie opgesteld en een zorgvuldig
#         besluitvormingstraject doorlopen.
#       status: secondary
#   interpretation:
#     nl: >-
#       Een voorgenomen migratie is een externe clouddienst met service.status planned of migrating. Een exitstrategie
#       "opgesteld" leest de checker als een exitplan met een datum (exit.plan.date) plus een exitstrategie in de
#       overeenkomst; bij status planned betekent dat: in de overeenkomst die wordt aanbesteed. De zin staat in het
#       deel van het Ministerie van Financiën; dat hij rijksbreed geldt, is de lezing van de checker.
#     en: >-
#       An intended migration is an external cloud service with service.status planned or migrating. The checker reads
#       an exit strategy "drawn up" as an exit plan with a date (exit.plan.date) plus an exit strategy in the contract;
#       with status planned that means: in the contract being procured. The sentence is in the part of the Ministry of
#       Finance; that it holds government-wide is the checker's reading.
#   subject:
#     nl: voorgenomen migraties naar een externe clouddienst (status planned of migrating)
#     en: intended migrations to an external cloud service (status planned or migrating)
#   applies_to: [kamer_2025]
#   stages: [procurement, implementation]
#   effective_from: "2025-09-19"
#   waivable: true
package cloudbeleid.rules.kamer_2025.exit_for_migration

import data.cloudbeleid.lib.cloud
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

migration_statuses := {"planned", "migrating"}

subject contains i if {
	some i in cloud.external_clouds
	svc := input.services[i]
	svc.service.status in migration_statuses
}

deny contains result.fail(i, ["exit", "plan", "date"], "default", {"status": svc.service.status}) if {
	some i in subject
	svc := input.services[i]
	not svc.exit.plan.date
}

deny contains result.fail(i, ["exit", "strategy_in_contract"], "strategy_in_contract", params) if {
	some i in subject
	service.unconfirmed(input.services[i], ["exit", "strategy_in_contract"])
	params := {"status": input.services[i].service.status}
}
