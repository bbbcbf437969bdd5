package cloudbeleid.rules.cb22.risk_assessment_current_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb22.risk_assessment_current

public_service(assessment, changed) := {
	"service": {"deployment_model": "public", "last_significant_change": changed},
	"assessments": {"risk_assessment": assessment},
}

run(svc) := violations if {
	violations := risk_assessment_current.deny with input.services as [svc]
		with input.as_of as "2026-06-30"
		with input.settings.risk_assessment_max_age_months as 12
}

test_missing_assessment_fails if {
	run({"service": {"deployment_model": "public"}}) == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "status"],
		"kind": "default",
		"params": {"status": service.unrecorded},
	}}
}

test_an_old_assessment_without_cause_passes_here if {
	# the age is the checker's reading, advice under CB22-RISK-ASSESSMENT-AGE; the policy asks an update on cause
	count(run(public_service({"status": "approved", "date": "2024-06-29"}, "2020-01-01"))) == 0
}

test_change_after_the_assessment_fails if {
	run(public_service({"status": "approved", "date": "2026-01-10"}, "2026-03-01")) == {{
		"service": 0,
		"path": ["service", "last_significant_change"],
		"kind": "changed",
		"params": {"date": "2026-01-10", "changed": "2026-03-01"},
	}}
}

test_undated_and_future_assessments_fail if {
	{v.kind | some v in run(public_service({"status": "approved"}, "2020-01-01"))} == {"undated"}
	{v.kind | some v in run(public_service({"status": "approved", "date": "2026-07-01"}, "2020-01-01"))} == {"future"}
}

test_current_assessment_passes if {
	count(run(public_service({"status": "approved", "date": "2025-06-30"}, "2025-01-01"))) == 0
}

test_a_service_in_use_without_its_last_change_is_not_shown if {
	# unknown is not "no change"; a planned service may not know it
	svc := {"service": {"deployment_model": "public", "status": "in_use"}, "assessments": {"risk_assessment": {"status": "approved", "date": "2026-01-10"}}}
	run(svc) == {{"service": 0, "path": ["service", "last_significant_change"], "kind": "not_shown", "params": {}}}
	run(object.union(svc, {"service": {"status": "planned"}})) == set()
}
