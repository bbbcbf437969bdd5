# METADATA
# description: |
#   Helpers shared by the CB26 rules (Herziening rijksbreed cloudbeleid 2026, secondary
#   sources only): the transition periods for services that existed before the policy,
#   and what the policy calls openbaar. Date strings (YYYY-MM-DD) compare as text.
package cloudbeleid.lib.cb26

import data.cloudbeleid.lib.cloud

# The policy's own start date is not known (the policy document was not read): the day the Kamerbrief was sent,
# 3 July 2026, unless the configuration sets thresholds.cb26_policy_start. Both transition periods run from it.
default policy_date := "2026-07-03"

policy_date := input.settings.cb26_policy_start

# The same day `years` years later (29 February compares after 28 February, which is what text comparison needs).
years_after(date, years) := sprintf("%04d%s", [to_number(substring(date, 0, 4)) + years, substring(date, 4, -1)])

# Existing use: an exit plan within twelve months (secondary sources).
exit_plan_due := years_after(policy_date, 1)

# Existing use: a transition period of four years (secondary sources).
transition_end := years_after(policy_date, 4)

# A service whose use started before the policy took effect. Without a start date a service counts as new.
existing(svc) if svc.service.start_date < policy_date

# The longer remaining term of an existing contract: a contract that began before the policy (or has no start date)
# and still runs on the reference date.
existing_contract_runs(svc) if {
	not contract_under_policy(svc)
	svc.contract.end_date >= input.as_of
}

contract_under_policy(svc) if svc.contract.start_date >= policy_date

# On the reference date the CB26 rules bind this service: the policy has started, and the service is new or its
# transition period is over.
in_force(svc) if {
	input.as_of >= policy_date
	not existing(svc)
}

in_force(svc) if {
	existing(svc)
	input.as_of >= transition_end
	not existing_contract_runs(svc)
}

# On the reference date the exit plan is due for this service.
exit_plan_in_force(svc) if {
	input.as_of >= policy_date
	not existing(svc)
}

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
