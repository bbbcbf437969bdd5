# METADATA
# description: |
#   Helpers shared by the CB26 rules (Herziening rijksbreed cloudbeleid 2026, secondary
#   sources only): the transition periods for services that existed before the policy,
#   and what the policy calls openbaar. Date strings (YYYY-MM-DD) compare as text.
package cloudbeleid.lib.cb26

import data.cloudbeleid.lib.cloud

# The day the Kamerbrief was sent (3 July 2026), read as the day the policy took effect.
policy_date := "2026-07-03"

# Existing use: an exit plan within twelve months (secondary sources).
exit_plan_due := "2027-07-03"

# Existing use: a transition period of four years (secondary sources).
transition_end := "2030-07-03"

# A service whose use started before the policy took effect. Without a start date a service counts as new.
existing(svc) if svc.service.start_date < policy_date

# The longer remaining term of an existing contract: a contract that began before the policy (or has no start date)
# and still runs on the reference date.
existing_contract_runs(svc) if {
	not contract_under_policy(svc)
	svc.contract.end_date >= input.as_of
}

contract_under_policy(svc) if svc.contract.start_date >= policy_date

# On the reference date the CB26 rules bind this service: it is new, or its transition period is over.
in_force(svc) if not existing(svc)

in_force(svc) if {
	existing(svc)
	input.as_of >= transition_end
	not existing_contract_runs(svc)
}

# On the reference date the exit plan is due for this service.
exit_plan_in_force(svc) if not existing(svc)

exit_plan_in_force(svc) if {
	existing(svc)
	input.as_of >= exit_plan_due
}

# A materieel service of an external supplier that the rules bind on the reference date.
materieel_in_force(svc) if {
	cloud.external_cloud(svc)
	cloud.materieel(svc)
	in_force(svc)
}

# Openbare data (publicly available): confidentiality laag and no personal data.
openbaar(svc) if {
	svc.data.biv.vertrouwelijkheid == "laag"
	not cloud.personal_data(svc)
}
