# METADATA
# description: |
#   The assessments a descriptor records (assessments.<name>: status, date): whether one
#   is approved, dated after the reference date, or older than the service's last
#   significant change, and the grounds that make a DPIA necessary.
package cloudbeleid.lib.assessment

import data.cloudbeleid.lib.dates
import data.cloudbeleid.lib.result
import data.cloudbeleid.lib.service

# The status of the assessment, for a message: service.unrecorded when the descriptor records none.
status(svc, name) := service.recorded(svc, ["assessments", name, "status"])

approved(svc, name) if svc.assessments[name].status == "approved"

# The violation (message kind "future": {date}, {as_of}) of an assessment approved with a date after the reference
# date: on that date it was not yet approved.
approved_after_reference(i, name) := result.fail(i, ["assessments", name, "date"], "future", params) if {
	assessment := input.services[i].assessments[name]
	assessment.status == "approved"
	params := dates.after_reference(assessment.date)
}

# The service changed significantly after the assessment's date, on or before the reference date: the message
# parameters {date} and {changed}.
changed_after(svc, name) := {"date": date, "changed": changed} if {
	date := svc.assessments[name].date
	changed := svc.service.last_significant_change
	changed > date
	changed <= input.as_of
}

# Unknown is not "no change": a service in use (migrating, in_use, exiting) that does not say when it last changed
# significantly cannot show that an assessment or a test is newer than the change. A planned service may not know it.
change_unrecorded(svc) if {
	svc.service.status in {"migrating", "in_use", "exiting"}
	not svc.service.last_significant_change
}

# The service changed significantly on or before the reference date, and no dated assessment of that name is recorded:
# the message parameter {changed}.
changed_unassessed(svc, name) := {"changed": changed} if {
	changed := svc.service.last_significant_change
	changed <= input.as_of
	not svc.assessments[name].date
}

# The grounds on which a processing likely carries a high risk (AVG art. 35), in a fixed order: a DPIA the
# pre-scan found required, or large-scale processing of special categories, criminal data or the BSN.
dpia_grounds := ["assessments.dpia.required", "data.large_scale+data.special_categories", "data.large_scale+data.criminal_data", "data.large_scale+data.bsn"]

# Per service index, the grounds of a likely high risk, for the services that have any.
# Each ground's test once, in dpia_grounds' order (a function with a body per ground, asked for each ground,
# evaluated every body each time): as booleans, [a, b] == [true, true] is both; special categories as
# cloud.special_personal_data reads them.
high_risk[i] := grounds if {
	some i, svc in input.services
	data_of := object.get(svc, "data", {})
	large := object.get(data_of, "large_scale", null) == true
	tests := [
		object.get(svc, ["assessments", "dpia", "required"], null) == true,
		[large, count(object.get(data_of, "special_categories", [])) > 0] == [true, true],
		[large, object.get(data_of, "criminal_data", null) == true] == [true, true],
		[large, object.get(data_of, "bsn", null) == true] == [true, true],
	]
	grounds := [ground | some j, ground in dpia_grounds; tests[j]]
	count(grounds) > 0
}
