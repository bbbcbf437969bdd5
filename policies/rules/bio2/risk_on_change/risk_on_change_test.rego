package cloudbeleid.rules.bio2.risk_on_change_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.bio2.risk_on_change

svc(model, assessment, changed) := {
	"service": {"deployment_model": model, "last_significant_change": changed},
	"assessments": {"risk_assessment": assessment},
}

approved := {"status": "approved", "date": "2026-02-01"}

run(services) := violations if {
	violations := risk_on_change.deny with input.services as services with input.as_of as "2026-06-30"
}

test_no_approved_assessment_fails_also_in_an_own_data_centre if {
	run([{"service": {"deployment_model": "on_premise"}}]) == {{
		"service": 0,
		"path": ["assessments", "risk_assessment", "status"],
		"kind": "default",
		"params": {"status": service.unrecorded},
	}}
}

test_a_change_after_the_assessment_fails if {
	run([svc("government_dc", approved, "2026-03-01")]) == {{
		"service": 0,
		"path": ["service", "last_significant_change"],
		"kind": "changed",
		"params": {"date": "2026-02-01", "changed": "2026-03-01"},
	}}
}

test_an_assessment_after_the_change_passes if {
	run([svc("public", approved, "2026-01-01")]) == set()
	risk_on_change.subject == {0} with input.services as [svc("public", approved, "2026-01-01")]
}

test_a_change_after_the_reference_date_passes if {
	run([svc("public", approved, "2026-07-01")]) == set()
}

test_a_service_in_use_that_does_not_say_when_it_last_changed_fails if {
	svc := {"service": {"deployment_model": "public", "status": "in_use"}, "assessments": {"risk_assessment": approved}}
	run([svc]) == {{"service": 0, "path": ["service"], "kind": "not_shown", "params": {}}}
	planned := object.union(svc, {"service": {"status": "planned"}})
	run([planned]) == set()
}
